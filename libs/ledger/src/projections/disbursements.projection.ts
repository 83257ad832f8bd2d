import { alreadyExists, type DisbursementReversed } from '../../../domain/src';
import { defineProjection, ref, type DocWrite } from './projection';

export type DisbursementDoc = Readonly<{
  id: string;
  allocationId: string;
  unit: string;
  amount: number;
  valueDate: string;
  voucher: string;
  payee: string | null;
  purpose: string | null;
  recordedAt: string;
  recordedBy: string;
  position: number;
  /** A payment that waited for a checker (maker-checker, issue 13): who released it and why; absent: none needed. */
  approval?: Readonly<{ approvedBy: string; comment: string | null; approvedAt: string; position: number }>;
  reversal: Readonly<{
    reason: string;
    valueDate: string;
    decision: DisbursementReversed['data']['decision'];
    recordedAt: string;
    recordedBy: string;
    position: number;
  }> | null;
  _position?: number;
}>;

export const DISBURSEMENTS = 'disbursements';

/**
 * Disbursement ids are global (reversals address them by URL alone). Two allocations racing to use
 * the same client-chosen id are refused by the log's claim on it (unique-keys.ts); meeting one here
 * anyway means the log holds a duplicate, which the projector reports instead of applying.
 */
export const disbursementsProjection = defineProjection({
  name: 'disbursements',
  handles: ['DisbursementRecorded', 'DisbursementReversed', 'DisbursementApproved'],
  touches: (e) => [ref(DISBURSEMENTS, e.data.disbursementId)],
  apply(e, docs): DocWrite[] {
    // A request becomes a payment when approved: recorded by its maker, from the approval's position on.
    if (e.type === 'DisbursementRecorded' || e.type === 'DisbursementApproved') {
      const d = e.data;
      if (docs(DISBURSEMENTS, d.disbursementId)) throw alreadyExists('disbursement', d.disbursementId);
      const doc: DisbursementDoc = {
        id: d.disbursementId,
        allocationId: d.allocationId,
        unit: d.unit,
        amount: d.amount,
        valueDate: d.valueDate,
        voucher: d.voucher,
        payee: d.payee,
        purpose: d.purpose,
        recordedAt: e.metadata.recordedAt,
        recordedBy: e.type === 'DisbursementApproved' ? e.data.requestedBy : e.metadata.actor.userId,
        position: e.position,
        ...(e.type === 'DisbursementApproved'
          ? { approval: { approvedBy: e.data.approvedBy, comment: e.data.comment, approvedAt: e.metadata.recordedAt, position: e.position } }
          : {}),
        reversal: null,
      };
      return [{ collection: DISBURSEMENTS, id: doc.id, doc }];
    }
    const d = e.data;
    const existing = docs<DisbursementDoc>(DISBURSEMENTS, d.disbursementId);
    if (!existing) throw new Error(`disbursements projection: '${d.disbursementId}' reversed before it was recorded`);
    const reversal = {
      reason: d.reason,
      valueDate: d.valueDate,
      decision: d.decision,
      recordedAt: e.metadata.recordedAt,
      recordedBy: e.metadata.actor.userId,
      position: e.position,
    };
    return [{ collection: DISBURSEMENTS, id: d.disbursementId, doc: { ...existing, reversal } }];
  },
});
