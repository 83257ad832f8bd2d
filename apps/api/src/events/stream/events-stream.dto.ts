import { ConsistentReadQuery, QueryParam } from '../../http/query.dto';
import { Instant, Int, Obj, Text } from '../../http/openapi';

export const POSITION = /^(0|[1-9][0-9]{0,14})$/;

export class EventStreamQueryDto extends ConsistentReadQuery {
  @QueryParam({
    description:
      'send the events after this log position first, then follow on (`Last-Event-ID`, sent by a reconnecting client, wins over it); without either, only what is committed from now on',
    pattern: POSITION,
    must: 'a log position (a whole number)',
    maxLength: 16,
    example: '120',
  })
  after?: string;
}

/** The `data:` of each event on the stream: which event, where in the log, and the records it concerns. */
export class LiveEventDto {
  @Int({ description: "its log position, also the event's SSE `id` (resume with `Last-Event-ID` or `?after=`)" }) position!: number;
  @Text({ description: 'the ledger event, e.g. DisbursementRecorded', example: 'DisbursementRecorded' }) type!: string;
  @Text({ example: 'allocation-PT-DA1.1-2022' }) streamId!: string;
  @Instant() recordedAt!: string;
  @Text({ nullable: true, description: 'the unit the event belongs to (what scopes it)' }) unit!: string | null;
  @Text({ nullable: true }) allocationId!: string | null;
  @Text({ nullable: true }) disbursementId!: string | null;
  @Text({ nullable: true }) householdId!: string | null;
}

/** One event of the stream as a client parses it: the SSE `id` line and the `data` line's JSON. */
export class LiveMessageDto {
  @Text({ description: "the event's log position, as text (what `Last-Event-ID` sends back)", example: '42' }) id!: string;
  @Obj(() => LiveEventDto, { description: 'sent as one line of JSON' }) data!: LiveEventDto;
}
