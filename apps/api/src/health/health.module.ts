import { Controller, Get, Module, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../http/public.decorator';
import { NoQuery } from '../http/query.dto';
import { SqliteLedgerStore } from '../../../../libs/adapters/src/sqlite/sqlite-ledger-store';
import { LedgerService } from '../ledger/ledger.service';
import { HealthDto } from './health.responses';
import { ApiErrors } from '../http/openapi';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly ledger: LedgerService) {}

  @ApiOperation({ summary: 'Is the ledger up?', description: 'No token needed. `degraded` when the projector is stuck on an error: the log still takes writes, the read models lag behind it.' })
  @ApiOkResponse({ description: 'the log is up', type: HealthDto })
  @ApiErrors(400)
  @Public()
  @Get()
  async health(@Query() _query: NoQuery) {
    const head = await this.ledger.events.head();
    const projected = await this.ledger.reads.checkpoint();
    const lastError = this.ledger.events instanceof SqliteLedgerStore ? this.ledger.events.lag().lastError : null;
    // The log is what must stay up; read models behind it (or stuck on an error) are reported, not fatal.
    return { status: lastError ? 'degraded' : 'ok', position: head.position, readModels: { position: projected, lag: head.position - projected, lastError } };
  }
}

@Module({ controllers: [HealthController] })
export class HealthModule {}
