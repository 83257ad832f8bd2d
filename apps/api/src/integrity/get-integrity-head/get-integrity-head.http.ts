import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiDoc, READ_ERRORS } from '../../http/openapi';
import { ConsistentReadQuery } from '../../http/query.dto';
import { GetIntegrityHeadQuery } from './get-integrity-head.query';
import { IntegrityHeadDto } from './get-integrity-head.dto';

/** The head of the hash-chained log, for anyone signed in to note down and compare later. */
@ApiTags('integrity')
@ApiBearerAuth()
@Controller('api/v1/integrity')
export class GetIntegrityHeadController {
  constructor(private readonly queries: QueryBus) {}

  @ApiDoc({
    operationId: 'IntegrityController_head',
    summary: 'The head of the hash-chained log',
    description:
      'Its position and hash, for anyone signed in to note down and compare later (`ledger verify` re-walks the chain; `ledger checkpoint` signs a head).',
    ok: IntegrityHeadDto,
    errors: [...READ_ERRORS],
  })
  @Get()
  // No parameter but consistentWith (taken by the consistency interceptor); anything else is refused.
  head(@Query() _query: ConsistentReadQuery): Promise<IntegrityHeadDto> {
    return this.queries.execute(new GetIntegrityHeadQuery());
  }
}
