import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Int, List, Text } from '../../http/openapi';
import { ConsistentReadQuery, oneValue } from '../../http/query.dto';

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

const OPEN_OBJECT = (description: string) => ApiProperty({ type: 'object', additionalProperties: true, description });

/** A record of the log with every field its hash covers, exactly as stored. */
export class ChainRecordDto {
  @Int({ description: 'its place in the global log, from 1' }) position!: number;
  @Text({ description: "the event's id" }) id!: string;
  @Text({ example: 'allocation-PT-DA1.1-2022' }) streamId!: string;
  @Int({ description: 'its place in its stream, from 0' }) revision!: number;
  @Text({ example: 'DisbursementRecorded' }) type!: string;
  @Int() schemaVersion!: number;
  @OPEN_OBJECT("the event's payload as stored (nothing redacted: the hash covers it)") data!: Record<string, unknown>;
  @OPEN_OBJECT("the event's metadata as stored (actor, recordedAt, decision, reason, …)") metadata!: Record<string, unknown>;
  @Text({
    description:
      'SHA-256 (hex) of the previous hash, a line feed, and the canonical JSON of position, id, streamId, revision, type, schemaVersion, data and metadata',
  })
  hash!: string;
}

export class ChainRecordsPageDto {
  @List(() => ChainRecordDto) items!: readonly ChainRecordDto[];
  @Text({ nullable: true, description: 'pass as `cursor` for the next page; null when the page reached the head' }) nextCursor!: string | null;
}
