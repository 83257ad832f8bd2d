import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmptyObject, IsOptional, IsString, Matches, Max, MaxLength, Min, NotEquals, ValidateNested } from 'class-validator';
import { CAPITAL_TYPES, SOURCES } from '../../../../libs/domain/src';
import { Amount } from '../http/amount';
import { DecisionDto } from '../http/decision.dto';

const Decision = () => (target: object, key: string) => {
  ApiProperty({ type: DecisionDto })(target, key);
  ValidateNested()(target, key);
  IsNotEmptyObject()(target, key);
  Type(() => DecisionDto)(target, key);
};

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

export class AdjustAllocationDto {
  @ApiProperty({ type: 'integer', example: -1_000_000_000, description: 'non-zero whole đồng; negative reduces' })
  @IsInt({ message: '$property must be a whole number of đồng' })
  @NotEquals(0, { message: '$property must not be zero' })
  @Min(-Number.MAX_SAFE_INTEGER)
  @Max(Number.MAX_SAFE_INTEGER)
  delta!: number;
  @Decision() decision!: DecisionDto;
  @ApiProperty() @IsString() @MaxLength(1000) reason!: string;
}

export class RecordDisbursementDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(128) id?: string;
  @Amount(1_200_000_000) amount!: number;
  @ApiProperty({ format: 'date', example: '2022-09-15' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'valueDate must be a date YYYY-MM-DD' })
  valueDate!: string;
  @ApiProperty({ example: 'UNC-0001/KBNN-PT' }) @IsString() @MaxLength(100) voucher!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) payee?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) purpose?: string;
}

export class ReverseDisbursementDto {
  @ApiProperty({ example: 'voucher posted twice' }) @IsString() @MaxLength(1000) reason!: string;
  @ApiPropertyOptional({ type: DecisionDto }) @IsOptional() @ValidateNested() @Type(() => DecisionDto) decision?: DecisionDto;
  @ApiPropertyOptional({
    format: 'date',
    example: '2022-10-03',
    description: 'the day the reversal takes effect; default: the day it is recorded (Asia/Ho_Chi_Minh)',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'valueDate must be a date YYYY-MM-DD' })
  valueDate?: string;
}
