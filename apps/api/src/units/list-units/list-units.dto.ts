import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../http/query.dto';
import { NEXT_CURSOR, ReadPointDto } from '../../http/read.dto';
import { UnitDto } from '../unit.dto';

export class UnitsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: 'string', example: 'PHONG-THO', description: 'only the children of this unit' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  parent?: string;
}

export class UnitPageDto {
  @ApiProperty({ type: () => UnitDto, isArray: true, description: 'in tree order: a unit, then its subtree, children by code' }) items!: readonly UnitDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
  @ApiProperty({ type: () => ReadPointDto }) at!: ReadPointDto;
}
