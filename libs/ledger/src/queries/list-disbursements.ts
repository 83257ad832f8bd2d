import { notFound, type Principal } from '../../../domain/src';
import type { ReadStore } from '../ports/read-store.port';
import { ALLOCATIONS, type AllocationDoc } from '../projections/allocations.projection';
import { DISBURSEMENTS, type DisbursementDoc } from '../projections/disbursements.projection';
import { openListing, type PageQuery } from './list-page';
import { visible } from './scope';
import { readingAt, type TimeTravelQuery } from './time-travel';

/**
 * A payment as every read shows it: a reversed one keeps its figures (the original stays visible
 * forever), is marked `reversed`, and carries the reversal with its reason.
 */
export function disbursementView(d: DisbursementDoc) {
  const { _position, ...rest } = d;
  return { ...rest, reversed: d.reversal !== null };
}

/**
 * An allocation or a payment named in the URL. One outside the reader's scope answers exactly as
 * an unknown one (404), so that ids cannot be probed.
 */
async function visibleAllocation(reads: ReadStore, principal: Principal, id: string): Promise<AllocationDoc> {
  const a = await reads.get<AllocationDoc>(ALLOCATIONS, id);
  if (!a || !visible(principal, a.unitPath)) throw notFound('allocation', id);
  return a;
}

/** GET /allocations/{id}/disbursements: the payments recorded against one allocation, in the order they were recorded. */
export async function listDisbursements(current: ReadStore, allocationId: string, q: PageQuery, principal: Principal) {
  const listing = await openListing(current, q, 'disbursements', { allocationId });
  await visibleAllocation(listing.reads, principal, allocationId);
  const docs = await listing.reads.find<DisbursementDoc>(DISBURSEMENTS, { allocationId });
  const page = listing.page(docs, (d) => d.position);
  return { ...page, items: page.items.map(disbursementView) };
}

/** GET /disbursements/{id}. */
export async function disbursementById(current: ReadStore, id: string, principal: Principal, q: TimeTravelQuery = {}) {
  const { reads, at } = await readingAt(current, q);
  const d = await reads.get<DisbursementDoc>(DISBURSEMENTS, id);
  const a = d === null ? null : await reads.get<AllocationDoc>(ALLOCATIONS, d.allocationId);
  if (d === null || a === null || !visible(principal, a.unitPath)) throw notFound('disbursement', id);
  return { ...disbursementView(d), at };
}
