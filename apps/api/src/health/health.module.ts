import { Controller, Get, Module, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../http/public.decorator';
import { NoQuery } from '../http/query.dto';
import { SqliteLedgerStore } from '../../../../libs/adapters/src/sqlite/sqlite-ledger-store';
import { LedgerService } from '../ledger/ledger.service';
import { IntegrityModule } from '../integrity/integrity.module';
import { IntegrityMonitor } from '../integrity/integrity-monitor';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly ledger: LedgerService,
    private readonly integrity: IntegrityMonitor,
  ) {}

  @Public()
  @Get()
  async health(@Query() _query: NoQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const head = await this.ledger.events.head();
    const projected = await this.ledger.reads.checkpoint();
    const lastError = this.ledger.events instanceof SqliteLedgerStore ? this.ledger.events.lag().lastError : null;
    const readModels = { position: projected, lag: head.position - projected, lastError };
    // A broken chain is fatal: what is served can no longer be vouched for (integrity-monitor.ts).
    const broken = this.integrity.brokenAt();
    if (broken !== null) {
      void reply.status(503);
      return { status: 'broken', integrity: broken, position: head.position, readModels };
    }
    // The log is what must stay up; read models behind it (or stuck on an error) are reported, not fatal.
    return { status: lastError ? 'degraded' : 'ok', integrity: integrityWord(this.integrity.status().state), position: head.position, readModels };
  }
}

/** `checking` while the start-up pass runs; `not_checked` for a log the server does not hold as a file (EventStoreDB). */
function integrityWord(state: string): string {
  return state.replace('_', ' ');
}

@Module({ imports: [IntegrityModule], controllers: [HealthController] })
export class HealthModule {}
