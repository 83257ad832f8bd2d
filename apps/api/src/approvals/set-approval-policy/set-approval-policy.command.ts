import { Command } from '@nestjs/cqrs';
import type { AppContext, setApprovalPolicy, SetApprovalPolicyInput } from '../../../../../libs/ledger/src';

export class SetApprovalPolicyCommand extends Command<Awaited<ReturnType<typeof setApprovalPolicy>>> {
  constructor(
    readonly code: string,
    readonly input: SetApprovalPolicyInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}
