import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/**
 * Query strings are declared and validated like bodies: the global pipe refuses an unknown key
 * (whitelist + forbidNonWhitelisted), and a key given twice reaches the DTO as an array, which
 * `@IsString()` refuses naming the key. Parameters documented as lists (e.g. `groupBy`) use
 * {@link ListParam} instead, which accepts both `a,b` and `?k=a&k=b`.
 */

const POSITION = /^(0|[1-9][0-9]{0,14})$/;

/** Every GET under /api/v1 honours `consistentWith` (the consistency interceptor consumes it before validation). */
export class ConsistentReadQuery {
  @ApiPropertyOptional({
    type: 'string',
    pattern: POSITION.source,
    example: '42',
    description: 'wait (bounded) until the read models have reached this log position — the `position` a write answered — then read',
  })
  @IsOptional()
  @IsString()
  @Matches(POSITION, { message: 'consistentWith must be a log position (a whole number)' })
  consistentWith?: string;
}

/** The two ways to name a point of the log on a read: an instant, or a position. */
export class TimeTravelQueryDto extends ConsistentReadQuery {
  @ApiPropertyOptional({
    type: 'string',
    example: '2022-12-20',
    description: 'the books as they were known at this instant: an ISO 8601 date-time with offset, or a day YYYY-MM-DD (its end, Asia/Ho_Chi_Minh)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  asOf?: string;

  @ApiPropertyOptional({ type: 'string', pattern: POSITION.source, example: '120', description: 'the books just after this log position' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  atPosition?: string;
}

/** Cursor paging, one shape for every list: `{items, nextCursor}`. */
export class PageQueryDto extends TimeTravelQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value))
  @IsInt({ message: 'limit must be a whole number from 1 to 1000' })
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ type: 'string', description: 'the `nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

/**
 * A parameter documented as a list: `?groupBy=a,b` and `?groupBy=a&groupBy=b` mean the same, and
 * reach the query as the comma-joined string the domain already parses. Anything but strings is refused.
 */
export function ListParam(description: string, items: Readonly<{ enum?: readonly string[] }> = {}) {
  return (target: object, key: string) => {
    ApiPropertyOptional({
      description: `${description} — a list: comma-separated, or the parameter repeated`,
      type: 'array',
      items: { type: 'string', ...(items.enum ? { enum: [...items.enum] } : {}) },
      style: 'form',
      explode: true,
    } as never)(target, key);
    Transform(({ value }) => (Array.isArray(value) && value.every((v) => typeof v === 'string') ? value.join(',') : value))(target, key);
    IsOptional()(target, key);
    IsString({ message: `${key} must be text, or the parameter repeated` })(target, key);
    MaxLength(500)(target, key);
  };
}
