import { allocationDecider, assertCanCheck, optionalText, rawInput, text, type AllocationCommand } from '../../../../domain/src';
import type { ReadStore } from '../../ports/read-store.port';
import { streams } from '../../streams';
import type { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';
import { allocationById, requestById } from '../lookups';
import { decidedResponse } from './responses';

export type ApproveRequestInput = Readonly<{ comment: string | null }>;
export type RejectRequestInput = Readonly<{ reason: string }>;
export type WithdrawRequestInput = Readonly<{ reason: string }>;

export const parseApproveRequest = (body: unknown): ApproveRequestInput => ({ comment: optionalText('comment', rawInput(body).comment, 1000) });
export const parseRejectRequest = (body: unknown): RejectRequestInput => ({ reason: text('reason', rawInput(body).reason, 1000) });
export const parseWithdrawRequest = parseRejectRequest;

type Decision = Readonly<{ status: 'approved' | 'rejected' | 'withdrawn'; command: AllocationCommand }>;

async function decide(runner: CommandRunner, reads: ReadStore, id: string, ctx: AppContext, decision: Decision) {
  const request = await requestById(reads, ctx.principal, id);
  if (decision.status !== 'withdrawn') assertCanCheck(ctx.principal, (await allocationById(reads, ctx.principal, request.allocationId)).unitPath);
  const respond = decidedResponse(id, request.allocationId, decision.status);
  const { result } = await runner.run(streams.allocation(request.allocationId), allocationDecider, decision.command, ctx, { respond });
  return respond(result!);
}

/** POST /disbursements/{id}/approval: another finance officer releases the payment, valued as requested. */
export const approveRequest = (runner: CommandRunner, reads: ReadStore, id: string, input: ApproveRequestInput, ctx: AppContext) =>
  decide(runner, reads, id, ctx, {
    status: 'approved',
    command: { type: 'ApproveDisbursement', disbursementId: id, checker: ctx.principal.userId, comment: input.comment },
  });

/** POST /disbursements/{id}/rejection: the reservation is released. */
export const rejectRequest = (runner: CommandRunner, reads: ReadStore, id: string, input: RejectRequestInput, ctx: AppContext) =>
  decide(runner, reads, id, ctx, {
    status: 'rejected',
    command: { type: 'RejectDisbursement', disbursementId: id, checker: ctx.principal.userId, reason: input.reason },
  });

/** POST /disbursements/{id}/withdrawal: the maker takes their request back. */
export const withdrawRequest = (runner: CommandRunner, reads: ReadStore, id: string, input: WithdrawRequestInput, ctx: AppContext) =>
  decide(runner, reads, id, ctx, {
    status: 'withdrawn',
    command: { type: 'WithdrawDisbursement', disbursementId: id, by: ctx.principal.userId, reason: input.reason },
  });
