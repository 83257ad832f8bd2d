import { Controller, Get, Module, Query as QueryParams, Req } from '@nestjs/common';
import { Query, QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../../libs/domain/src';
import { chainRecords, type ChainRecord } from '../../../../libs/ledger/src';
import type { AuthenticatedRequest } from '../http/principal';
import { ConsistentReadQuery } from '../http/query.dto';
import { LedgerService } from '../ledger/ledger.service';
import { ApiDoc, READ_ERRORS } from '../http/openapi';
import { ChainRecordsQueryDto } from './integrity.query';
import { ChainRecordsPageDto, IntegrityHeadDto } from './integrity.responses';
import { IntegrityMonitor } from './integrity-monitor';

export type IntegrityHead = { position: number; hash: string };

export class GetIntegrityQuery extends Query<IntegrityHead> {}

@QueryHandler(GetIntegrityQuery)
export class GetIntegrityHandler implements IQueryHandler<GetIntegrityQuery> {
  constructor(private readonly ledger: LedgerService) {}
  async execute(): Promise<IntegrityHead> {
    const head = await this.ledger.events.head();
    return { position: head.position, hash: head.hash };
  }
}

export class GetChainRecordsQuery extends Query<{ items: ChainRecord[]; nextCursor: string | null }> {
  constructor(
    readonly query: ChainRecordsQueryDto,
    readonly principal: Principal,
  ) {
    super();
  }
}

@QueryHandler(GetChainRecordsQuery)
export class GetChainRecordsHandler implements IQueryHandler<GetChainRecordsQuery> {
  constructor(private readonly ledger: LedgerService) {}
  execute(q: GetChainRecordsQuery) {
    return chainRecords(this.ledger.events, q.query, q.principal);
  }
}

/** The head of the hash-chained log, for anyone signed in to note down and compare later. */
@ApiTags('integrity')
@ApiBearerAuth()
@Controller('api/v1/integrity')
export class IntegrityController {
  constructor(private readonly queries: QueryBus) {}

  @ApiDoc({
    summary: 'The head of the hash-chained log',
    description:
      'Its position and hash, for anyone signed in to note down and compare later (`ledger verify` re-walks the chain; `ledger checkpoint` signs a head).',
    ok: IntegrityHeadDto,
    errors: [...READ_ERRORS],
  })
  @Get()
  // No parameter but consistentWith (taken by the consistency interceptor); anything else is refused.
  head(@QueryParams() _query: ConsistentReadQuery) {
    return this.queries.execute(new GetIntegrityQuery());
  }

  @ApiDoc({
    summary: 'The records of the log with their hashes, for checking the chain without trusting the server',
    description:
      'Every event of the global log in position order, after `after` (or the `cursor` of the previous page), with each field its hash covers exactly as stored: recompute `hash(n) = SHA-256(hash(n−1) ‖ "\\n" ‖ canonical JSON)` from the genesis hash (64 zeros) and compare with a signed checkpoint (the console does it in the browser). Nothing is redacted, as a redacted field could not be hashed again (a user\'s `tokenHash` is the SHA-256 of a random token). The chain is checked whole, so only administrators and inspectors without units (who read everything) may read it: 403 for every other caller. Cursor-paged; the log is append-only, so a page never changes.',
    ok: ChainRecordsPageDto,
    errors: [...READ_ERRORS, 403],
  })
  @Get('events')
  events(@QueryParams() query: ChainRecordsQueryDto, @Req() req: AuthenticatedRequest) {
    return this.queries.execute(new GetChainRecordsQuery(query, req.principal!));
  }
}

@Module({ controllers: [IntegrityController], providers: [GetIntegrityHandler, GetChainRecordsHandler, IntegrityMonitor], exports: [IntegrityMonitor] })
export class IntegrityModule {}
