import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AREAS, REVIEW_TYPES } from '../../../../libs/domain/src';
import { DecisionDto } from '../http/decision.dto';
import { INDICATOR_CODES } from '../http/openapi';

export class RegisterHouseholdDto {
  @ApiProperty({ example: 'HH-MA-LI-PHO-0001' }) @IsString() @MaxLength(128) id!: string;
  @ApiProperty({ example: 'MA-LI-PHO' }) @IsString() unit!: string;
  @ApiProperty({ enum: AREAS, enumName: 'Area' }) @IsIn(AREAS) area!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1000, example: 5 }) @IsInt() @Min(1) @Max(1000) members!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) headName?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() ethnicMinority?: boolean;
}

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

export class EraseHouseholdPersonalDataDto {
  @ApiProperty({ example: 'Nghị định 13/2023/NĐ-CP, Điều 16', description: 'the law or decision the erasure rests on' })
  @IsString()
  @MaxLength(500)
  legalBasis!: string;
  @ApiProperty({
    example: 'the head of household asked for erasure (request of 2026-03-02)',
    description: 'why; recorded in clear with the erasure: name no person here',
  })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
