import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CATALOGUE } from '../../../../../libs/domain/src';
import { REPORT_FORMATS, TABLE_IDS } from '../../../../../libs/ledger/src';
import { TimeTravelQueryDto } from '../../http/query.dto';

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
