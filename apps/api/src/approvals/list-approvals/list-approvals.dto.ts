import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../http/query.dto';
import { NEXT_CURSOR, ReadPointDto } from '../../http/read.dto';
import { PaymentRequestDto, REQUEST_STATUSES } from '../payment-request.dto';

export class ApprovalsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: 'string', example: 'PHONG-THO', description: "a unit's code: its requests and those of every unit below it" })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  unit?: string;

  @ApiPropertyOptional({ type: 'string', enum: REQUEST_STATUSES })
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: string;
}

export class ApprovalPageDto {
  @ApiProperty({ type: () => PaymentRequestDto, isArray: true, description: 'in the order requested' }) items!: readonly PaymentRequestDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
  @ApiProperty({ type: () => ReadPointDto }) at!: ReadPointDto;
}
