import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class ApproveRequestDto {
  @ApiPropertyOptional({ example: 'checked against contract 12/HĐ-2022' }) @IsOptional() @IsString() @MaxLength(1000) comment?: string;
}
