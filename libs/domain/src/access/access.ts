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

/**
 * An admin reads everything, and so does an inspector created without units (the national
 * inspectorate). An inspector created with units (a provincial inspectorate) reads their subtrees,
 * like every other role: the units a user was given are never ignored.
 */
export const readsEverything = (p: Principal): boolean => p.role === 'admin' || (p.role === 'inspector' && p.units.length === 0);

/** A unit is in scope when the principal holds it or one of its ancestors. */
export const inScope = (p: Principal, path: UnitPath): boolean => path.some((code) => p.units.includes(code));

/**
 * May the principal see a record of this unit? A record it may not see is not refused here: the
 * lookups (libs/ledger/src/commands/lookups.ts) answer it exactly as a record that does not exist,
 * so a refusal never tells whether, or where, a record outside the scope lives.
 */
export const canRead = (p: Principal, path: UnitPath): boolean => readsEverything(p) || inScope(p, path);

/**
 * Finance officers act for units in their scope, social officers likewise for households;
 * supervisors and inspectors never write; an admin may do any write, recorded under its own name.
 * The record written to has already been looked up in the reader's scope (out of it: 404), so a
 * refusal here is about the role or the act (e.g. a grant is the unit above's), and its message
 * names no unit: `refusal` says which act, in words the caller may see.
 */
export function assertCanWrite(p: Principal, kind: WriteKind, path: UnitPath | null, refusal = 'this is recorded by another unit'): void {
  if (!WRITERS[kind].includes(p.role)) throw forbidden(`role '${p.role}' may not record this`);
  if (p.role === 'admin') return;
  if (path === null) throw forbidden('only an administrator may do this');
  if (!inScope(p, path)) throw forbidden(refusal);
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
    if (!inScope(p, path)) throw forbidden('only supervisors over the unit may note progress on its allocations');
    return;
  }
  throw forbidden(`role '${p.role}' may not record progress notes`);
}
