import { Module } from '@nestjs/common';
import { AllocationNotesController, RecordNoteHandler } from './allocation-notes.controller';
import { AllocationsController } from './allocations.controller';
import { ALLOCATION_HANDLERS } from './allocations.handlers';

@Module({ controllers: [AllocationsController, AllocationNotesController], providers: [...ALLOCATION_HANDLERS, RecordNoteHandler] })
export class AllocationsModule {}
