import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ConsistentReadQuery, oneValue } from '../http/query.dto';

const POSITION = /^(0|[1-9][0-9]{0,14})$/;

/** GET /integrity/events: the log in position order, from a position on (no "as of": the log is never rewritten). */
export class ChainRecordsQueryDto extends ConsistentReadQuery {
  @ApiPropertyOptional({
    type: 'string',
    pattern: POSITION.source,
    example: '0',
    description: 'start after this log position (0, the default: from the first event); not with cursor',
  })
  @IsOptional()
  @IsString(oneValue('a log position (a whole number)'))
  @Matches(POSITION, { message: 'must be a log position (a whole number)' })
  after?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value))
  @IsInt(oneValue('a whole number from 1 to 1000'))
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ type: 'string', pattern: POSITION.source, description: 'the `nextCursor` of the previous page; not with after' })
  @IsOptional()
  @IsString(oneValue('the nextCursor of the previous page'))
  @MaxLength(16)
  @Matches(POSITION, { message: 'must be the nextCursor of the previous page' })
  cursor?: string;
}
