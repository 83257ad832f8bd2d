import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Int, Text } from '../http/openapi';
import { LegalDocumentDto } from '../http/read.dto';

/** What recording or reversing a payment answers. */
export class DisbursementCreatedDto {
  @Text({ example: 'D1', description: 'the disbursement' }) id!: string;
  @Text({ example: 'PT-DA1.1-2022' }) allocationId!: string;
  @Int() position!: number;
}

export class ReversalDto {
  @ApiProperty({ type: 'string', example: 'voucher UNC-002 posted twice' }) reason!: string;
  @ApiProperty({ type: 'string', format: 'date', description: 'when the reversal takes effect' }) valueDate!: string;
  @ApiProperty({ type: () => LegalDocumentDto, nullable: true }) decision!: LegalDocumentDto | null;
  @ApiProperty({ type: 'string', format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: 'string', description: 'the user who recorded it' }) recordedBy!: string;
  @ApiProperty({ type: 'integer', description: 'the log position of the reversal' }) position!: number;
}

/** A payment that waited for a checker (maker-checker): who released it and why. */
export class PaymentApprovalDto {
  @ApiProperty({ type: 'string', description: 'the checker: another finance officer than the maker (`recordedBy`)' }) approvedBy!: string;
  @ApiProperty({ type: 'string', nullable: true }) comment!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time' }) approvedAt!: string;
  @ApiProperty({ type: 'integer', description: 'the log position of the approval' }) position!: number;
}

export class DisbursementDto {
  @ApiProperty({ type: 'string', example: 'D1' }) id!: string;
  @ApiProperty({ type: 'string', example: 'PT-DA1.1-2022' }) allocationId!: string;
  @ApiProperty({ type: 'string', example: 'PHONG-THO' }) unit!: string;
  @ApiProperty({ type: 'integer', description: 'đồng paid (a reversed payment keeps its amount)', example: 12_000_000_000 }) amount!: number;
  @ApiProperty({ type: 'string', format: 'date' }) valueDate!: string;
  @ApiProperty({ type: 'string', example: 'UNC-001' }) voucher!: string;
  @ApiProperty({ type: 'string', nullable: true }) payee!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) purpose!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: 'string', description: 'the user who recorded it' }) recordedBy!: string;
  @ApiProperty({ type: 'integer', description: 'the log position of the payment' }) position!: number;
  @ApiPropertyOptional({
    type: () => PaymentApprovalDto,
    description: 'present when the payment waited for a checker: then `recordedBy` is its maker and `position` the approval',
  })
  approval?: PaymentApprovalDto;
  @ApiProperty({ type: 'boolean', description: 'true once the payment has been reversed' }) reversed!: boolean;
  @ApiProperty({ type: () => ReversalDto, nullable: true, description: 'the reversal, with its reason; null while the payment stands' })
  reversal!: ReversalDto | null;
}
