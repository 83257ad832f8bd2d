import { policyInForce, type ApprovalPolicyInForce } from '../../../../domain/src';
import type { ReadStore } from '../../ports/read-store.port';
import { APPROVAL_POLICIES, type ApprovalPolicyDoc } from '../../projections/approval-policies.projection';

/** The approval policy a payment of a unit is held to (its own, or the nearest ancestor's), with its record. */
export async function approvalPolicyFor(
  reads: ReadStore,
  unitPath: readonly string[],
): Promise<Readonly<{ policy: ApprovalPolicyInForce; doc: ApprovalPolicyDoc }> | null> {
  const own = new Map<string, ApprovalPolicyDoc>();
  for (const unit of unitPath) {
    const doc = await reads.get<ApprovalPolicyDoc>(APPROVAL_POLICIES, unit);
    if (doc) own.set(unit, doc);
  }
  const policy = policyInForce(unitPath, (unit) => own.get(unit) ?? null);
  return policy === null ? null : { policy, doc: own.get(policy.unit)! };
}
