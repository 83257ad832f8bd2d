import { ApiProperty } from '@nestjs/swagger';
import { Instant, Int, List, Obj, Text } from '../http/openapi';
import { LegalDocumentDto, ReadPointDto } from '../http/read.dto';
import { ActorDto } from '../changes/changes.dto';

export class EventMetadataDto {
  @Obj(() => ActorDto) actor!: ActorDto;
  @Instant() recordedAt!: string;
  @Text() correlationId!: string;
  @Text({ nullable: true }) causationId!: string | null;
  @Text({ nullable: true }) idempotencyKey!: string | null;
  @Obj(() => LegalDocumentDto, { nullable: true }) decision!: LegalDocumentDto | null;
  @Text({ nullable: true }) reason!: string | null;
  @Text({ nullable: true, description: 'SHA-256 of the request an Idempotency-Key was used for' }) requestHash!: string | null;
}

/** An event's payload: its fields depend on `type` (hashes of tokens are redacted). */
export const EventData = () => ApiProperty({ type: 'object', additionalProperties: true, description: "the event's payload; its fields depend on `type`" });

export class AuditEntryDto {
  @Int() position!: number;
  @Text({ example: 'DisbursementRecorded' }) type!: string;
  @Int() schemaVersion!: number;
  @Text({ example: 'allocation-PT-DA1.1-2022' }) streamId!: string;
  @Int() revision!: number;
  @Instant() recordedAt!: string;
  @Obj(() => ActorDto) actor!: ActorDto;
  @EventData() data!: unknown;
  @Obj(() => EventMetadataDto) metadata!: EventMetadataDto;
  @Text({ description: 'SHA-256 (hex) chaining this event to the one before it' }) hash!: string;
}

export class AuditPageDto {
  @List(() => AuditEntryDto) items!: readonly AuditEntryDto[];
  @Text({ nullable: true, description: 'pass as `cursor` for the next page; null on the last page' }) nextCursor!: string | null;
  @Obj(() => ReadPointDto, { description: 'the log position the answer is for' }) at!: ReadPointDto;
}
