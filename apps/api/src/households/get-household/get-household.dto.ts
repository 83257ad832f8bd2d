import { AREAS, REVIEW_TYPES } from '../../../../../libs/domain/src';
import { Classification, Flag, Indicators, Instant, Int, List, Obj, OneOf, Text } from '../../http/openapi';
import { ReadPointDto } from '../../http/read.dto';
import { ERASED, PERSONAL } from '../personal-fields';

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
  @Indicators() deprivations!: readonly string[];
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
  @List(() => AssessmentDto) assessments!: readonly AssessmentDto[];
  @List(() => ReclassificationDto) reclassifications!: readonly ReclassificationDto[];
  @Classification({ nullable: true }) classification!: string | null;
  @Text({ nullable: true }) standard!: string | null;
  @Int() position!: number;
  @Obj(() => ReadPointDto, { description: 'the log position the answer is for' }) at!: ReadPointDto;
}
