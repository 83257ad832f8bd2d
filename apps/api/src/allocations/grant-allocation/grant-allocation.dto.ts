import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CAPITAL_TYPES, SOURCES } from '../../../../../libs/domain/src';
import { Amount } from '../../http/amount';
import type { DecisionDto } from '../../http/decision.dto';
import { Decision } from '../decision';

export class GrantAllocationDto {
  @ApiPropertyOptional({ example: 'PT-DA1.1-2022' }) @IsOptional() @IsString() @MaxLength(128) id?: string;
  @ApiPropertyOptional({ description: 'the allocation this one is carved out of' }) @IsOptional() @IsString() parentId?: string;
  @ApiProperty({ example: 'PHONG-THO' }) @IsString() unit!: string;
  @ApiPropertyOptional({ example: 'GNBV-2021-2025' }) @IsOptional() @IsString() program?: string;
  @ApiPropertyOptional({ example: 'DA1' }) @IsOptional() @IsString() project?: string;
  @ApiPropertyOptional({ example: 'DA1.1' }) @IsOptional() @IsString() subProject?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1900, maximum: 2200, example: 2022 }) @IsOptional() @IsInt() @Min(1900) @Max(2200) fiscalYear?: number;
  @ApiPropertyOptional({ enum: CAPITAL_TYPES, enumName: 'CapitalType' }) @IsOptional() @IsIn(CAPITAL_TYPES) capitalType?: string;
  @ApiPropertyOptional({ enum: SOURCES, enumName: 'Source' }) @IsOptional() @IsIn(SOURCES) source?: string;
  @Amount() amount!: number;
  @Decision() decision!: DecisionDto;
}
