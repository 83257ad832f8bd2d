import { CAPITAL_TYPES, SOURCES } from '../../../../libs/domain/src';
import { Day, Instant, Int, List, Money, Num, Obj, OneOf, Text } from '../http/openapi';
import { LegalDocumentDto } from '../http/responses';

const RATE = { example: 38.67, description: 'disbursed ÷ allocated, in percent, two decimals (0 when nothing is allocated)' };

export class DisbursementCreatedDto {
  @Text({ example: 'D1', description: 'the disbursement' }) id!: string;
  @Text({ example: 'PT-DA1.1-2022' }) allocationId!: string;
  @Int() position!: number;
}

export class NoteCreatedDto {
  @Text({ description: 'the note' }) id!: string;
  @Text({ example: 'PT-DA1.1-2022' }) allocationId!: string;
  @Int() position!: number;
}

export class BudgetLineDto {
  @Text({ example: 'GNBV-2021-2025' }) program!: string;
  @Text({ example: 'DA1' }) project!: string;
  @Text({ nullable: true, example: 'DA1.1' }) subProject!: string | null;
  @Int({ example: 2022 }) fiscalYear!: number;
  @OneOf(CAPITAL_TYPES, 'CapitalType') capitalType!: string;
  @OneOf(SOURCES, 'Source') source!: string;
}

export class ChildAllocationDto {
  @Text() id!: string;
  @Text() unit!: string;
  @Money() allocated!: number;
}

export class AllocationNoteDto {
  @Text() id!: string;
  @Text() text!: string;
  @Day({ description: 'the day the note speaks of' }) asOf!: string;
  @Instant() recordedAt!: string;
  @Text() recordedBy!: string;
  @Int() position!: number;
}

export class AllocationViewDto {
  @Text({ example: 'PT-DA1.1-2022' }) id!: string;
  @Text({ example: 'PHONG-THO' }) unit!: string;
  @Text({ nullable: true, description: 'the unit that granted it (null: an admin granted a root allocation)' }) grantedBy!: string | null;
  @Text({ nullable: true, description: 'the allocation it was carved out of' }) parentId!: string | null;
  @Obj(() => BudgetLineDto) line!: BudgetLineDto;
  @Obj(() => LegalDocumentDto) decision!: LegalDocumentDto;
  @List(() => ChildAllocationDto) children!: ChildAllocationDto[];
  @Money({ example: 71_570_000_000, description: 'whole đồng granted, with adjustments (gross: includes what was passed down)' }) allocated!: number;
  @Money({ example: 0, description: 'whole đồng passed down to sub-allocations' }) subAllocated!: number;
  @Money({ example: 27_673_000_000, description: 'whole đồng paid by this allocation itself, net of reversals' }) disbursed!: number;
  @Money({ description: 'whole đồng paid by this allocation and every allocation below it' }) disbursedTotal!: number;
  @Money({ example: 43_897_000_000, description: 'allocated − subAllocated − disbursed' }) available!: number;
  @Num(RATE) disbursementRate!: number;
  @Instant() grantedAt!: string;
  @List(() => AllocationNoteDto, { description: 'progress notes, oldest first' }) notes!: AllocationNoteDto[];
  @Int({ description: 'log position of the last event applied to this allocation' }) position!: number;
  @Int({ optional: true, description: 'only on a time-travel read: the log position the answer is for' }) asOfPosition?: number;
}

export class BalanceFiguresDto {
  @Money({ description: 'whole đồng kept: allocated minus what was passed down' }) allocated!: number;
  @Money() disbursed!: number;
  @Money() available!: number;
  @Num(RATE) disbursementRate!: number;
}

/** A row carries the keys it was grouped by, then the figures. */
export class BalanceRowDto extends BalanceFiguresDto {
  @Text({ optional: true }) program?: string;
  @Text({ optional: true }) project?: string;
  @Text({ optional: true, nullable: true }) subProject?: string | null;
  @Int({ optional: true }) fiscalYear?: number;
  @OneOf(CAPITAL_TYPES, 'CapitalType', { optional: true }) capitalType?: string;
  @OneOf(SOURCES, 'Source', { optional: true }) source?: string;
  @Text({ optional: true }) unit?: string;
}

export class BalancesPointDto {
  @Int({ description: 'the log position the figures are for' }) position!: number;
  @Day({ nullable: true, description: 'payments and reversals counted only up to this value date' }) valueDate!: string | null;
}

export class BalancesDto {
  @List(() => BalanceRowDto, { description: 'one row per group (one row in all without groupBy)' }) rows!: BalanceRowDto[];
  @Obj(() => BalanceFiguresDto) total!: BalanceFiguresDto;
  @Obj(() => BalancesPointDto, { optional: true, description: 'only on a time-travel or value-dated read' }) at?: BalancesPointDto;
}
