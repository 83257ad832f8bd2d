import { Module } from '@nestjs/common';
import { AllocationNotesController, RecordNoteHandler } from './allocation-notes.controller';
import { AllocationsController } from './allocations.controller';
import { ALLOCATION_HANDLERS } from './allocations.handlers';
import { AllocationListsController } from './allocations.list.controller';
import { ALLOCATION_LIST_HANDLERS } from './allocations.list.handlers';

@Module({
  controllers: [AllocationsController, AllocationNotesController, AllocationListsController],
  providers: [...ALLOCATION_HANDLERS, RecordNoteHandler, ...ALLOCATION_LIST_HANDLERS],
})
export class AllocationsModule {}
