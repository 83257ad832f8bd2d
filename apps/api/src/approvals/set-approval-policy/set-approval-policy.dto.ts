import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmptyObject, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { DecisionDto } from '../../http/decision.dto';

export class SetApprovalPolicyDto {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: Number.MAX_SAFE_INTEGER,
    example: 1_000_000_000,
    description: "whole đồng: payments of this amount or more wait for a checker; null removes the unit's own policy",
  })
  @ValidateIf((_o, v) => v !== null)
  @IsInt({ message: '$property must be a whole number of đồng, or null' })
  @Min(1, { message: '$property must be positive' })
  @Max(Number.MAX_SAFE_INTEGER, { message: '$property must be a safe integer' })
  threshold!: number | null;

  @ApiProperty({ type: DecisionDto, description: 'the decision that sets (or removes) the policy' })
  @ValidateNested()
  @IsNotEmptyObject()
  @Type(() => DecisionDto)
  decision!: DecisionDto;
}
