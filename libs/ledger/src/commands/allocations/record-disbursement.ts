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
import { disbursementResponse } from './responses';

export type RecordDisbursementInput = Readonly<{ id: string | null; amount: Dong; valueDate: Day; voucher: string; payee: string | null; purpose: string | null }>;

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
  const respond = disbursementResponse(id, allocationId);
  const { result } = await runner.run(
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
    },
    ctx,
    { respond },
  );
  return respond(result!);
}
