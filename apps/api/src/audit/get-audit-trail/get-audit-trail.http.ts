import { Controller, Get, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiDoc, READ_ERRORS } from '../../http/openapi';
import type { AuthenticatedRequest } from '../../http/principal';
import { GetAuditTrailQuery } from './get-audit-trail.query';
import { AuditPageDto, AuditQueryDto } from './get-audit-trail.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class GetAuditTrailController {
  constructor(private readonly queries: QueryBus) {}

  @ApiDoc({
    operationId: 'AuditController_trail',
    summary: 'The audit trail: who did what, when, under which decision, and why',
    description:
      'Events of the log, oldest first, filtered by the record they touched (`allocation`, `household`, `disbursement`), `actor`, `decision` number or time (`from`, `to`), each with its metadata and hash; cursor-paged. Scoped readers see only the events of units in their scope; hashes of tokens are redacted. `asOf`/`atPosition` stop the trail there.',
    ok: AuditPageDto,
    errors: [...READ_ERRORS, 403, 501],
  })
  @Get()
  trail(@Query() query: AuditQueryDto, @Req() req: AuthenticatedRequest): Promise<AuditPageDto> {
    return this.queries.execute(new GetAuditTrailQuery(query, req.principal!));
  }
}
