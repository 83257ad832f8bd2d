import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Int, Text } from '../../http/openapi';

export class RecordNoteDto {
  @ApiProperty({ example: 'Chưa có hướng dẫn thực hiện của Bộ; dự kiến giải ngân quý I/2023', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  text!: string;

  @ApiPropertyOptional({ example: '2022-12-20', description: 'the day the note speaks for; default today (Asia/Ho_Chi_Minh); not in the future' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a date YYYY-MM-DD' })
  asOf?: string;
}

export class NoteCreatedDto {
  @Text({ description: 'the note' }) id!: string;
  @Text({ example: 'PT-DA1.1-2022' }) allocationId!: string;
  @Int() position!: number;
}
