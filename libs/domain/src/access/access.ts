import { forbidden } from '../shared/errors';
import type { Role } from './roles';

/** A user as the access rules see it: a role and the units whose subtrees it covers. */
export type Principal = Readonly<{ userId: string; role: Role; units: readonly string[] }>;

/** The path of a unit: its own code and every ancestor's, nearest first. */
export type UnitPath = readonly string[];

export type WriteKind = 'money' | 'households' | 'administration';

const WRITERS: Readonly<Record<WriteKind, readonly Role[]>> = {
  money: ['admin', 'finance_officer'],
  households: ['admin', 'social_officer'],
  administration: ['admin'],
};

export const readsEverything = (p: Principal): boolean => p.role === 'admin' || p.role === 'inspector';

/** A unit is in scope when the principal holds it or one of its ancestors. */
export const inScope = (p: Principal, path: UnitPath): boolean => path.some((code) => p.units.includes(code));

export function assertCanRead(p: Principal, path: UnitPath): void {
  if (!readsEverything(p) && !inScope(p, path)) throw forbidden(`unit '${path[0]}' is outside your scope`);
}

/**
 * Finance officers act for units in their scope, social officers likewise for households;
 * supervisors and inspectors never write; an admin may do any write, recorded under its own name.
 */
export function assertCanWrite(p: Principal, kind: WriteKind, path: UnitPath | null): void {
  if (!WRITERS[kind].includes(p.role)) throw forbidden(`role '${p.role}' may not record this`);
  if (p.role === 'admin') return;
  if (path === null || !inScope(p, path)) {
    throw forbidden(path === null ? 'only an administrator may do this' : `unit '${path[0]}' is outside your scope`);
  }
}

/**
 * Progress notes (issue 12): the finance officers of the allocation's own unit, who know why its
 * money is not spent, and supervisors over it, who follow it up; an admin too, under its own name.
 */
export function assertCanWriteNote(p: Principal, path: UnitPath): void {
  if (p.role === 'admin') return;
  if (p.role === 'finance_officer') {
    if (!p.units.includes(path[0]!)) throw forbidden(`only finance officers of unit '${path[0]}' may note progress on its allocations`);
    return;
  }
  if (p.role === 'supervisor') {
    if (!inScope(p, path)) throw forbidden(`unit '${path[0]}' is outside your scope`);
    return;
  }
  throw forbidden(`role '${p.role}' may not record progress notes`);
}
