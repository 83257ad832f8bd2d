import {
  allocationDecider,
  assertCanWrite,
  optionalDay,
  optionalDecision,
  rawInput,
  text,
  vietnamDay,
  type Day,
  type LegalDocument,
} from '../../../../domain/src';
import type { ReadStore } from '../../ports/read-store.port';
import { streams } from '../../streams';
import type { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';
import { disbursementAndAllocation } from '../lookups';
import { disbursementResponse } from './responses';

export type ReverseDisbursementInput = Readonly<{ reason: string; decision: LegalDocument | null; valueDate: Day | null }>;

export function parseReverseDisbursement(body: unknown): ReverseDisbursementInput {
  const raw = rawInput(body);
  return { reason: text('reason', raw.reason, 1000), decision: optionalDecision('decision', raw.decision), valueDate: optionalDay('valueDate', raw.valueDate) };
}

/** A wrong payment is never edited: a reversal puts its amount back and both stay in the log. */
export async function reverseDisbursement(runner: CommandRunner, reads: ReadStore, disbursementId: string, input: ReverseDisbursementInput, ctx: AppContext) {
  const { disbursement: d, allocation } = await disbursementAndAllocation(reads, ctx.principal, disbursementId);
  assertCanWrite(ctx.principal, 'money', allocation.unitPath);
  const respond = disbursementResponse(disbursementId, d.allocationId);
  const { result } = await runner.run(
    streams.allocation(d.allocationId),
    allocationDecider,
    { type: 'ReverseDisbursement', disbursementId, reason: input.reason, decision: input.decision, valueDate: input.valueDate, today: vietnamDay(ctx.now) },
    ctx,
    { respond },
  );
  return respond(result!);
}
