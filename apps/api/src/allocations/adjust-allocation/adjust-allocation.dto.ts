import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min, NotEquals } from 'class-validator';
import type { DecisionDto } from '../../http/decision.dto';
import { Decision } from '../decision';

export class AdjustAllocationDto {
  @ApiProperty({ type: 'integer', example: -1_000_000_000, description: 'non-zero whole đồng; negative reduces' })
  @IsInt({ message: '$property must be a whole number of đồng' })
  @NotEquals(0, { message: '$property must not be zero' })
  @Min(-Number.MAX_SAFE_INTEGER)
  @Max(Number.MAX_SAFE_INTEGER)
  delta!: number;
  @Decision() decision!: DecisionDto;
  @ApiProperty() @IsString() @MaxLength(1000) reason!: string;
}
