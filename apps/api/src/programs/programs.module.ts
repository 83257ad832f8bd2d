import { Module } from '@nestjs/common';
import { ListProgramsController } from './list-programs/list-programs.http';

@Module({ controllers: [ListProgramsController] })
export class ProgramsModule {}
