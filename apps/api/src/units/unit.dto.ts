import { ApiProperty } from '@nestjs/swagger';
import { UNIT_LEVELS } from '../../../../libs/domain/src';

/** A unit as lists and reads show it. */
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
