import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { UNIT_LEVELS } from '../../../../libs/domain/src';

export class RegisterUnitDto {
  @ApiProperty({ example: 'PHONG-THO' }) @IsString() @MaxLength(128) code!: string;
  @ApiProperty({ example: 'Huyện Phong Thổ' }) @IsString() @MaxLength(200) name!: string;
  @ApiProperty({ enum: UNIT_LEVELS, enumName: 'UnitLevel' }) @IsIn(UNIT_LEVELS) level!: string;
  @ApiPropertyOptional({ example: 'LAI-CHAU' }) @IsOptional() @IsString() parent?: string;
}
