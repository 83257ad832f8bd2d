import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
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
