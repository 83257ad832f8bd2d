import { Command } from '@nestjs/cqrs';
import type { recordNote, AppContext, RecordNoteInput } from '../../../../../libs/ledger/src';

export class RecordNoteCommand extends Command<Awaited<ReturnType<typeof recordNote>>> {
  constructor(
    readonly allocationId: string,
    readonly input: RecordNoteInput,
    readonly ctx: AppContext,
  ) {
    super();
  }
}
