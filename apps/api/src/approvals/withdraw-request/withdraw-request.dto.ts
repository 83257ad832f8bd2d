import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class WithdrawRequestDto {
  @ApiProperty({ example: 'prepared against the wrong allocation' }) @IsString() @MaxLength(1000) reason!: string;
}
