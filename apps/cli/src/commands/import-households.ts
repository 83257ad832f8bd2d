import { randomUUID } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import { DomainError } from '../../../../libs/domain/src';
import { sqliteBulkAppend } from '../../../../libs/adapters/src/sqlite/sqlite-bulk-append';
import { SqliteHouseholdKeys, keysFile } from '../../../../libs/adapters/src/sqlite/sqlite-household-keys';
import { SealingEventStore, sealingBulkAppend } from '../../../../libs/ledger/src/personal-data/sealing-event-store';
import { CommandRunner } from '../../../../libs/ledger/src/commands/command-runner';
import { appContext } from '../../../../libs/ledger/src/commands/context';
import { importHouseholds } from '../../../../libs/ledger/src/commands/households/import-households';
import { parseCsv } from '../../../../libs/ledger/src/imports/parse-csv';
import { parseNdjson } from '../../../../libs/ledger/src/imports/parse-ndjson';
import { USERS, type UserDoc } from '../../../../libs/ledger/src/projections/users.projection';
import { EXIT_FAILED, EXIT_OK, UsageError, parseArgs, type Command } from '../command';
import { uuidv7 } from '../../../../libs/ledger/src/commands/ids';

const FORMATS: Readonly<Record<string, 'ndjson' | 'csv'>> = { '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.csv': 'csv' };
const LISTED = 50;

const duration = (s: number): string => (Number.isFinite(s) ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s` : '?');

/**
 * `ledger import households FILE --as USER`: the same all-or-nothing import as
 * POST /api/v1/imports/households, recorded under a registered user's name and scope (the command
 * line is no way around the access rules). Progress goes to stderr; the summary is the last line.
 */
export const importHouseholdsCommand: Command = {
  name: 'import',
  usage: ['import households FILE(.ndjson|.jsonl|.csv) [--as USER_ID]  (or LEDGER_USER)'],
  summary: 'import a household review file, all-or-nothing, printing the summary as JSON',
  async run(args, { io, env, openLedger }) {
    const [what, ...rest] = args;
    if (what !== 'households') throw new UsageError(what === undefined ? 'import what? (households)' : `cannot import '${what}'`, importHouseholdsCommand);
    const parsed = parseArgs(rest, ['as'], importHouseholdsCommand);
    const [file, extra] = parsed.positionals;
    if (file === undefined || extra !== undefined) throw new UsageError('give exactly one FILE', importHouseholdsCommand);
    const format = FORMATS[extname(file).toLowerCase()];
    if (!format) throw new UsageError(`cannot tell the format of '${file}': use .ndjson, .jsonl or .csv`, importHouseholdsCommand);
    const userId = parsed.flags.as ?? env.LEDGER_USER;
    if (!userId) throw new UsageError('say who records the import: --as USER_ID or LEDGER_USER', importHouseholdsCommand);

    const size = statSync(file).size;
    const store = openLedger();
    const user = await store.get<UserDoc>(USERS, userId);
    if (!user) throw new Error(`no user '${userId}' in this ledger`);
    const ctx = appContext({
      principal: { userId: user.id, role: user.role, units: user.units },
      now: new Date().toISOString(),
      newId: uuidv7,
      correlationId: randomUUID(),
    });

    const input = createReadStream(file, { highWaterMark: 1 << 16 });
    const started = performance.now();
    let lastReport = 0;
    const report = (rows: number, phase: string) => {
      const now = performance.now();
      if (phase === 'checking' && now - lastReport < 1000) return;
      lastReport = now;
      const elapsed = (now - started) / 1000;
      const fraction = size > 0 ? input.bytesRead / size : 1;
      const eta = fraction > 0 ? elapsed / fraction - elapsed : Infinity;
      io.err(
        phase === 'checking'
          ? `checked ${rows.toLocaleString('en-US')} rows, ${Math.round(rows / elapsed).toLocaleString('en-US')} rows/s, ${Math.round(fraction * 100)}% of the file, ETA ${duration(eta)} (then writing)`
          : `all ${rows.toLocaleString('en-US')} rows valid after ${duration(elapsed)}; writing them in one transaction…`,
      );
    };
    // Heads' names and ethnicity are sealed as the server seals them, with keys in <LEDGER_DB>.keys.
    const keys = new SqliteHouseholdKeys(keysFile(store.file));
    try {
      const summary = await importHouseholds(
        new CommandRunner(new SealingEventStore(store, keys)),
        store,
        format === 'csv' ? parseCsv(input) : parseNdjson(input),
        ctx,
        {
          bulkAppend: sealingBulkAppend(sqliteBulkAppend(store), keys),
          progressEvery: 5_000,
          onProgress: (p) => report(p.rows, p.phase),
        },
      );
      io.err(`done in ${duration((performance.now() - started) / 1000)}`);
      io.out(JSON.stringify(summary));
      return EXIT_OK;
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details?.errors)) throw error;
      const errors = error.details.errors as { row: number; field: string; message: string }[];
      for (const e of errors.slice(0, LISTED)) io.err(`line ${e.row}, ${e.field}: ${e.message}`);
      if (errors.length > LISTED) io.err(`… and ${Number(error.details.errorCount ?? errors.length) - LISTED} more`);
      io.err(`refused: ${error.message}`);
      io.out(JSON.stringify({ code: error.code, message: error.message, details: error.details }));
      return EXIT_FAILED;
    } finally {
      keys.close();
    }
  },
};
