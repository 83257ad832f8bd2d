import { Controller, Get, Module } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CATALOGUE } from '../../../../libs/domain/src';

@ApiTags('programs')
@ApiBearerAuth()
@Controller('api/v1/programs')
export class ProgramsController {
  @Get()
  list() {
    return { programs: CATALOGUE };
  }
}

@Module({ controllers: [ProgramsController] })
export class ProgramsModule {}
