import { amount, approvalPolicyDecider, assertCanWrite, decision, invalid, rawInput, type Dong, type LegalDocument } from '../../../../domain/src';
import type { ReadStore } from '../../ports/read-store.port';
import { streams } from '../../streams';
import type { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';
import { unitByCode } from '../lookups';
import { approvalPolicyView } from '../../queries/approval-policy';

export type SetApprovalPolicyInput = Readonly<{ threshold: Dong | null; decision: LegalDocument }>;

export function parseSetApprovalPolicy(body: unknown): SetApprovalPolicyInput {
  const raw = rawInput(body);
  if (raw.threshold === undefined) throw invalid('threshold', 'must be given: a positive whole number of đồng, or null to remove the policy');
  return { threshold: raw.threshold === null ? null : amount('threshold', raw.threshold), decision: decision('decision', raw.decision) };
}

/**
 * PUT /units/{code}/approval-policy: set by the unit above (as it grants the unit's allocations),
 * or by an administrator; answers the policy then in force for the unit.
 */
export async function setApprovalPolicy(runner: CommandRunner, reads: ReadStore, code: string, input: SetApprovalPolicyInput, ctx: AppContext) {
  const unit = await unitByCode(reads, ctx.principal, code);
  assertCanWrite(ctx.principal, 'money', unit.parent ? unit.path.slice(1) : null, `the approval policy of unit '${unit.code}' is set by the unit above it`);
  const { result } = await runner.run(
    streams.approvalPolicy(unit.code),
    approvalPolicyDecider,
    { type: 'SetApprovalPolicy', unit: unit.code, threshold: input.threshold, decision: input.decision },
    ctx,
  );
  const view = await approvalPolicyView(reads, unit);
  return { ...view, position: result?.lastPosition ?? (await reads.checkpoint()) };
}
