import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Amount } from '../../http/amount';
import { OneOf } from '../../http/openapi';
import { DisbursementCreatedDto } from '../disbursement.dto';

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

/** POST /allocations/{id}/disbursements: paid at once, or waiting for a checker (the unit's approval policy). */
export class DisbursementRecordedDto extends DisbursementCreatedDto {
  @OneOf(['disbursed', 'pending'], 'PaymentStatus', {
    description: '`pending`: at or above the approval threshold in force, reserved until another finance officer approves it',
  })
  status!: string;
}
