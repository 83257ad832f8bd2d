import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

/** Whole đồng in a JSON number: a positive safe integer. */
export const Amount = (example = 71_570_000_000) =>
  applyDecorators(
    ApiProperty({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, example, description: 'whole đồng' }),
    IsInt({ message: '$property must be a whole number of đồng' }),
    Min(1, { message: '$property must be positive' }),
    Max(Number.MAX_SAFE_INTEGER, { message: '$property must be a safe integer' }),
  );
