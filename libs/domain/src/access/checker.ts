import { forbidden } from '../shared/errors';
import type { Principal, UnitPath } from './access';

/**
 * Who may check (approve or reject) a pending payment: a finance officer of the allocation's own
 * unit or of the unit directly above it — the two offices that answer for the payment. An
 * administrator may not: approval is a second accountable person, not a system override. That the
 * checker is not the maker is the decider's rule (SEPARATION_OF_DUTIES).
 */
export function assertCanCheck(p: Principal, path: UnitPath): void {
  if (p.role !== 'finance_officer') throw forbidden(`role '${p.role}' may not approve or reject payments`);
  const own = path[0];
  const parent = path[1];
  if (!p.units.some((u) => u === own || (parent !== undefined && u === parent))) {
    throw forbidden('only a finance officer of the unit or of the unit above it may approve or reject its payments');
  }
}
