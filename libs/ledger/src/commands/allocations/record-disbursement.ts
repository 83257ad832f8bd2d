import {
  allocationDecider,
  amount,
  assertCanWrite,
  assertId,
  day,
  optionalId,
  optionalText,
  rawInput,
  text,
  vietnamDay,
  type Day,
  type Dong,
} from '../../../../domain/src';
import type { ReadStore } from '../../ports/read-store.port';
import { streams } from '../../streams';
import type { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';
import { allocationById, assertIdFree } from '../lookups';
import { recordedResponse } from '../approvals/responses';
import { approvalPolicyFor } from '../approvals/approval-policy-in-force';

export type RecordDisbursementInput = Readonly<{
  id: string | null;
  amount: Dong;
  valueDate: Day;
  voucher: string;
  payee: string | null;
  purpose: string | null;
}>;

export function parseRecordDisbursement(body: unknown): RecordDisbursementInput {
  const raw = rawInput(body);
  return {
    id: optionalId('id', raw.id),
    amount: amount('amount', raw.amount),
    valueDate: day('valueDate', raw.valueDate),
    voucher: text('voucher', raw.voucher, 100),
    payee: optionalText('payee', raw.payee, 300),
    purpose: optionalText('purpose', raw.purpose, 1000),
  };
}

export async function recordDisbursement(runner: CommandRunner, reads: ReadStore, allocationId: string, input: RecordDisbursementInput, ctx: AppContext) {
  const allocation = await allocationById(reads, ctx.principal, allocationId);
  assertCanWrite(ctx.principal, 'money', allocation.unitPath);
  const id = input.id ?? ctx.newId();
  assertId('id', id);
  await assertIdFree(reads, ctx.principal, 'disbursement', id);
  // The policy in force when the payment is recorded decides whether it waits for a checker.
  const approval = await approvalPolicyFor(reads, allocation.unitPath);
  const respond = recordedResponse(id, allocationId);
  const { result, events } = await runner.run(
    streams.allocation(allocationId),
    allocationDecider,
    {
      type: 'RecordDisbursement',
      disbursementId: id,
      amount: input.amount,
      valueDate: input.valueDate,
      voucher: input.voucher,
      payee: input.payee,
      purpose: input.purpose,
      today: vietnamDay(ctx.now),
      maker: ctx.principal.userId,
      approvalPolicy: approval?.policy ?? null,
    },
    ctx,
    { respond },
  );
  return respond(result!, events);
}
