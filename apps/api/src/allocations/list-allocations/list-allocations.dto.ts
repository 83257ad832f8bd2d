import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CAPITAL_TYPES, SOURCES } from '../../../../../libs/domain/src';
import { PageQueryDto } from '../../http/query.dto';
import { NEXT_CURSOR, ReadPointDto } from '../../http/read.dto';
import { AllocationSummaryDto } from '../allocation-summary.dto';

const text = (description: string, example?: string) => (target: object, key: string) => {
  ApiPropertyOptional({ type: 'string', description, ...(example === undefined ? {} : { example }) })(target, key);
  IsOptional()(target, key);
  IsString()(target, key);
  MaxLength(128)(target, key);
};

export class AllocationsQueryDto extends PageQueryDto {
  @text("a unit's code: its allocations and those of every unit below it", 'PHONG-THO') unit?: string;

  @ApiPropertyOptional({ type: 'string', pattern: '^[0-9]{4}$', example: '2022' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}$/, { message: 'fiscalYear must be a year' })
  fiscalYear?: string;

  @text('a programme code of the catalogue', 'GNBV-2021-2025') program?: string;
  @text('a project code', 'DA1') project?: string;
  @text('a sub-project code', 'DA1.1') subProject?: string;

  @ApiPropertyOptional({ enum: CAPITAL_TYPES })
  @IsOptional()
  @IsIn(CAPITAL_TYPES)
  capitalType?: string;

  @ApiPropertyOptional({ enum: SOURCES })
  @IsOptional()
  @IsIn(SOURCES)
  source?: string;

  @text('only the sub-allocations carved from this allocation', 'LC-DA1.1-2022') parentId?: string;
}

export class AllocationPageDto {
  @ApiProperty({ type: () => AllocationSummaryDto, isArray: true, description: 'by id' }) items!: readonly AllocationSummaryDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
  @ApiProperty({ type: () => ReadPointDto }) at!: ReadPointDto;
}
