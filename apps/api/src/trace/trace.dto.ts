import { ApiProperty } from '@nestjs/swagger';
import { Day, Flag, Instant, Int, List, ListOfOneOf, Money, Obj, Text, Texts } from '../http/openapi';
import { BalanceFiguresDto, LegalDocumentDto, ReadPointDto } from '../http/read.dto';
import { PaymentApprovalDto, ReversalDto } from '../allocations/disbursement.dto';
import { PaymentRequestDto } from '../approvals/payment-request.dto';

export class PaymentDto {
  @Text() id!: string;
  @Text() allocationId!: string;
  @Text() unit!: string;
  @Money() amount!: number;
  @Day() valueDate!: string;
  @Text() voucher!: string;
  @Text({ nullable: true }) payee!: string | null;
  @Text({ nullable: true }) purpose!: string | null;
  @Instant() recordedAt!: string;
  @Text() recordedBy!: string;
  @Int() position!: number;
  @Obj(() => PaymentApprovalDto, { optional: true, description: 'present when the payment waited for a checker' }) approval?: PaymentApprovalDto;
  @Obj(() => ReversalDto, { nullable: true, description: 'null while the payment stands' }) reversal!: ReversalDto | null;
}

export class TraceLinkDto {
  @Text() allocationId!: string;
  @Text() unit!: string;
  @Obj(() => LegalDocumentDto) decision!: LegalDocumentDto;
  @Money({ description: 'allocated just after the payment' }) amount!: number;
  @Obj(() => BalanceFiguresDto, { description: 'the balance just after the payment was recorded' }) balanceAtTime!: BalanceFiguresDto;
}

/** An ancestor outside the reader's scope: named, but its figures are not the reader's business. */
export class OutOfScopeLinkDto {
  @Text() allocationId!: string;
  @Text() unit!: string;
  @ApiProperty({ type: 'boolean', enum: [true] }) outOfScope!: true;
}

export class DisbursementTraceDto {
  @Text() disbursementId!: string;
  @Int() position!: number;
  @ListOfOneOf([TraceLinkDto, OutOfScopeLinkDto], { description: 'from the top-level allocation down to the one that paid' }) chain!: (
    TraceLinkDto | OutOfScopeLinkDto
  )[];
  @Obj(() => PaymentDto) payment!: PaymentDto;
  @Obj(() => ReadPointDto, { description: 'the log position the answer is for' }) at!: ReadPointDto;
}

export class TraceNodeDto {
  @Text() id!: string;
  @Text() unit!: string;
  @Obj(() => LegalDocumentDto) decision!: LegalDocumentDto;
  @Money() allocated!: number;
  @Money() subAllocated!: number;
  @Money() disbursed!: number;
  @Money() disbursedTotal!: number;
  @Money({ description: 'reserved by its requests awaiting a checker' }) pending!: number;
  @List(() => TraceNodeDto) children!: readonly TraceNodeDto[];
  @List(() => PaymentDto, { description: 'its own payments, reversed ones included' }) disbursements!: readonly PaymentDto[];
  @List(() => PaymentRequestDto, { description: 'its payments that waited for a checker, pending or decided, in the order requested' })
  requests!: readonly PaymentRequestDto[];
  @Flag() reconciles!: boolean;
  @Texts() discrepancies!: readonly string[];
}

export class UnreconciledDto {
  @Text() id!: string;
  @Text() unit!: string;
  @Texts() discrepancies!: readonly string[];
}

export class AllocationTraceDto {
  @Text() allocationId!: string;
  @Flag() reconciles!: boolean;
  @List(() => UnreconciledDto) unreconciled!: readonly UnreconciledDto[];
  @Obj(() => TraceNodeDto) tree!: TraceNodeDto;
  @Obj(() => ReadPointDto, { description: 'the log position the answer is for' }) at!: ReadPointDto;
}
