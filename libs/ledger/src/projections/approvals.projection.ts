import type { LegalDocument, RequestStatus } from '../../../domain/src';
import { ALLOCATIONS, type AllocationDoc } from './allocations.projection';
import { defineProjection, ref, type DocWrite } from './projection';

/** Who decided a request, when, and why (an approval's comment, a rejection's or withdrawal's reason). */
export type RequestDecision = Readonly<{ by: string; at: string; reason: string | null; position: number }>;

/**
 * Every payment that waited for a checker (maker-checker, issue 13), pending or decided: what
 * GET /approvals lists. The unit path is the allocation's (it never changes), for scope and the
 * `unit` filter.
 */
export type ApprovalDoc = Readonly<{
  id: string;
  allocationId: string;
  unit: string;
  unitPath: readonly string[];
  amount: number;
  valueDate: string;
  voucher: string;
  payee: string | null;
  purpose: string | null;
  requestedBy: string;
  requestedAt: string;
  position: number;
  policy: Readonly<{ unit: string; threshold: number; decision: LegalDocument }>;
  status: RequestStatus;
  decision: RequestDecision | null;
  _position?: number;
}>;

export const APPROVALS = 'approvals';

export const approvalsProjection = defineProjection({
  name: 'approvals',
  handles: ['DisbursementRequested', 'DisbursementApproved', 'DisbursementRejected', 'DisbursementWithdrawn'],
  touches: (e) => [ref(APPROVALS, e.data.disbursementId)],
  apply(e, docs): DocWrite[] {
    const put = (doc: ApprovalDoc): DocWrite[] => [{ collection: APPROVALS, id: doc.id, doc }];
    if (e.type === 'DisbursementRequested') {
      const d = e.data;
      const a = docs<AllocationDoc>(ALLOCATIONS, d.allocationId);
      if (!a) throw new Error(`approvals projection: '${d.allocationId}' has no document before position ${e.position}`);
      return put({
        id: d.disbursementId,
        allocationId: d.allocationId,
        unit: d.unit,
        unitPath: a.unitPath,
        amount: d.amount,
        valueDate: d.valueDate,
        voucher: d.voucher,
        payee: d.payee,
        purpose: d.purpose,
        requestedBy: d.requestedBy,
        requestedAt: e.metadata.recordedAt,
        position: e.position,
        policy: d.policy,
        status: 'pending',
        decision: null,
      });
    }
    const request = docs<ApprovalDoc>(APPROVALS, e.data.disbursementId);
    if (!request) throw new Error(`approvals projection: '${e.data.disbursementId}' decided before it was requested`);
    const decided = (status: RequestStatus, reason: string | null) =>
      put({ ...request, status, decision: { by: e.metadata.actor.userId, at: e.metadata.recordedAt, reason, position: e.position } });
    switch (e.type) {
      case 'DisbursementApproved':
        return decided('approved', e.data.comment);
      case 'DisbursementRejected':
        return decided('rejected', e.data.reason);
      case 'DisbursementWithdrawn':
        return decided('withdrawn', e.data.reason);
      default: {
        const _exhaustive: never = e;
        return _exhaustive;
      }
    }
  },
});
