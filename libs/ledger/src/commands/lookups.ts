import { alreadyExists, canRead, notAvailable, notFound, unknownReference, type Principal } from '../../../domain/src';
import type { ReadStore } from '../ports/read-store.port';
import { ALLOCATIONS, type AllocationDoc } from '../projections/allocations.projection';
import { DISBURSEMENTS, type DisbursementDoc } from '../projections/disbursements.projection';
import { HOUSEHOLDS, type HouseholdDoc } from '../projections/households.projection';
import { UNITS, type UnitDoc } from '../projections/units.projection';
import { APPROVALS, type ApprovalDoc } from '../projections/approvals.projection';

/*
 * The one place where a record outside the caller's scope becomes a record that does not exist.
 * Every read and write that names a record goes through these lookups, so an id or a unit code of
 * another district is answered exactly as one nobody ever recorded (same status, code and message):
 * a refusal never tells whether, or where, such a record lives. What the caller's role may not do
 * is refused afterwards, with 403, and only for records it can see.
 */

/** A unit named inside a body or query (a filter, a target): unknown or out of scope → 400 naming the field. */
export async function unitRef(reads: ReadStore, principal: Principal, field: string, code: unknown): Promise<UnitDoc> {
  const unit = typeof code === 'string' ? await reads.get<UnitDoc>(UNITS, code) : null;
  if (!unit || !canRead(principal, unit.path)) throw unknownReference(field, code);
  return unit;
}

/** A unit named in the URL: unknown or out of scope → 404. */
export async function unitByCode(reads: ReadStore, principal: Principal, code: string): Promise<UnitDoc> {
  const unit = await reads.get<UnitDoc>(UNITS, code);
  if (!unit || !canRead(principal, unit.path)) throw notFound('unit', code);
  return unit;
}

/** An allocation named in the URL: unknown or out of scope → 404. */
export async function allocationById(reads: ReadStore, principal: Principal, id: string): Promise<AllocationDoc> {
  const a = await reads.get<AllocationDoc>(ALLOCATIONS, id);
  if (!a || !canRead(principal, a.unitPath)) throw notFound('allocation', id);
  return a;
}

/** An allocation named inside a body (`parentId`): unknown or out of scope → 400 naming the field. */
export async function allocationRef(reads: ReadStore, principal: Principal, field: string, id: unknown): Promise<AllocationDoc> {
  const a = typeof id === 'string' ? await reads.get<AllocationDoc>(ALLOCATIONS, id) : null;
  if (!a || !canRead(principal, a.unitPath)) throw unknownReference(field, id);
  return a;
}

/** A household named in the URL: unknown or out of scope → 404. */
export async function householdById(reads: ReadStore, principal: Principal, id: string): Promise<HouseholdDoc> {
  const h = await reads.get<HouseholdDoc>(HOUSEHOLDS, id);
  if (!h || !canRead(principal, h.unitPath)) throw notFound('household', id);
  return h;
}

/** A payment and the allocation it was paid from; a payment is in the scope of its allocation's unit. */
export async function disbursementAndAllocation(
  reads: ReadStore,
  principal: Principal,
  id: string,
): Promise<Readonly<{ disbursement: DisbursementDoc; allocation: AllocationDoc }>> {
  const d = await reads.get<DisbursementDoc>(DISBURSEMENTS, id);
  const a = d === null ? null : await reads.get<AllocationDoc>(ALLOCATIONS, d.allocationId);
  if (d === null || a === null || !canRead(principal, a.unitPath)) throw notFound('disbursement', id);
  return { disbursement: d, allocation: a };
}

/**
 * The unit path that decides who may see a record of a collection (a payment: its allocation's).
 * null when there is no such record.
 */
async function pathOf(
  reads: ReadStore,
  collection: typeof ALLOCATIONS | typeof HOUSEHOLDS | typeof DISBURSEMENTS,
  id: string,
): Promise<readonly string[] | null> {
  if (collection === DISBURSEMENTS) {
    const d = await reads.get<DisbursementDoc>(DISBURSEMENTS, id);
    // A payment still waiting for a checker is found by its request (issue 13).
    if (d === null) return (await reads.get<ApprovalDoc>(APPROVALS, id))?.unitPath ?? null;
    return (await reads.get<AllocationDoc>(ALLOCATIONS, d.allocationId))?.unitPath ?? null;
  }
  return (await reads.get<AllocationDoc | HouseholdDoc>(collection, id))?.unitPath ?? null;
}

/** A record named as a filter (`/audit?household=`): unknown or out of scope → 400 naming the field. */
export async function assertReferenceVisible(
  reads: ReadStore,
  principal: Principal,
  field: string,
  collection: typeof ALLOCATIONS | typeof HOUSEHOLDS | typeof DISBURSEMENTS,
  id: string,
): Promise<void> {
  const path = await pathOf(reads, collection, id);
  if (path === null || !canRead(principal, path)) throw unknownReference(field, id);
}

/**
 * A new record's id must be free. Taken by a record the caller can see: it "already exists";
 * taken by one it cannot: "not available", without saying where (both 409 ALREADY_EXISTS).
 */
export async function assertIdFree(reads: ReadStore, principal: Principal, what: 'allocation' | 'household' | 'disbursement', id: string): Promise<void> {
  const collection = what === 'allocation' ? ALLOCATIONS : what === 'household' ? HOUSEHOLDS : DISBURSEMENTS;
  const path = await pathOf(reads, collection, id);
  if (path === null) return;
  throw canRead(principal, path) ? alreadyExists(what, id) : notAvailable(what, id);
}

/** A payment request (maker-checker) named in the URL, pending or decided: unknown or out of scope → 404. */
export async function requestById(reads: ReadStore, principal: Principal, id: string): Promise<ApprovalDoc> {
  const r = await reads.get<ApprovalDoc>(APPROVALS, id);
  if (r === null || !canRead(principal, r.unitPath)) throw notFound('disbursement request', id);
  return r;
}
