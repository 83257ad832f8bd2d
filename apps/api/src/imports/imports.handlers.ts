import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AppContext } from '../../../../libs/ledger/src';
import { importHouseholds, type HouseholdImportSummary } from '../../../../libs/ledger/src/commands/households/import-households';
import { parseCsv, type CsvOptions } from '../../../../libs/ledger/src/imports/parse-csv';
import { parseNdjson } from '../../../../libs/ledger/src/imports/parse-ndjson';
import { LedgerService } from '../ledger/ledger.service';
import type { ImportBody, ImportMediaType } from './import-body';

export class ImportHouseholdsCommand extends Command<HouseholdImportSummary> {
  constructor(
    readonly body: ImportBody,
    readonly mediaType: ImportMediaType,
    readonly ctx: AppContext,
    readonly csv: CsvOptions = {},
  ) {
    super();
  }
}

@CommandHandler(ImportHouseholdsCommand)
export class ImportHouseholdsHandler implements ICommandHandler<ImportHouseholdsCommand> {
  constructor(private readonly ledger: LedgerService) {}
  execute(c: ImportHouseholdsCommand) {
    const rows = c.mediaType === 'text/csv' ? parseCsv(c.body.stream, c.csv) : parseNdjson(c.body.stream);
    return importHouseholds(this.ledger.runner, this.ledger.reads, rows, c.ctx, { bulkAppend: this.ledger.bulkAppend });
  }
}
