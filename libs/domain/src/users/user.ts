import type { Role } from '../access/roles';
import type { Decider } from '../shared/decider';
import { DomainError, alreadyExists, invalid, notFound } from '../shared/errors';
import { event, type DomainEvent } from '../shared/event';

/**
 * Tokens never enter the log: only their SHA-256, which every read (the audit trail, /changes, the
 * user lists) hides. `expiresAt` is null for a token that does not expire (version 2; version 1
 * had no expiry, see libs/ledger/src/schema/user-registered.v1.ts).
 */
export type UserRegistered = DomainEvent<
  'UserRegistered',
  { id: string; name: string; role: Role; units: readonly string[]; tokenHash: string; expiresAt: string | null }
>;
/** The previous hash is named so that the read model can kill that token at once. */
export type UserTokenRotated = DomainEvent<
  'UserTokenRotated',
  { id: string; tokenHash: string; previousTokenHash: string; expiresAt: string | null; reason: string }
>;
export type UserDeactivated = DomainEvent<'UserDeactivated', { id: string; reason: string }>;
export type UserReactivated = DomainEvent<'UserReactivated', { id: string; reason: string }>;
export type UserEvent = UserRegistered | UserTokenRotated | UserDeactivated | UserReactivated;

/** `now` is when the command arrived: an expiry must lie after it. */
export type RegisterUser = Readonly<{
  type: 'RegisterUser';
  id: string;
  name: string;
  role: Role;
  units: readonly string[];
  tokenHash: string;
  expiresAt: string | null;
  now: string;
}>;
export type RotateUserToken = Readonly<{ type: 'RotateUserToken'; id: string; tokenHash: string; expiresAt: string | null; reason: string; now: string }>;
/** `otherActiveAdmins`: how many active administrators besides this user the read model knows. */
export type DeactivateUser = Readonly<{ type: 'DeactivateUser'; id: string; reason: string; otherActiveAdmins: number }>;
export type ReactivateUser = Readonly<{ type: 'ReactivateUser'; id: string; reason: string }>;
export type UserCommand = RegisterUser | RotateUserToken | DeactivateUser | ReactivateUser;

type Known = Readonly<{ id: string; role: Role; tokenHash: string }>;
export type UserState = Readonly<{ status: 'empty' }> | (Known & Readonly<{ status: 'active' }>) | (Known & Readonly<{ status: 'deactivated' }>);

/**
 * Roles that act on units must have at least one. An admin sees everything; an inspector may have
 * units (a provincial inspectorate, which then sees only their subtrees) or none (national).
 */
const SCOPED: readonly Role[] = ['finance_officer', 'social_officer', 'supervisor'];

function evolve(state: UserState, e: UserEvent): UserState {
  switch (e.type) {
    case 'UserRegistered':
      return { status: 'active', id: e.data.id, role: e.data.role, tokenHash: e.data.tokenHash };
    case 'UserTokenRotated':
      return state.status === 'empty' ? state : { ...state, tokenHash: e.data.tokenHash };
    case 'UserDeactivated':
      return state.status === 'empty' ? state : { ...state, status: 'deactivated' };
    case 'UserReactivated':
      return state.status === 'empty' ? state : { ...state, status: 'active' };
    default: {
      const _exhaustive: never = e;
      return _exhaustive;
    }
  }
}

function assertLater(expiresAt: string | null, now: string): void {
  if (expiresAt !== null && Date.parse(expiresAt) <= Date.parse(now)) throw invalid('expiresAt', `must be later than now (${now})`);
}

function register(c: RegisterUser, state: UserState): UserEvent[] {
  if (state.status !== 'empty') throw alreadyExists('user', c.id);
  if (SCOPED.includes(c.role) && c.units.length === 0) throw invalid('units', `a ${c.role} needs at least one unit`);
  assertLater(c.expiresAt, c.now);
  return [event('UserRegistered', { id: c.id, name: c.name, role: c.role, units: [...new Set(c.units)], tokenHash: c.tokenHash, expiresAt: c.expiresAt }, 2)];
}

function known(state: UserState, id: string): Known & Readonly<{ status: 'active' | 'deactivated' }> {
  if (state.status === 'empty') throw notFound('user', id);
  return state;
}

/**
 * A token is replaced, never edited: the new one works from this event on and the old one stops at
 * the same position. A deactivated user's token may be rotated too; it works once reactivated.
 * Rotating to the token already in use changes nothing (two servers starting with the same new
 * LEDGER_ADMIN_TOKEN both ask for it).
 */
function rotate(c: RotateUserToken, state: UserState): UserEvent[] {
  const user = known(state, c.id);
  if (c.tokenHash === user.tokenHash) return [];
  assertLater(c.expiresAt, c.now);
  return [event('UserTokenRotated', { id: user.id, tokenHash: c.tokenHash, previousTokenHash: user.tokenHash, expiresAt: c.expiresAt, reason: c.reason })];
}

/** The last active administrator may not lock everyone out of user and unit management. */
function deactivate(c: DeactivateUser, state: UserState): UserEvent[] {
  const user = known(state, c.id);
  if (user.status === 'deactivated') throw new DomainError('ALREADY_DEACTIVATED', `user '${user.id}' is already deactivated`, { id: user.id });
  if (user.role === 'admin' && c.otherActiveAdmins === 0) {
    throw new DomainError('LAST_ACTIVE_ADMIN', `user '${user.id}' is the last active administrator: activate or register another first`, { id: user.id });
  }
  return [event('UserDeactivated', { id: user.id, reason: c.reason })];
}

function reactivate(c: ReactivateUser, state: UserState): UserEvent[] {
  const user = known(state, c.id);
  if (user.status === 'active') throw new DomainError('ALREADY_ACTIVE', `user '${user.id}' is active`, { id: user.id });
  return [event('UserReactivated', { id: user.id, reason: c.reason })];
}

export const userDecider: Decider<UserCommand, UserEvent, UserState> = {
  initialState: () => ({ status: 'empty' }),
  evolve,
  decide: (c, state) => {
    switch (c.type) {
      case 'RegisterUser':
        return register(c, state);
      case 'RotateUserToken':
        return rotate(c, state);
      case 'DeactivateUser':
        return deactivate(c, state);
      case 'ReactivateUser':
        return reactivate(c, state);
      default: {
        const _exhaustive: never = c;
        return _exhaustive;
      }
    }
  },
};
