import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { setApprovalPolicy } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { SetApprovalPolicyCommand } from './set-approval-policy.command';

@CommandHandler(SetApprovalPolicyCommand)
export class SetApprovalPolicyHandler implements ICommandHandler<SetApprovalPolicyCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: SetApprovalPolicyCommand) {
    return setApprovalPolicy(this.ledger.runner, this.ledger.reads, c.code, c.input, c.ctx);
  }
}
