import { AREAS, REVIEW_TYPES } from '../../../../libs/domain/src';
import { Classification, Flag, Indicators, INDICATOR_CODES, Instant, Int, List, Num, Obj, OneOf, Text } from '../http/openapi';
import { ApiProperty } from '@nestjs/swagger';
import { ReadPointDto } from '../http/read.dto';
import { ByClassificationDto } from '../imports/imports.responses';

/** Shared with the list (households.list.dto.ts) and the erasure answer. */
export const PERSONAL = 'personal data (Decree 13/2023/NĐ-CP): absent for finance officers; null when unknown or erased';
export const ERASED = "true once the household's personal data was erased (POST /households/{id}/erasure); absent for finance officers";

export class ErasureRecordedDto {
  @Text() householdId!: string;
  @Flag({ description: 'always true: the key is destroyed and the personal fields read as null from now on' }) personalDataErased!: boolean;
  @Int() position!: number;
}

export class AssessmentCreatedDto {
  @Text({ description: 'the assessment' }) id!: string;
  @Int() position!: number;
  @Classification() classification!: string;
  @Classification({ nullable: true, description: "the household's class before (null on its first assessment)" }) previousClassification!: string | null;
  @Text({ example: 'MDP-2022-2025', description: 'the poverty standard of the review year' }) standard!: string;
  @Text({ description: 'the rule of the standard that decided the class' }) rule!: string;
}

export class CurrentClassDto {
  @Classification() classification!: string;
  @Int() reviewYear!: number;
  @Text() standard!: string;
}

export class AssessmentDto {
  @Text() id!: string;
  @Int() reviewYear!: number;
  @OneOf(REVIEW_TYPES, 'ReviewType') reviewType!: string;
  @Int({ description: 'VND per person per month' }) incomePerCapita!: number;
  @Indicators() deprivations!: string[];
  @Classification() classification!: string;
  @Text() standard!: string;
  @Text() rule!: string;
  @Instant() recordedAt!: string;
  @Text({ description: 'the user who recorded it' }) recordedBy!: string;
  @Int() position!: number;
}

export class ReclassificationDto {
  @Text() assessmentId!: string;
  @Int() reviewYear!: number;
  @Classification() from!: string;
  @Classification() to!: string;
  @Text() standard!: string;
  @Instant() recordedAt!: string;
  @Int() position!: number;
}

export class HouseholdViewDto {
  @Text() id!: string;
  @Text() unit!: string;
  @OneOf(AREAS, 'Area') area!: string;
  @Int() members!: number;
  @Text({ optional: true, nullable: true, description: PERSONAL }) headName?: string | null;
  @Flag({ optional: true, nullable: true, description: PERSONAL }) ethnicMinority?: boolean | null;
  @Flag({ optional: true, description: ERASED }) personalDataErased?: boolean;
  @Instant() registeredAt!: string;
  @Obj(() => CurrentClassDto, { nullable: true, description: 'the class of the latest review year (null before any assessment)' })
  current!: CurrentClassDto | null;
  @List(() => AssessmentDto) assessments!: AssessmentDto[];
  @List(() => ReclassificationDto) reclassifications!: ReclassificationDto[];
  @Classification({ nullable: true }) classification!: string | null;
  @Text({ nullable: true }) standard!: string | null;
  @Int() position!: number;
  @Obj(() => ReadPointDto, { description: 'the log position the answer is for' }) at!: ReadPointDto;
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
  @List(() => UnitTallyDto, { description: 'the same counts for each unit directly below' }) byUnit!: UnitTallyDto[];
  @Obj(() => ReadPointDto, { description: 'the log position the answer is for' }) at!: ReadPointDto;
}
