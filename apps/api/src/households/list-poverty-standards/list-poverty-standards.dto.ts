import { Flag, Indicators, Int, List, Money, Obj, Text } from '../../http/openapi';
import { YearRangeDto } from '../../programs/year-range.dto';

export class ThresholdsDto {
  @Money({ example: 1_500_000, description: 'income per person per month at or below which a household is poor or near-poor' }) povertyLine!: number;
  @Money({ nullable: true, description: 'the upper bound of the near-poor band (2016–2020 standard only)' }) nearPoorLine!: number | null;
  @Money({ example: 2_250_000, description: 'the average-living upper bound: above it, not poor' }) upperBound!: number;
}

export class AreaThresholdsDto {
  @Obj(() => ThresholdsDto) rural!: ThresholdsDto;
  @Obj(() => ThresholdsDto) urban!: ThresholdsDto;
}

export class PovertyStandardDto {
  @Text({ example: 'MDP-2022-2025' }) id!: string;
  @Text({ example: '07/2021/NĐ-CP', description: 'the legal document that sets it' }) legalBasis!: string;
  @Obj(() => YearRangeDto, { description: 'the review years it decides' }) reviewYears!: YearRangeDto;
  @Indicators({ description: 'its indicators, in the order of its legal text' }) indicators!: readonly string[];
  @Int({ example: 3, description: 'deprivations at or above which a household under the relevant line is poor' }) deprivationThreshold!: number;
  @Flag({ description: 'income at or below the poverty line makes a household poor whatever its deprivations (2016–2020)' }) incomeAloneMakesPoor!: boolean;
  @Obj(() => AreaThresholdsDto, { description: 'VND per person per month, by area' }) thresholds!: AreaThresholdsDto;
}

export class PovertyStandardsDto {
  @List(() => PovertyStandardDto, { description: 'oldest first' }) standards!: PovertyStandardDto[];
}
