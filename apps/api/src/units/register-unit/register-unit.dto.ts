import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { UNIT_LEVELS } from '../../../../../libs/domain/src';
import { Int, Text } from '../../http/openapi';

export class RegisterUnitDto {
  @ApiProperty({ example: 'PHONG-THO' }) @IsString() @MaxLength(128) code!: string;
  @ApiProperty({ example: 'Huyện Phong Thổ' }) @IsString() @MaxLength(200) name!: string;
  @ApiProperty({ enum: UNIT_LEVELS, enumName: 'UnitLevel' }) @IsIn(UNIT_LEVELS) level!: string;
  @ApiPropertyOptional({ example: 'LAI-CHAU' }) @IsOptional() @IsString() parent?: string;
}

export class UnitCreatedDto {
  @Text({ example: 'PHONG-THO', description: "the unit's code: its identity everywhere" }) code!: string;
  @Int({ description: 'log position of the event written' }) position!: number;
}
