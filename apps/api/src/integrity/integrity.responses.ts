import { ApiProperty } from '@nestjs/swagger';
import { Int, List, Text } from '../http/openapi';

export class IntegrityHeadDto {
  @Int({ description: 'the head of the log (0 when empty)' }) position!: number;
  @Text({ description: 'SHA-256 (hex) chaining the head event to every event before it' }) hash!: string;
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
  @List(() => ChainRecordDto) items!: ChainRecordDto[];
  @Text({ nullable: true, description: 'pass as `cursor` for the next page; null when the page reached the head' }) nextCursor!: string | null;
}
