import { ApiProperty } from '@nestjs/swagger';
import { PageQueryDto, QueryParam } from '../../http/query.dto';
import { Instant, Int, List, Obj, Text } from '../../http/openapi';
import { ActorDto, LegalDocumentDto, ReadPointDto } from '../../http/read.dto';

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

const BOUND = 'a day YYYY-MM-DD (a whole day in Asia/Ho_Chi_Minh) or an ISO 8601 date-time';

/** GET /audit: every filter takes one value (given twice: 400 naming it); none is a list. */
export class AuditQueryDto extends PageQueryDto {
  @QueryParam({ description: 'the events of this allocation', maxLength: 128, example: 'PT-DA1.1-2022' })
  allocation?: string;

  @QueryParam({ description: 'the events of this household', maxLength: 128, example: 'H1' })
  household?: string;

  @QueryParam({ description: 'the events of this disbursement', maxLength: 128, example: 'D1' })
  disbursement?: string;

  @QueryParam({ description: 'the events recorded by this user id', maxLength: 128, example: 'pt-finance' })
  actor?: string;

  @QueryParam({ description: 'the events recorded under this decision number', maxLength: 100, example: '747/QĐ-UBND' })
  decision?: string;

  @QueryParam({ description: `recorded at or after: ${BOUND}`, maxLength: 40, must: BOUND, example: '2022-06-01' })
  from?: string;

  @QueryParam({ description: `recorded at or before: ${BOUND}`, maxLength: 40, must: BOUND, example: '2022-12-31' })
  to?: string;
}
