import type { LegalDocument } from '../../../domain/src';
import { defineProjection, ref } from './projection';

/** A unit's own approval policy as last set (threshold null: removed); GET …/approval-policy walks up the unit path. */
export type ApprovalPolicyDoc = Readonly<{
  id: string;
  unit: string;
  threshold: number | null;
  decision: LegalDocument;
  setBy: string;
  setAt: string;
  position: number;
  _position?: number;
}>;

export const APPROVAL_POLICIES = 'approval-policies';

export const approvalPoliciesProjection = defineProjection({
  name: 'approval-policies',
  handles: ['ApprovalPolicySet'],
  touches: (e) => [ref(APPROVAL_POLICIES, e.data.unit)],
  apply: (e) => [
    {
      collection: APPROVAL_POLICIES,
      id: e.data.unit,
      doc: {
        id: e.data.unit,
        unit: e.data.unit,
        threshold: e.data.threshold,
        decision: e.data.decision,
        setBy: e.metadata.actor.userId,
        setAt: e.metadata.recordedAt,
        position: e.position,
      } satisfies ApprovalPolicyDoc,
    },
  ],
});
