import type { Decider } from '../shared/decider';
import { alreadyExists, invalid } from '../shared/errors';
import { event, type DomainEvent } from '../shared/event';

export const UNIT_LEVELS = ['central', 'province', 'district', 'commune', 'agency'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/**
 * Which levels may sit under which. Communes may hang directly under a province because districts
 * were abolished on 1 July 2025; agencies (chủ đầu tư) may be owned by any level above a commune.
 */
const PARENT_LEVELS: Readonly<Record<UnitLevel, readonly UnitLevel[]>> = {
  central: [],
  province: ['central'],
  district: ['province'],
  commune: ['district', 'province'],
  agency: ['central', 'province', 'district'],
};

export type UnitRegistered = DomainEvent<'UnitRegistered', { code: string; name: string; level: UnitLevel; parent: string | null }>;
export type UnitEvent = UnitRegistered;

export type RegisterUnit = Readonly<{
  type: 'RegisterUnit';
  /** An id (shared/text.ts): it names the unit's stream. */
  code: string;
  name: string;
  level: UnitLevel;
  parent: Readonly<{ code: string; level: UnitLevel }> | null;
}>;

export type UnitState = Readonly<{ status: 'empty' }> | Readonly<{ status: 'registered'; code: string; level: UnitLevel; parent: string | null }>;

export const unitDecider: Decider<RegisterUnit, UnitEvent, UnitState> = {
  initialState: () => ({ status: 'empty' }),
  evolve: (_state, e) => ({ status: 'registered', code: e.data.code, level: e.data.level, parent: e.data.parent }),
  decide: (command, state) => {
    if (state.status !== 'empty') throw alreadyExists('unit', command.code);
    const level = command.level;
    const allowed = PARENT_LEVELS[level];
    if (command.parent === null) {
      if (allowed.length > 0) throw invalid('parent', `a ${level} needs a parent (${allowed.join(' or ')})`);
    } else if (!allowed.includes(command.parent.level)) {
      throw invalid('parent', `a ${level} cannot sit under a ${command.parent.level}` + (allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''));
    }
    return [event('UnitRegistered', { code: command.code, name: command.name, level, parent: command.parent?.code ?? null })];
  },
};
