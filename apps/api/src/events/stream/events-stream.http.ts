import { Controller, Headers, Query as QueryParams, Req, Sse, type MessageEvent } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { invalid } from '../../../../../libs/domain/src';
import { ApiErrors, EXTRA_MODELS, READ_ERRORS } from '../../http/openapi';
import type { AuthenticatedRequest } from '../../http/principal';
import { LedgerService } from '../../ledger/ledger.service';
import { EventStreamQueryDto, LiveMessageDto, POSITION } from './events-stream.dto';
import { LiveStream } from './live-stream.handler';

/** How far back a stream may start: further back is what GET /audit is for, a page at a time. */
export const MAX_REPLAY = 10_000;

EXTRA_MODELS.push(LiveMessageDto);

@ApiTags('events')
@ApiBearerAuth()
@Controller('api/v1/events')
export class EventsStreamController {
  constructor(
    private readonly live: LiveStream,
    private readonly ledger: LedgerService,
  ) {}

  @ApiOperation({
    summary: 'Committed events as they happen (server-sent events)',
    description: [
      'A `text/event-stream` of the events committed to the log that the caller may see, scoped like GET /audit: one SSE event each, `id` its log position, `data` a LiveEvent (which event, the records it concerns). An event outside the caller’s scope is not sent at all. A comment line (`: heartbeat`) comes every 15 s so that proxies keep the connection open.',
      '',
      'Resume with `Last-Event-ID` (what an EventSource sends when it reconnects) or `?after=`: the events after that position come first, at most 10,000 back. The bearer token goes in the `Authorization` header as everywhere, so a browser reads the stream with `fetch()` and a `ReadableStream` reader: `EventSource` cannot send headers.',
    ].join('\n'),
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    schema: { type: 'string', pattern: POSITION.source },
    description: 'the `id` of the last event received: the stream resumes after it',
  })
  @ApiOkResponse({
    description:
      'the stream: one SSE event per committed event, e.g. `id: 42` then `data: {"position":42,"type":"DisbursementRecorded",…}` then a blank line, and `: heartbeat` comment lines; it ends when the client leaves or the server stops',
    content: {
      'text/event-stream': {
        // OpenAPI 3.1 has no keyword for the items of a stream (3.2's itemSchema): the stream is described as the sequence of its events.
        schema: { type: 'array', items: { $ref: getSchemaPath(LiveMessageDto) } },
      },
    },
  })
  @ApiErrors(...READ_ERRORS)
  @Sse('stream')
  async stream(
    @QueryParams() query: EventStreamQueryDto,
    @Headers('last-event-id') lastEventId: string | string[] | undefined,
    @Req() req: AuthenticatedRequest,
  ): Promise<Observable<MessageEvent>> {
    const after = await this.startAfter(query.after, lastEventId);
    return this.live.follow(req.principal!, after);
  }

  private async startAfter(after: string | undefined, lastEventId: string | string[] | undefined): Promise<number | null> {
    const [field, raw] = lastEventId !== undefined ? ['Last-Event-ID', lastEventId] : ['after', after];
    if (raw === undefined) return null;
    if (typeof raw !== 'string' || !POSITION.test(raw)) throw invalid(field, 'must be a log position (a whole number), the id of an event of this stream');
    const position = Number(raw);
    const head = (await this.ledger.events.head()).position;
    if (position > head) throw invalid(field, `the log has reached position ${head}, not ${position}`);
    if (head - position > MAX_REPLAY)
      throw invalid(field, `is more than ${MAX_REPLAY} events back: read GET /api/v1/audit from there, then follow from its last position`);
    return position;
  }
}
