import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CATALOGUE } from '../../../../../libs/domain/src';
import { ApiDoc, READ_ERRORS } from '../../http/openapi';
import { ConsistentReadQuery } from '../../http/query.dto';
import { ProgramsDto } from './list-programs.dto';

/** A constant of the domain: no bus, no read model. */
@ApiTags('programs')
@ApiBearerAuth()
@Controller('api/v1/programs')
export class ListProgramsController {
  @ApiDoc({
    operationId: 'ProgramsController_list',
    summary: 'The programme catalogue',
    description: 'GNBV-2021-2025 (Decision 90/QĐ-TTg) with its projects DA1…DA7 and their sub-projects: the codes a budget line is made of.',
    ok: ProgramsDto,
    errors: [...READ_ERRORS],
  })
  @Get()
  list(@Query() _query: ConsistentReadQuery): ProgramsDto {
    return { programs: CATALOGUE };
  }
}
