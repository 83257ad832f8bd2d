import { Day, Instant, Int, Money, Obj, OneOf, Text } from '../http/openapi';
import { LegalDocumentDto } from '../http/read.dto';

export const REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'];

export class ApprovalPolicyRefDto {
  @Text({ example: 'PHONG-THO', description: 'the unit whose policy it is (the unit itself or an ancestor)' }) unit!: string;
  @Money({ description: 'payments of this many đồng or more wait for a checker', example: 1_000_000_000 }) threshold!: number;
  @Obj(() => LegalDocumentDto) decision!: LegalDocumentDto;
}

/** Who decided a request, when, and why (an approval's comment, a rejection's or withdrawal's reason). */
export class RequestDecisionDto {
  @Text({ description: 'the checker (approved, rejected) or the maker (withdrawn)' }) by!: string;
  @Instant() at!: string;
  @Text({ nullable: true }) reason!: string | null;
  @Int({ description: 'the log position of the decision' }) position!: number;
}

/** A payment that waited (or waits) for a checker: the request as the maker prepared it, and its decision. */
export class PaymentRequestDto {
  @Text({ example: 'D-PT-0042', description: 'the disbursement id it is requested under (the payment keeps it once approved)' }) id!: string;
  @Text({ example: 'PT-DA1.1-2022' }) allocationId!: string;
  @Text({ example: 'PHONG-THO' }) unit!: string;
  @Money() amount!: number;
  @Day() valueDate!: string;
  @Text() voucher!: string;
  @Text({ nullable: true }) payee!: string | null;
  @Text({ nullable: true }) purpose!: string | null;
  @Text({ description: 'the maker' }) requestedBy!: string;
  @Instant() requestedAt!: string;
  @Int({ description: 'the log position of the request' }) position!: number;
  @Obj(() => ApprovalPolicyRefDto, { description: 'the policy that made it a request' }) policy!: ApprovalPolicyRefDto;
  @OneOf(REQUEST_STATUSES, 'RequestStatus') status!: string;
  @Obj(() => RequestDecisionDto, { nullable: true, description: 'null while pending' }) decision!: RequestDecisionDto | null;
}

/** The 201 of an approval, rejection or withdrawal. */
export class RequestDecidedDto {
  @Text({ description: 'the request (and, approved, the payment)' }) id!: string;
  @Text() allocationId!: string;
  @OneOf(REQUEST_STATUSES.slice(1), 'DecidedStatus') status!: string;
  @Int() position!: number;
}
