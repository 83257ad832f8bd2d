import { ApiProperty } from '@nestjs/swagger';
import { INDICATOR_CODES, Int, List, Num, Obj, Text } from '../../http/openapi';
import { QueryParam, TimeTravelQueryDto } from '../../http/query.dto';
import { ReadPointDto } from '../../http/read.dto';
import { ByClassificationDto } from '../by-classification.dto';

/** GET /households/stats: both parameters are required, each given once. */
export class HouseholdStatsQueryDto extends TimeTravelQueryDto {
  @QueryParam({ description: 'a unit code: the counts over it and every unit below it', required: true, maxLength: 128, example: 'PHONG-THO' })
  unit!: string;

  @QueryParam({ description: 'the review year', type: 'integer', required: true, pattern: /^\d{4}$/, must: 'a year (4 digits)', maxLength: 4, example: '2023' })
  reviewYear!: string;
}

/** Households deprived of each indicator; an indicator no household lacks is left out. */
const Deprivations = () =>
  ApiProperty({
    type: 'object',
    properties: Object.fromEntries(INDICATOR_CODES.map((code) => [code, { type: 'integer' }])),
    additionalProperties: false,
    description: 'households deprived of each indicator (indicators with none are left out)',
  });

export class ClassRatesDto {
  @Num({ description: 'percent, two decimals' }) poor!: number;
  @Num({ description: 'percent, two decimals' }) near_poor!: number;
  @Num({ description: 'percent, two decimals' }) average!: number;
  @Num({ description: 'percent, two decimals' }) not_poor!: number;
}

export class HouseholdTallyDto {
  @Int() households!: number;
  @Obj(() => ByClassificationDto, { description: 'households by current class, keyed by class code' }) byClassification!: ByClassificationDto;
  @Obj(() => ClassRatesDto, { description: 'the same as a percentage of households' }) rates!: ClassRatesDto;
  @Deprivations() deprivations!: Record<string, number>;
}

export class UnitTallyDto extends HouseholdTallyDto {
  @Text() unit!: string;
}

export class HouseholdStatsDto extends HouseholdTallyDto {
  @Text() unit!: string;
  @Int() reviewYear!: number;
  @List(() => UnitTallyDto, { description: 'the same counts for each unit directly below' }) byUnit!: readonly UnitTallyDto[];
  @Obj(() => ReadPointDto, { description: 'the log position the answer is for' }) at!: ReadPointDto;
}
