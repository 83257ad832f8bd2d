import { Controller, Get, Module } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../http/public.decorator';
import { LedgerService } from '../ledger/ledger.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly ledger: LedgerService) {}

  @Public()
  @Get()
  async health() {
    const head = await this.ledger.events.head();
    return { status: 'ok', position: head.position };
  }
}

@Module({ controllers: [HealthController] })
export class HealthModule {}
