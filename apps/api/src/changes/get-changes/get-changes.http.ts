import { Controller, Get, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiDoc, READ_ERRORS } from '../../http/openapi';
import type { AuthenticatedRequest } from '../../http/principal';
import { GetChangesQuery } from './get-changes.query';
import { ChangesDto, ChangesQueryDto } from './get-changes.dto';

@ApiTags('changes')
@ApiBearerAuth()
@Controller('api/v1/changes')
export class GetChangesController {
  constructor(private readonly queries: QueryBus) {}

  @ApiDoc({
    operationId: 'ChangesController_list',
    summary: 'What changed between two points',
    description:
      "The events recorded after `from` up to `to` (positions, ISO timestamps or days), cursor-paged, counted by type, and how each allocation they touched moved (`before`/`after`/`delta`). Scoped like every read; later pages keep the first page's `to`.",
    ok: ChangesDto,
    errors: [...READ_ERRORS, 403, 501],
  })
  @Get()
  list(@Query() query: ChangesQueryDto, @Req() req: AuthenticatedRequest): Promise<ChangesDto> {
    return this.queries.execute(new GetChangesQuery(query, req.principal!));
  }
}
