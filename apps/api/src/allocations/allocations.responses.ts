import { CAPITAL_TYPES, SOURCES } from '../../../../libs/domain/src';
import { Day, Int, List, Money, Num, Obj, OneOf, Text } from '../http/openapi';
import { AllocationSummaryDto } from './allocations.list.dto';
import { ReadPointDto } from '../http/read.dto';

const RATE = { example: 38.67, description: 'disbursed ÷ allocated, in percent, two decimals (0 when nothing is allocated)' };

export class DisbursementCreatedDto {
  @Text({ example: 'D1', description: 'the disbursement' }) id!: string;
  @Text({ example: 'PT-DA1.1-2022' }) allocationId!: string;
  @Int() position!: number;
}

/** POST /allocations/{id}/disbursements: paid at once, or waiting for a checker (the unit's approval policy). */
export class DisbursementRecordedDto extends DisbursementCreatedDto {
  @OneOf(['disbursed', 'pending'], 'PaymentStatus', {
    description: '`pending`: at or above the approval threshold in force, reserved until another finance officer approves it',
  })
  status!: string;
}

export class NoteCreatedDto {
  @Text({ description: 'the note' }) id!: string;
  @Text({ example: 'PT-DA1.1-2022' }) allocationId!: string;
  @Int() position!: number;
}

export class ChildAllocationDto {
  @Text() id!: string;
  @Text() unit!: string;
  @Money() allocated!: number;
}

/** GET /allocations/{id}: an item of GET /allocations, with its children and the point it was read at. */
export class AllocationViewDto extends AllocationSummaryDto {
  @List(() => ChildAllocationDto) children!: ChildAllocationDto[];
  @Obj(() => ReadPointDto, { description: 'the log position the answer is for' }) at!: ReadPointDto;
}

export class BalanceTotalsDto {
  @Money({ description: 'whole đồng granted, gross (as on GET /allocations/{id})' }) allocated!: number;
  @Money({ description: 'whole đồng passed down to sub-allocations outside the rows’ set' }) subAllocated!: number;
  @Money() disbursed!: number;
  @Money({ description: 'reserved by payment requests awaiting a checker (maker-checker)' }) pending!: number;
  @Money({ description: 'allocated − subAllocated − disbursed − pending' }) available!: number;
  @Num(RATE) disbursementRate!: number;
}

/** A row carries the keys it was grouped by, then the figures. */
export class BalanceRowDto extends BalanceTotalsDto {
  @Text({ optional: true }) program?: string;
  @Text({ optional: true }) project?: string;
  @Text({ optional: true, nullable: true }) subProject?: string | null;
  @Int({ optional: true }) fiscalYear?: number;
  @OneOf(CAPITAL_TYPES, 'CapitalType', { optional: true }) capitalType?: string;
  @OneOf(SOURCES, 'Source', { optional: true }) source?: string;
  @Text({ optional: true }) unit?: string;
}

export class BalancesPointDto extends ReadPointDto {
  @Day({ optional: true, description: 'payments and reversals counted only up to this value date' }) valueDate?: string;
}

export class BalancesDto {
  @List(() => BalanceRowDto, { description: 'one row per group (one row in all without groupBy)' }) rows!: BalanceRowDto[];
  @Obj(() => BalanceTotalsDto) total!: BalanceTotalsDto;
  @Obj(() => BalancesPointDto, { description: 'the log position the figures are for, and the value date if one was asked' }) at!: BalancesPointDto;
}
