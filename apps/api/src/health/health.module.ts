import { Controller, Get, Module, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../http/public.decorator';
import { NoQuery } from '../http/query.dto';
import { SqliteLedgerStore } from '../../../../libs/adapters/src/sqlite/sqlite-ledger-store';
import { LedgerService } from '../ledger/ledger.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly ledger: LedgerService) {}

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
