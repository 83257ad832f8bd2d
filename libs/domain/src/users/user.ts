import { type Role } from '../access/roles';
import type { Decider } from '../shared/decider';
import { alreadyExists, invalid } from '../shared/errors';
import { event, type DomainEvent } from '../shared/event';

/** The token itself never enters the log: only its SHA-256, which the audit trail also hides. */
export type UserRegistered = DomainEvent<'UserRegistered', { id: string; name: string; role: Role; units: readonly string[]; tokenHash: string }>;
export type UserEvent = UserRegistered;

export type RegisterUser = Readonly<{ type: 'RegisterUser'; id: string; name: string; role: Role; units: readonly string[]; tokenHash: string }>;

export type UserState = Readonly<{ status: 'empty' }> | Readonly<{ status: 'registered'; id: string }>;

/**
 * Roles that act on units must have at least one. An admin sees everything; an inspector may have
 * units (a provincial inspectorate, which then sees only their subtrees) or none (national).
 */
const SCOPED: readonly Role[] = ['finance_officer', 'social_officer', 'supervisor'];

export const userDecider: Decider<RegisterUser, UserEvent, UserState> = {
  initialState: () => ({ status: 'empty' }),
  evolve: (_s, e) => ({ status: 'registered', id: e.data.id }),
  decide: (c, state) => {
    if (state.status !== 'empty') throw alreadyExists('user', c.id);
    const role = c.role;
    if (SCOPED.includes(role) && c.units.length === 0) throw invalid('units', `a ${role} needs at least one unit`);
    return [event('UserRegistered', { id: c.id, name: c.name, role, units: [...new Set(c.units)], tokenHash: c.tokenHash })];
  },
};
