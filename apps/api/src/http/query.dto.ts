import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Equals, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, type ValidationArguments } from 'class-validator';

/**
 * Query strings are declared and validated like bodies: the global pipe refuses an unknown key
 * (whitelist + forbidNonWhitelisted), and a key given twice reaches the DTO as an array, which
 * `@IsString()` refuses naming the key. Parameters documented as lists (e.g. `groupBy`) use
 * {@link ListParam} instead, which accepts both `a,b` and `?k=a&k=b`.
 */

const POSITION = /^(0|[1-9][0-9]{0,14})$/;

/** A single-valued parameter given twice reaches the DTO as an array: say so, rather than "must be a string". */
export const oneValue = (what: string) => ({
  message: (a: ValidationArguments) => (Array.isArray(a.value) ? `is given more than once; it takes one value` : `must be ${what}`),
});

type ParamOptions = Readonly<{
  description: string;
  /** How the OpenAPI document types it: query values travel as text, and are checked as such. */
  type?: 'string' | 'integer';
  format?: 'date' | 'date-time';
  enum?: readonly string[];
  /** false: the enum is documented, and the query itself refuses other values (e.g. UNKNOWN_REFERENCE for a code not in the catalogue). */
  enumChecked?: boolean;
  pattern?: RegExp;
  /** What a malformed value is told it must be. */
  must?: string;
  maxLength?: number;
  example?: string;
  required?: boolean;
}>;

/**
 * A single-valued query parameter, declared, documented and checked in one place: text, given once,
 * within a length, optionally one of an enum or matching a pattern.
 */
export function QueryParam(o: ParamOptions) {
  return (target: object, key: string) => {
    const schema = {
      description: o.description,
      type: o.type ?? 'string',
      ...(o.format ? { format: o.format } : {}),
      ...(o.enum ? { enum: [...o.enum] } : {}),
      ...(o.pattern && o.type !== 'integer' ? { pattern: o.pattern.source } : {}),
      ...(o.example ? { example: o.type === 'integer' ? Number(o.example) : o.example } : {}),
      ...(o.type === 'integer' ? {} : { maxLength: o.maxLength ?? 200 }),
    };
    (o.required ? ApiProperty(schema as never) : ApiPropertyOptional(schema as never))(target, key);
    if (!o.required) IsOptional()(target, key);
    const must = o.must ?? (o.enum && o.enumChecked !== false ? `one of ${o.enum.join(', ')}` : 'text');
    IsString(oneValue(must))(target, key);
    MaxLength(o.maxLength ?? 200, { message: `must be at most ${o.maxLength ?? 200} characters` })(target, key);
    if (o.enum && o.enumChecked !== false)
      IsIn(o.enum, { message: (a: ValidationArguments) => `'${String(a.value)}' is not one of ${o.enum!.join(', ')}` })(target, key);
    if (o.pattern) Matches(o.pattern, { message: `must be ${must}` })(target, key);
  };
}

/**
 * For a route that takes no parameter at all (e.g. /health): every key is refused. class-validator
 * refuses a class with nothing declared outright, so one impossible parameter is declared.
 */
export class NoQuery {
  @IsOptional()
  @Equals(undefined, { message: 'is not a known parameter' })
  readonly _?: undefined;
}

/** Every GET under /api/v1 honours `consistentWith` (the consistency interceptor consumes it before validation). */
export class ConsistentReadQuery {
  @ApiPropertyOptional({
    type: 'string',
    pattern: POSITION.source,
    example: '42',
    description: 'wait (bounded) until the read models have reached this log position — the `position` a write answered — then read',
  })
  @IsOptional()
  @IsString(oneValue('a log position (a whole number)'))
  @Matches(POSITION, { message: 'must be a log position (a whole number)' })
  consistentWith?: string;
}

/** The two ways to name a point of the log on a read: an instant, or a position. */
export class TimeTravelQueryDto extends ConsistentReadQuery {
  @ApiPropertyOptional({
    type: 'string',
    example: '2022-12-20',
    maxLength: 40,
    description:
      'the books as they were known at this instant: an ISO 8601 date-time with offset, or a day YYYY-MM-DD (its end, Asia/Ho_Chi_Minh); not with atPosition',
  })
  @IsOptional()
  @IsString(oneValue('an ISO 8601 date-time with offset or a day YYYY-MM-DD'))
  @MaxLength(40)
  asOf?: string;

  @ApiPropertyOptional({ type: 'string', pattern: POSITION.source, example: '120', description: 'the books just after this log position; not with asOf' })
  @IsOptional()
  @IsString(oneValue('a log position (a whole number)'))
  @MaxLength(16)
  atPosition?: string;
}

/** Cursor paging, one shape for every list: `{items, nextCursor}`. */
export class PageQueryDto extends TimeTravelQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value))
  @IsInt(oneValue('a whole number from 1 to 1000'))
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ type: 'string', description: 'the `nextCursor` of the previous page' })
  @IsOptional()
  @IsString(oneValue('the nextCursor of the previous page'))
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
    IsString({ message: 'must be text, or the parameter repeated' })(target, key);
    MaxLength(500)(target, key);
  };
}
