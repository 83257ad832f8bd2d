import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class RejectRequestDto {
  @ApiProperty({ example: 'voucher does not match the contract' }) @IsString() @MaxLength(1000) reason!: string;
}
