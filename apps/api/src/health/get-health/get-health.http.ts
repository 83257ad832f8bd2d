import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { SqliteLedgerStore } from '../../../../../libs/adapters/src/sqlite/sqlite-ledger-store';
import { ApiErrors } from '../../http/openapi';
import { Public } from '../../http/public.decorator';
import { NoQuery } from '../../http/query.dto';
import { IntegrityMonitor } from '../../integrity/integrity-monitor';
import { LedgerService } from '../../ledger/ledger.service';
import { HealthDto } from './get-health.dto';

/** Not through the bus: it reports on the stores and the integrity check themselves. */
@ApiTags('health')
@Controller('health')
export class GetHealthController {
  constructor(
    private readonly ledger: LedgerService,
    private readonly integrity: IntegrityMonitor,
  ) {}

  @ApiOperation({
    operationId: 'HealthController_health',
    summary: 'Is the ledger up?',
    description:
      "No token needed. `degraded` when the projector is stuck on an error: the log still takes writes, the read models lag behind it. 503 with `status: broken` when the hash chain checked at start is broken: writes are refused until the log is restored. 503 with `status: storage_full` while the disk holding the ledger's files is full (`storage` names the file): writes are answered 507 STORAGE_FULL and resume by themselves once space is freed (the log's flag clears at the first write that succeeds, the read models' when the projector, retrying every second, next commits).",
  })
  @ApiOkResponse({ description: 'the log is up', type: HealthDto })
  @ApiResponse({
    status: 503,
    description: 'the hash chain is broken (`integrity` says where), or the disk is full (`storage` says which file)',
    type: HealthDto,
  })
  @ApiErrors(400)
  @Public()
  @Get()
  async health(@Query() _query: NoQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const head = await this.ledger.events.head();
    const projected = await this.ledger.reads.checkpoint();
    // The embedded store is the read side; the event side may be wrapped (SealingEventStore).
    const embedded = this.ledger.reads instanceof SqliteLedgerStore ? this.ledger.reads : null;
    const lastError = embedded ? embedded.lag().lastError : null;
    const readModels = { position: projected, lag: head.position - projected, lastError };
    const full = embedded?.storageFull() ?? null;
    const storage = full ? `full: the ${full} (no room to write)` : 'ok';
    // A broken chain is fatal: what is served can no longer be vouched for (integrity-monitor.ts).
    const broken = this.integrity.brokenAt();
    if (broken !== null) {
      void reply.status(503);
      return { status: 'broken', integrity: broken, storage, position: head.position, readModels };
    }
    // No write can be taken: a load balancer should send them elsewhere, and a monitor should page someone.
    if (full) {
      void reply.status(503);
      return { status: 'storage_full', integrity: integrityWord(this.integrity.status().state), storage, position: head.position, readModels };
    }
    // The log is what must stay up; read models behind it (or stuck on an error) are reported, not fatal.
    return { status: lastError ? 'degraded' : 'ok', integrity: integrityWord(this.integrity.status().state), storage, position: head.position, readModels };
  }
}

/** `checking` while the start-up pass runs; `not_checked` for a log the server does not hold as a file (EventStoreDB). */
function integrityWord(state: string): string {
  return state.replace('_', ' ');
}
