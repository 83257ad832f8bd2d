import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { REVIEW_TYPES } from '../../../../../libs/domain/src';
import { DecisionDto } from '../../http/decision.dto';
import { Classification, INDICATOR_CODES, Int, Text } from '../../http/openapi';

export class AssessHouseholdDto {
  @ApiProperty({ type: 'integer', minimum: 1900, maximum: 2200, example: 2022 }) @IsInt() @Min(1900) @Max(2200) reviewYear!: number;
  @ApiProperty({ enum: REVIEW_TYPES, enumName: 'ReviewType' }) @IsIn(REVIEW_TYPES) reviewType!: string;
  @ApiProperty({ type: 'integer', minimum: 0, example: 1_200_000, description: 'VND per person per month' })
  @IsInt({ message: '$property must be a whole number of đồng' })
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  incomePerCapita!: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [...INDICATOR_CODES] },
    maxItems: 20,
    example: ['health_insurance', 'housing_quality', 'latrine'],
    description: 'indicator codes of the standard in force for reviewYear',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  deprivations!: string[];
  @ApiPropertyOptional({ type: DecisionDto }) @IsOptional() @ValidateNested() @Type(() => DecisionDto) decision?: DecisionDto;
}

export class AssessmentCreatedDto {
  @Text({ description: 'the assessment' }) id!: string;
  @Int() position!: number;
  @Classification() classification!: string;
  @Classification({ nullable: true, description: "the household's class before (null on its first assessment)" }) previousClassification!: string | null;
  @Text({ example: 'MDP-2022-2025', description: 'the poverty standard of the review year' }) standard!: string;
  @Text({ description: 'the rule of the standard that decided the class' }) rule!: string;
}
