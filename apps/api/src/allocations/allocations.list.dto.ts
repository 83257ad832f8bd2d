import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CAPITAL_TYPES, SOURCES } from '../../../../libs/domain/src';
import { PageQueryDto } from '../http/query.dto';
import { LegalDocumentDto, NEXT_CURSOR, ReadPointDto } from '../http/read.dto';

const text = (description: string, example?: string) => (target: object, key: string) => {
  ApiPropertyOptional({ type: 'string', description, ...(example === undefined ? {} : { example }) })(target, key);
  IsOptional()(target, key);
  IsString()(target, key);
  MaxLength(128)(target, key);
};

export class AllocationsQueryDto extends PageQueryDto {
  @text("a unit's code: its allocations and those of every unit below it", 'PHONG-THO') unit?: string;

  @ApiPropertyOptional({ type: 'string', pattern: '^[0-9]{4}$', example: '2022' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}$/, { message: 'fiscalYear must be a year' })
  fiscalYear?: string;

  @text('a programme code of the catalogue', 'GNBV-2021-2025') program?: string;
  @text('a project code', 'DA1') project?: string;
  @text('a sub-project code', 'DA1.1') subProject?: string;

  @ApiPropertyOptional({ enum: CAPITAL_TYPES })
  @IsOptional()
  @IsIn(CAPITAL_TYPES)
  capitalType?: string;

  @ApiPropertyOptional({ enum: SOURCES })
  @IsOptional()
  @IsIn(SOURCES)
  source?: string;

  @text('only the sub-allocations carved from this allocation', 'LC-DA1.1-2022') parentId?: string;
}

export class BudgetLineDto {
  @ApiProperty({ type: 'string', example: 'GNBV-2021-2025' }) program!: string;
  @ApiProperty({ type: 'string', example: 'DA1' }) project!: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'DA1.1' }) subProject!: string | null;
  @ApiProperty({ type: 'integer', example: 2022 }) fiscalYear!: number;
  @ApiProperty({ enum: CAPITAL_TYPES }) capitalType!: string;
  @ApiProperty({ enum: SOURCES }) source!: string;
}

/** A progress note: why money is (not yet) spent, as an officer wrote it. */
export class AllocationNoteDto {
  @ApiProperty({ type: 'string' }) id!: string;
  @ApiProperty({ type: 'string', example: 'no implementing guidance from the ministry yet' }) text!: string;
  @ApiProperty({ type: 'string', format: 'date', description: 'the day the note speaks of' }) asOf!: string;
  @ApiProperty({ type: 'string', format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: 'string', description: 'the user who wrote it' }) recordedBy!: string;
  @ApiProperty({ type: 'integer', description: 'the log position of the note' }) position!: number;
}

/** An item of GET /allocations: the figures of GET /allocations/{id}, without its children. */
export class AllocationSummaryDto {
  @ApiProperty({ type: 'string', example: 'PT-DA1.1-2022' }) id!: string;
  @ApiProperty({ type: 'string', example: 'PHONG-THO', description: "the holding unit's code" }) unit!: string;
  @ApiProperty({ type: 'string', nullable: true, description: "the granting unit's code (null: granted by an administrator to a root unit)" }) grantedBy!:
    string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'the allocation it was carved from' }) parentId!: string | null;
  @ApiProperty({ type: () => BudgetLineDto }) line!: BudgetLineDto;
  @ApiProperty({ type: () => LegalDocumentDto }) decision!: LegalDocumentDto;
  @ApiProperty({ type: 'integer', description: 'đồng granted to this allocation, adjustments included (gross: before what it passed down)' })
  allocated!: number;
  @ApiProperty({ type: 'integer', description: 'đồng passed down to its sub-allocations' }) subAllocated!: number;
  @ApiProperty({ type: 'integer', description: 'đồng it disbursed itself, net of reversals' }) disbursed!: number;
  @ApiProperty({ type: 'integer', description: 'đồng disbursed by it and every allocation below it' }) disbursedTotal!: number;
  @ApiProperty({ type: 'integer', description: 'đồng reserved by payment requests awaiting a checker (maker-checker)' }) pending!: number;
  @ApiProperty({ type: 'integer', description: 'allocated − subAllocated − disbursed − pending' }) available!: number;
  @ApiProperty({ type: 'number', description: 'disbursedTotal ÷ allocated, a percentage with two decimals', example: 38.67 }) disbursementRate!: number;
  @ApiProperty({ type: () => AllocationNoteDto, isArray: true, description: 'progress notes, oldest first' }) notes!: AllocationNoteDto[];
  @ApiProperty({ type: 'string', format: 'date-time' }) grantedAt!: string;
  @ApiProperty({ type: 'integer', description: 'the log position of the last event that changed this allocation' }) position!: number;
}

export class AllocationPageDto {
  @ApiProperty({ type: () => AllocationSummaryDto, isArray: true, description: 'by id' }) items!: AllocationSummaryDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
  @ApiProperty({ type: () => ReadPointDto }) at!: ReadPointDto;
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

export class DisbursementPageDto {
  @ApiProperty({ type: () => DisbursementDto, isArray: true, description: 'in the order they were recorded' }) items!: DisbursementDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
  @ApiProperty({ type: () => ReadPointDto }) at!: ReadPointDto;
}

export class DisbursementReadDto extends DisbursementDto {
  @ApiProperty({ type: () => ReadPointDto }) at!: ReadPointDto;
}
