import { Controller, Get, Module, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CATALOGUE } from '../../../../libs/domain/src';
import { ApiDoc, READ_ERRORS } from '../http/openapi';
import { ProgramsDto } from './programs.responses';
import { ConsistentReadQuery } from '../http/query.dto';

@ApiTags('programs')
@ApiBearerAuth()
@Controller('api/v1/programs')
export class ProgramsController {
  @ApiDoc({
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

@Module({ controllers: [ProgramsController] })
export class ProgramsModule {}
