import { Module } from '@nestjs/common';
import { AllocationsController } from './allocations.controller';
import { ALLOCATION_HANDLERS } from './allocations.handlers';
import { AllocationListsController } from './allocations.list.controller';
import { ALLOCATION_LIST_HANDLERS } from './allocations.list.handlers';

@Module({ controllers: [AllocationsController, AllocationListsController], providers: [...ALLOCATION_HANDLERS, ...ALLOCATION_LIST_HANDLERS] })
export class AllocationsModule {}
