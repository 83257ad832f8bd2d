import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { approvalPolicy } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { GetApprovalPolicyQuery } from './get-approval-policy.query';

@QueryHandler(GetApprovalPolicyQuery)
export class GetApprovalPolicyHandler implements IQueryHandler<GetApprovalPolicyQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetApprovalPolicyQuery) {
    return approvalPolicy(this.ledger.reads, q.code, q.principal, q.at);
  }
}
