import { DomainError, forbidden, notFound } from '../shared/errors';
import { event } from '../shared/event';
import type { ApproveDisbursement, RejectDisbursement, WithdrawDisbursement } from './allocation.commands';
import type { DisbursementApproved, DisbursementRejected, DisbursementWithdrawn } from './allocation.events';
import type { Granted, Requested } from './allocation.state';

/*
 * The checker's side of maker-checker (issue 13), decided on the allocation's stream so that two
 * decisions on one request are serialised by its revision: of any number of concurrent approvals
 * exactly one finds the request pending.
 */

function pendingRequest(s: Granted, id: string): Requested {
  const r = s.requests.get(id);
  if (!r) throw notFound('disbursement request', id);
  if (r.status !== 'pending') {
    throw new DomainError('ALREADY_DECIDED', `disbursement request '${id}' is no longer pending: it was ${r.status}`, { id, status: r.status });
  }
  return r;
}

/** Separation of duties: whoever prepared a payment may not also release it (nor reject it: they withdraw it). */
function assertNotMaker(r: Requested, id: string, checker: string): void {
  if (r.requestedBy === checker) {
    throw new DomainError('SEPARATION_OF_DUTIES', `disbursement request '${id}' was prepared by '${checker}': another finance officer must decide it`, { id });
  }
}

export function approve(s: Granted, c: ApproveDisbursement): DisbursementApproved {
  const r = pendingRequest(s, c.disbursementId);
  assertNotMaker(r, c.disbursementId, c.checker);
  return event('DisbursementApproved', {
    allocationId: s.id,
    unit: s.unit,
    ancestry: s.ancestry,
    disbursementId: c.disbursementId,
    amount: r.amount,
    valueDate: r.valueDate,
    voucher: r.voucher,
    payee: r.payee,
    purpose: r.purpose,
    requestedBy: r.requestedBy,
    approvedBy: c.checker,
    comment: c.comment,
  });
}

export function reject(s: Granted, c: RejectDisbursement): DisbursementRejected {
  const r = pendingRequest(s, c.disbursementId);
  assertNotMaker(r, c.disbursementId, c.checker);
  return event('DisbursementRejected', {
    allocationId: s.id,
    unit: s.unit,
    disbursementId: c.disbursementId,
    amount: r.amount,
    requestedBy: r.requestedBy,
    rejectedBy: c.checker,
    reason: c.reason,
  });
}

export function withdraw(s: Granted, c: WithdrawDisbursement): DisbursementWithdrawn {
  const r = pendingRequest(s, c.disbursementId);
  if (r.requestedBy !== c.by) throw forbidden(`only '${r.requestedBy}', who prepared disbursement request '${c.disbursementId}', may withdraw it`);
  return event('DisbursementWithdrawn', {
    allocationId: s.id,
    unit: s.unit,
    disbursementId: c.disbursementId,
    amount: r.amount,
    requestedBy: r.requestedBy,
    reason: c.reason,
  });
}
