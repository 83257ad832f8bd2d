import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class DecisionDto {
  @ApiProperty({ example: '747/QĐ-UBND' }) @IsString() @MaxLength(100) number!: string;
  @ApiProperty({ format: 'date', example: '2022-06-30' }) @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' }) date!: string;
  @ApiProperty({ example: 'UBND tỉnh Lai Châu' }) @IsString() @MaxLength(300) issuer!: string;
}
