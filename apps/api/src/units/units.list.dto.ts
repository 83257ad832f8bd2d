import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { UNIT_LEVELS } from '../../../../libs/domain/src';
import { PageQueryDto } from '../http/query.dto';
import { NEXT_CURSOR, ReadPointDto } from '../http/read.dto';

export class UnitsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: 'string', example: 'PHONG-THO', description: 'only the children of this unit' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  parent?: string;
}

export class UnitDto {
  @ApiProperty({ type: 'string', example: 'PHONG-THO', description: "the unit's identity everywhere" }) code!: string;
  @ApiProperty({ type: 'string', example: 'Huyện Phong Thổ' }) name!: string;
  @ApiProperty({ enum: UNIT_LEVELS }) level!: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'LAI-CHAU' }) parent!: string | null;
  @ApiProperty({ type: 'string', isArray: true, description: 'codes of its children, in the order they were registered' }) children!: readonly string[];
  @ApiProperty({ type: 'string', isArray: true, description: 'codes of its ancestors, nearest first' }) ancestors!: readonly string[];
  @ApiProperty({ type: 'string', format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ type: 'integer', description: 'the log position of the last event that changed this unit' }) position!: number;
}

export class UnitPageDto {
  @ApiProperty({ type: () => UnitDto, isArray: true, description: 'in tree order: a unit, then its subtree, children by code' }) items!: readonly UnitDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
  @ApiProperty({ type: () => ReadPointDto }) at!: ReadPointDto;
}
