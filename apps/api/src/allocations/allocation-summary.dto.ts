import { ApiProperty } from '@nestjs/swagger';
import { CAPITAL_TYPES, SOURCES } from '../../../../libs/domain/src';
import { LegalDocumentDto } from '../http/read.dto';

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
  @ApiProperty({ type: () => AllocationNoteDto, isArray: true, description: 'progress notes, oldest first' }) notes!: readonly AllocationNoteDto[];
  @ApiProperty({ type: 'string', format: 'date-time' }) grantedAt!: string;
  @ApiProperty({ type: 'integer', description: 'the log position of the last event that changed this allocation' }) position!: number;
}
