import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { Flag, Int, Text } from '../../http/openapi';

export class EraseHouseholdPersonalDataDto {
  @ApiProperty({ example: 'Nghị định 13/2023/NĐ-CP, Điều 16', description: 'the law or decision the erasure rests on' })
  @IsString()
  @MaxLength(500)
  legalBasis!: string;
  @ApiProperty({
    example: 'the head of household asked for erasure (request of 2026-03-02)',
    description: 'why; recorded in clear with the erasure: name no person here',
  })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}

export class ErasureRecordedDto {
  @Text() householdId!: string;
  @Flag({ description: 'always true: the key is destroyed and the personal fields read as null from now on' }) personalDataErased!: boolean;
  @Int() position!: number;
}
