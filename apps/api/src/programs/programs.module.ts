import { Controller, Get, Module, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CATALOGUE } from '../../../../libs/domain/src';
import { ConsistentReadQuery } from '../http/query.dto';

@ApiTags('programs')
@ApiBearerAuth()
@Controller('api/v1/programs')
export class ProgramsController {
  @Get()
  list(@Query() _query: ConsistentReadQuery) {
    return { programs: CATALOGUE };
  }
}

@Module({ controllers: [ProgramsController] })
export class ProgramsModule {}
