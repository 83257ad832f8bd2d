import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AREAS, CLASSIFICATIONS, POVERTY_STANDARDS, REVIEW_TYPES } from '../../../../../libs/domain/src';
import { PageQueryDto } from '../../http/query.dto';
import { NEXT_CURSOR, ReadPointDto } from '../../http/read.dto';
import { ERASED, PERSONAL } from '../personal-fields';

const INDICATORS = [...new Set(POVERTY_STANDARDS.flatMap((s) => s.indicators))].sort();

export class HouseholdsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: 'string', example: 'MA-LI-PHO', description: "a unit's code: its households and those of every unit below it" })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  unit?: string;

  @ApiPropertyOptional({ enum: CLASSIFICATIONS, description: 'the current class, or with `reviewYear` the class of that year' })
  @IsOptional()
  @IsIn(CLASSIFICATIONS)
  classification?: string;

  @ApiPropertyOptional({
    type: 'string',
    pattern: '^[0-9]{4}$',
    example: '2023',
    description: 'only households assessed for this review year; `classification` and `deprivation` then ask about that year',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}$/, { message: 'reviewYear must be a year' })
  reviewYear?: string;

  @ApiPropertyOptional({ enum: INDICATORS, description: 'an indicator the household is deprived in (current assessment, or that of `reviewYear`)' })
  @IsOptional()
  @IsIn(INDICATORS)
  deprivation?: string;

  @ApiPropertyOptional({ type: 'string', example: 'lo van', description: "part of the household's id or of the head's name, ignoring case and diacritics" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class HouseholdAssessmentSummaryDto {
  @ApiProperty({ type: 'integer', example: 2023 }) reviewYear!: number;
  @ApiProperty({ enum: REVIEW_TYPES }) reviewType!: string;
  @ApiProperty({ enum: CLASSIFICATIONS }) classification!: string;
  @ApiProperty({ enum: INDICATORS, isArray: true }) deprivations!: readonly string[];
  @ApiProperty({ type: 'string', example: 'MDP-2022-2025' }) standard!: string;
}

export class HouseholdListItemDto {
  @ApiProperty({ type: 'string', example: 'H1' }) id!: string;
  @ApiProperty({ type: 'string', example: 'MA-LI-PHO', description: "the commune's code" }) unit!: string;
  @ApiProperty({ enum: AREAS }) area!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) members!: number;
  @ApiPropertyOptional({ type: 'string', nullable: true, description: PERSONAL }) headName?: string | null;
  @ApiPropertyOptional({ type: 'boolean', nullable: true, description: PERSONAL }) ethnicMinority?: boolean | null;
  @ApiPropertyOptional({ type: 'boolean', description: ERASED }) personalDataErased?: boolean;
  @ApiProperty({ type: 'string', format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ enum: CLASSIFICATIONS, nullable: true, description: 'the current class (its latest review year); null before any assessment' })
  classification!: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'the standard that decided the current class' }) standard!: string | null;
  @ApiProperty({
    type: () => HouseholdAssessmentSummaryDto,
    nullable: true,
    description: 'the assessment the filters asked about: that of `reviewYear`, else the current one',
  })
  assessment!: HouseholdAssessmentSummaryDto | null;
  @ApiProperty({ type: 'integer', description: 'the log position of the last event that changed this household' }) position!: number;
}

export class HouseholdPageDto {
  @ApiProperty({ type: () => HouseholdListItemDto, isArray: true, description: 'by id' }) items!: readonly HouseholdListItemDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
  @ApiProperty({ type: () => ReadPointDto }) at!: ReadPointDto;
}
