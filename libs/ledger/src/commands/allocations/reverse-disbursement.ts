import { allocationDecider, assertCanWrite, notFound, vietnamDay } from '../../../../domain/src';
import type { ReadStore } from '../../ports/read-store.port';
import { DISBURSEMENTS, type DisbursementDoc } from '../../projections/disbursements.projection';
import { streams } from '../../streams';
import type { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';
import { unitRef } from '../lookups';
import { disbursementResponse } from './responses';

export type ReverseDisbursementInput = Readonly<{ reason: unknown; decision?: unknown; valueDate?: unknown }>;

/** A wrong payment is never edited: a reversal puts its amount back and both stay in the log. */
export async function reverseDisbursement(runner: CommandRunner, reads: ReadStore, disbursementId: string, input: ReverseDisbursementInput, ctx: AppContext) {
  const d = await reads.get<DisbursementDoc>(DISBURSEMENTS, disbursementId);
  if (!d) throw notFound('disbursement', disbursementId);
  assertCanWrite(ctx.principal, 'money', (await unitRef(reads, 'unit', d.unit)).path);
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
