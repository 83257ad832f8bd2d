import type { BulkAppend } from '../../../ledger/src/commands/households/import-households';
import type { SqliteLedgerStore } from './sqlite-ledger-store';

/**
 * The import's all-or-nothing append on the embedded ledger: every row's events in one transaction
 * of the log (one fsync), read lazily, answered once the read models reflect them. The projector
 * applies them on its own thread while the log is still being written.
 */
export function sqliteBulkAppend(store: SqliteLedgerStore): BulkAppend {
  return (appends, options) => store.appendBulk(appends, options);
}
