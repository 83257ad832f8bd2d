import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { recordNote } from '../../../../../libs/ledger/src';
import { LedgerService } from '../../ledger/ledger.service';
import { RecordNoteCommand } from './record-note.command';

@CommandHandler(RecordNoteCommand)
export class RecordNoteHandler implements ICommandHandler<RecordNoteCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: RecordNoteCommand) {
    return recordNote(this.ledger.runner, this.ledger.reads, c.allocationId, c.input, c.ctx);
  }
}
