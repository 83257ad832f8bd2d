import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { importHouseholds } from '../../../../../libs/ledger/src/commands/households/import-households';
import { parseCsv } from '../../../../../libs/ledger/src/imports/parse-csv';
import { parseNdjson } from '../../../../../libs/ledger/src/imports/parse-ndjson';
import { LedgerService } from '../../ledger/ledger.service';
import { ImportHouseholdsCommand } from './import-households.command';

@CommandHandler(ImportHouseholdsCommand)
export class ImportHouseholdsHandler implements ICommandHandler<ImportHouseholdsCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: ImportHouseholdsCommand) {
    const rows = c.mediaType === 'text/csv' ? parseCsv(c.body.stream, c.csv) : parseNdjson(c.body.stream);
    return importHouseholds(this.ledger.runner, this.ledger.reads, rows, c.ctx, { bulkAppend: this.ledger.bulkAppend });
  }
}
