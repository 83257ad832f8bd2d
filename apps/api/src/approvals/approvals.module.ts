import { Module } from '@nestjs/common';
import { ApproveRequestHandler } from './approve-request/approve-request.handler';
import { ApproveRequestController } from './approve-request/approve-request.http';
import { GetApprovalPolicyHandler } from './get-approval-policy/get-approval-policy.handler';
import { GetApprovalPolicyController } from './get-approval-policy/get-approval-policy.http';
import { ListApprovalsHandler } from './list-approvals/list-approvals.handler';
import { ListApprovalsController } from './list-approvals/list-approvals.http';
import { RejectRequestHandler } from './reject-request/reject-request.handler';
import { RejectRequestController } from './reject-request/reject-request.http';
import { SetApprovalPolicyHandler } from './set-approval-policy/set-approval-policy.handler';
import { SetApprovalPolicyController } from './set-approval-policy/set-approval-policy.http';
import { WithdrawRequestHandler } from './withdraw-request/withdraw-request.handler';
import { WithdrawRequestController } from './withdraw-request/withdraw-request.http';

/** Maker-checker (issue 13), one folder per use case: its command or query, handler, DTOs and controller (`*.http.ts`). */
@Module({
  controllers: [
    SetApprovalPolicyController,
    GetApprovalPolicyController,
    ApproveRequestController,
    RejectRequestController,
    WithdrawRequestController,
    ListApprovalsController,
  ],
  providers: [SetApprovalPolicyHandler, GetApprovalPolicyHandler, ApproveRequestHandler, RejectRequestHandler, WithdrawRequestHandler, ListApprovalsHandler],
})
export class ApprovalsModule {}
