import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ReadOnlyEventLog } from '../../../libs/adapters/src/sqlite/read-only-log';
import { SqliteLedgerStore } from '../../../libs/adapters/src/sqlite/sqlite-ledger-store';
import { PROJECTIONS, auditKeys } from '../../../libs/ledger/src/projections';

export const DEFAULT_LEDGER_DB = './data/ledger.db';

export function ledgerPath(env: Readonly<Record<string, string | undefined>>): string {
  return resolve(env.LEDGER_DB || DEFAULT_LEDGER_DB);
}

/**
 * Opening a SQLite file creates it when missing; for a tool that vouches for a ledger, a mistyped
 * LEDGER_DB must not come back as "intact, 0 events".
 */
export function openExistingLedger(file: string): SqliteLedgerStore {
  if (!existsSync(file)) throw new Error(`no ledger at ${file} (set LEDGER_DB to the ledger's file)`);
  return new SqliteLedgerStore(file, { projections: PROJECTIONS, auditKeys });
}

/**
 * The log alone, read-only: what vouches for the ledger must not first fold a tampered log into
 * read models, recreate the triggers someone dropped, or build a read-model file beside it.
 */
export function openLogReadOnly(file: string): ReadOnlyEventLog {
  if (!existsSync(file)) throw new Error(`no ledger at ${file} (set LEDGER_DB to the ledger's file)`);
  return ReadOnlyEventLog.open(file);
}
