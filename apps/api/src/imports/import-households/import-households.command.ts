import { Command } from '@nestjs/cqrs';
import type { AppContext } from '../../../../../libs/ledger/src';
import type { HouseholdImportSummary } from '../../../../../libs/ledger/src/commands/households/import-households';
import type { CsvOptions } from '../../../../../libs/ledger/src/imports/parse-csv';
import type { ImportBody, ImportMediaType } from '../import-body';

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
