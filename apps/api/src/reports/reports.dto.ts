import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CATALOGUE } from '../../../../libs/domain/src';
import { REPORT_FORMATS, TABLE_IDS } from '../../../../libs/ledger/src';
import { TimeTravelQueryDto } from '../http/query.dto';

export class ProgrammeReportQueryDto extends TimeTravelQueryDto {
  @ApiProperty({ example: 'PHONG-THO', description: 'the unit reported on (any level); its subtree is reported, scoped like every read' })
  @IsString()
  @MaxLength(128)
  unit!: string;

  @ApiProperty({ type: 'string', pattern: '^\\d{4}$', example: '2022' })
  @IsString()
  @Matches(/^\d{4}$/, { message: 'fiscalYear must be a year YYYY' })
  fiscalYear!: string;

  @ApiPropertyOptional({
    enum: CATALOGUE.map((p) => p.code),
    default: 'GNBV-2021-2025',
    description: 'the programme; lines of its predecessor extended into the year are shown apart',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  program?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, description: 'default: from the Accept header (text/html, the XLSX type, text/csv), else json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: `format must be one of ${REPORT_FORMATS.join(', ')}` })
  format?: string;

  @ApiPropertyOptional({ enum: TABLE_IDS, description: 'format=csv only: one table; without it, a ZIP of every table' })
  @IsOptional()
  @IsIn(TABLE_IDS, { message: `table must be one of ${TABLE_IDS.join(', ')}` })
  table?: string;
}

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
