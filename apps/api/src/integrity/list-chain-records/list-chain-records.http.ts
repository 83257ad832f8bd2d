import { Controller, Get, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiDoc, READ_ERRORS } from '../../http/openapi';
import type { AuthenticatedRequest } from '../../http/principal';
import { ListChainRecordsQuery } from './list-chain-records.query';
import { ChainRecordsPageDto, ChainRecordsQueryDto } from './list-chain-records.dto';

@ApiTags('integrity')
@ApiBearerAuth()
@Controller('api/v1/integrity')
export class ListChainRecordsController {
  constructor(private readonly queries: QueryBus) {}

  @ApiDoc({
    operationId: 'IntegrityController_events',
    summary: 'The records of the log with their hashes, for checking the chain without trusting the server',
    description:
      'Every event of the global log in position order, after `after` (or the `cursor` of the previous page), with each field its hash covers exactly as stored: recompute `hash(n) = SHA-256(hash(n−1) ‖ "\\n" ‖ canonical JSON)` from the genesis hash (64 zeros) and compare with a signed checkpoint (the console does it in the browser). Nothing is redacted, as a redacted field could not be hashed again (a user\'s `tokenHash` is the SHA-256 of a random token). The chain is checked whole, so only administrators and inspectors without units (who read everything) may read it: 403 for every other caller. Cursor-paged; the log is append-only, so a page never changes.',
    ok: ChainRecordsPageDto,
    errors: [...READ_ERRORS, 403],
  })
  @Get('events')
  events(@Query() query: ChainRecordsQueryDto, @Req() req: AuthenticatedRequest): Promise<ChainRecordsPageDto> {
    return this.queries.execute(new ListChainRecordsQuery(query, req.principal!));
  }
}
