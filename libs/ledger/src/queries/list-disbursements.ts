import type { Principal } from '../../../domain/src';
import type { ReadStore } from '../ports/read-store.port';
import { DISBURSEMENTS, type DisbursementDoc } from '../projections/disbursements.projection';
import { openListing, type PageQuery } from './list-page';
import { allocationById, disbursementAndAllocation } from '../commands/lookups';
import { readingAt, type TimeTravelQuery } from './time-travel';

/**
 * A payment as every read shows it: a reversed one keeps its figures (the original stays visible
 * forever), is marked `reversed`, and carries the reversal with its reason.
 */
export function disbursementView(d: DisbursementDoc) {
  const { _position, ...rest } = d;
  return { ...rest, reversed: d.reversal !== null };
}

/** GET /allocations/{id}/disbursements: the payments recorded against one allocation, in the order they were recorded. */
export async function listDisbursements(current: ReadStore, allocationId: string, q: PageQuery, principal: Principal) {
  const listing = await openListing(current, q, 'disbursements', { allocationId });
  await allocationById(listing.reads, principal, allocationId);
  const docs = await listing.reads.find<DisbursementDoc>(DISBURSEMENTS, { allocationId });
  const page = listing.page(docs, (d) => d.position);
  return { ...page, items: page.items.map(disbursementView) };
}

/** GET /disbursements/{id}. */
export async function disbursementById(current: ReadStore, id: string, principal: Principal, q: TimeTravelQuery = {}) {
  const { reads, at } = await readingAt(current, q);
  const { disbursement: d } = await disbursementAndAllocation(reads, principal, id);
  return { ...disbursementView(d), at };
}
