import { CAPITAL_TYPES, CATALOGUE, SOURCES } from '../../../../../libs/domain/src';
import { GROUP_KEYS } from '../../../../../libs/ledger/src';
import { Day, Int, List, Money, Num, Obj, OneOf, Text } from '../../http/openapi';
import { ListParam, QueryParam, TimeTravelQueryDto } from '../../http/query.dto';
import { ReadPointDto } from '../../http/read.dto';

const RATE = { example: 38.67, description: 'disbursed ÷ allocated, in percent, two decimals (0 when nothing is allocated)' };

const PROGRAMS = CATALOGUE.map((p) => p.code);
// Programmes reuse project codes (DA1… in 2016–2020 and 2021–2025): an enum lists each once.
const PROJECTS = [...new Set(CATALOGUE.flatMap((p) => p.projects.map((x) => x.code)))];
const SUB_PROJECTS = [...new Set(CATALOGUE.flatMap((p) => p.projects.flatMap((x) => x.subProjects.map((s) => s.code))))];

/**
 * GET /balances. Every filter takes one value (given twice: 400 naming it); `groupBy` is the one
 * list. Programme codes are documented as enums but checked by the query, which answers an unknown
 * one with UNKNOWN_REFERENCE, as for a body.
 */
export class BalancesQueryDto extends TimeTravelQueryDto {
  @QueryParam({ description: 'the fiscal year', type: 'integer', pattern: /^\d{4}$/, must: 'a year (4 digits)', maxLength: 4, example: '2022' })
  fiscalYear?: string;

  @QueryParam({ description: 'a unit code: its allocations and those of every unit below it', maxLength: 128, example: 'PHONG-THO' })
  unit?: string;

  @QueryParam({ description: 'a programme code of the catalogue (GET /programs)', enum: PROGRAMS, enumChecked: false, must: 'a programme code' })
  program?: string;

  @QueryParam({ description: 'a project code of the catalogue', enum: PROJECTS, enumChecked: false, must: 'a project code' })
  project?: string;

  @QueryParam({ description: 'a sub-project code of the catalogue', enum: SUB_PROJECTS, enumChecked: false, must: 'a sub-project code' })
  subProject?: string;

  @QueryParam({ description: 'investment or recurrent capital', enum: CAPITAL_TYPES })
  capitalType?: string;

  @QueryParam({ description: 'where the money comes from', enum: SOURCES })
  source?: string;

  @ListParam('the rows: one per combination of these keys (none: the total only)', { enum: GROUP_KEYS })
  groupBy?: string;

  @QueryParam({
    description: 'only payments valued on or before this day, and only reversals whose own value date is on or before it',
    format: 'date',
    pattern: /^\d{4}-\d{2}-\d{2}$/,
    must: 'a date YYYY-MM-DD',
    maxLength: 10,
    example: '2022-12-31',
  })
  valueDate?: string;
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
  @List(() => BalanceRowDto, { description: 'one row per group (one row in all without groupBy)' }) rows!: readonly BalanceRowDto[];
  @Obj(() => BalanceTotalsDto) total!: BalanceTotalsDto;
  @Obj(() => BalancesPointDto, { description: 'the log position the figures are for, and the value date if one was asked' }) at!: BalancesPointDto;
}
