import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { DecisionDto } from '../../http/decision.dto';

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
