import type { Decider } from '../shared/decider';
import { event, type DomainEvent, type LegalDocument } from '../shared/event';
import type { Dong } from '../shared/money';

/**
 * Maker-checker (issue 13): a unit may require a second finance officer's approval of every
 * payment at or above a threshold. The policy is set by the unit above (or an administrator) under
 * a decision, on the unit's own `approval-policy-<code>` stream; `threshold: null` removes it, so
 * the nearest ancestor's policy (if any) applies again. A policy governs payments recorded after it.
 */
export type ApprovalPolicySet = DomainEvent<'ApprovalPolicySet', { unit: string; threshold: Dong | null; decision: LegalDocument }>;
export type ApprovalPolicyEvent = ApprovalPolicySet;

export type SetApprovalPolicy = Readonly<{ type: 'SetApprovalPolicy'; unit: string; threshold: Dong | null; decision: LegalDocument }>;

export type ApprovalPolicyState = Readonly<{ status: 'none' }> | Readonly<{ status: 'set'; threshold: Dong | null; decision: LegalDocument }>;

const sameDecision = (a: LegalDocument, b: LegalDocument): boolean => a.number === b.number && a.date === b.date && a.issuer === b.issuer;

export const approvalPolicyDecider: Decider<SetApprovalPolicy, ApprovalPolicyEvent, ApprovalPolicyState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (_state, e) => ({ status: 'set', threshold: e.data.threshold, decision: e.data.decision }),
  decide: (c, state) => {
    // PUT is idempotent: the policy already in force under the same decision records nothing.
    if (state.status === 'set' && state.threshold === c.threshold && sameDecision(state.decision, c.decision)) return [];
    // Nothing to remove records nothing either.
    if (c.threshold === null && (state.status === 'none' || state.threshold === null)) return [];
    return [event('ApprovalPolicySet', { unit: c.unit, threshold: c.threshold, decision: c.decision })];
  },
};

/** The policy a payment of a unit is held to: whose it is, from what amount, under which decision. */
export type ApprovalPolicyInForce = Readonly<{ unit: string; threshold: Dong; decision: LegalDocument }>;

/**
 * The unit's own policy, or else the nearest ancestor's: `path` is the unit then its ancestors,
 * nearest first; `policyOf` answers a unit's own policy (a removed one: threshold null).
 */
export function policyInForce(
  path: readonly string[],
  policyOf: (unit: string) => Readonly<{ threshold: Dong | null; decision: LegalDocument }> | null,
): ApprovalPolicyInForce | null {
  for (const unit of path) {
    const own = policyOf(unit);
    if (own && own.threshold !== null) return { unit, threshold: own.threshold, decision: own.decision };
  }
  return null;
}

/** At or above the threshold a payment waits for a checker; below it, it is paid at once. */
export const needsApproval = (policy: ApprovalPolicyInForce | null, amount: Dong): policy is ApprovalPolicyInForce =>
  policy !== null && amount >= policy.threshold;
