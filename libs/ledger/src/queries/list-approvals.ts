import { invalid, type Principal, type RequestStatus } from '../../../domain/src';
import type { ReadStore } from '../ports/read-store.port';
import { APPROVALS, type ApprovalDoc } from '../projections/approvals.projection';
import { openListing, type PageQuery } from './list-page';
import { visible, visibleUnitRef } from './scope';

export type ApprovalsQuery = PageQuery & Readonly<Partial<Record<'unit' | 'status', string>>>;

const STATUSES: readonly RequestStatus[] = ['pending', 'approved', 'rejected', 'withdrawn'];

/** A payment request as every read shows it: the request, and once decided who decided and why. */
export function requestView(r: ApprovalDoc) {
  return {
    id: r.id,
    allocationId: r.allocationId,
    unit: r.unit,
    amount: r.amount,
    valueDate: r.valueDate,
    voucher: r.voucher,
    payee: r.payee,
    purpose: r.purpose,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt,
    position: r.position,
    policy: r.policy,
    status: r.status,
    decision: r.decision,
  };
}
export type RequestView = ReturnType<typeof requestView>;

/**
 * GET /approvals: payment requests in the reader's scope (a maker sees their own requests too), in
 * the order requested; `unit` keeps a unit's subtree, `status` one status. Decided requests stay
 * listed: the log keeps them, and so does the checker's work queue's history.
 */
export async function listApprovals(current: ReadStore, q: ApprovalsQuery, principal: Principal) {
  if (q.status !== undefined && !(STATUSES as readonly string[]).includes(q.status)) throw invalid('status', `must be one of ${STATUSES.join(', ')}`);
  const listing = await openListing(current, q, 'approvals', { unit: q.unit, status: q.status });
  const unit = q.unit === undefined ? null : await visibleUnitRef(listing.reads, principal, 'unit', q.unit);
  // Status changes as a request is decided, so it is filtered here rather than asked of the store.
  const docs = (await listing.reads.find<ApprovalDoc>(APPROVALS)).filter(
    (r) =>
      (visible(principal, r.unitPath) || r.requestedBy === principal.userId) &&
      (unit === null || r.unitPath.includes(unit.code)) &&
      (q.status === undefined || r.status === q.status),
  );
  const page = listing.page(docs, (r) => r.position);
  return { ...page, items: page.items.map(requestView) };
}
