import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AREAS } from '../../../../../libs/domain/src';

export class RegisterHouseholdDto {
  @ApiProperty({ example: 'HH-MA-LI-PHO-0001' }) @IsString() @MaxLength(128) id!: string;
  @ApiProperty({ example: 'MA-LI-PHO' }) @IsString() unit!: string;
  @ApiProperty({ enum: AREAS, enumName: 'Area' }) @IsIn(AREAS) area!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1000, example: 5 }) @IsInt() @Min(1) @Max(1000) members!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) headName?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() ethnicMinority?: boolean;
}
