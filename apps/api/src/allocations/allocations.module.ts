import { Module } from '@nestjs/common';
import { AllocationsController } from './allocations.controller';
import { ALLOCATION_HANDLERS } from './allocations.handlers';

@Module({ controllers: [AllocationsController], providers: [...ALLOCATION_HANDLERS] })
export class AllocationsModule {}
