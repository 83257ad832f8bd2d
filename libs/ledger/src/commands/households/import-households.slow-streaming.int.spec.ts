import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { SqliteLedgerStore } from '../../../../adapters/src/sqlite/sqlite-ledger-store';
import { sqliteBulkAppend } from '../../../../adapters/src/sqlite/sqlite-bulk-append';
import { parseNdjson } from '../../imports/parse-ndjson';
import { PROJECTIONS, auditKeys } from '../../projections';
import { CommandRunner } from '../command-runner';
import { importHouseholds } from './import-households';
import { contextFor, generatedFile, seedUnits } from './import-households.fixture';

const ROWS = 200_000;
const MB = 2 ** 20;
/**
 * Holding what the import decides would cost ~300 MB as JSON text for 200,000 rows and several
 * times that as objects; the import keeps a map entry per household (~15 MB here) and spills the
 * rest to disk. The bound leaves room for garbage V8 has not collected yet (no heap cap in jest).
 */
const BOUND = 256 * MB;

describe('importHouseholds streams (SLOW: ~20 s, a generated 200,000-row file)', () => {
  let dir: string;
  let store: SqliteLedgerStore;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'import-slow-'));
    store = new SqliteLedgerStore(join(dir, 'ledger.db'), { projections: PROJECTIONS, auditKeys });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`imports ${ROWS.toLocaleString('en-US')} rows with RSS growth bounded far below the size of what it decides`, async () => {
    const runner = new CommandRunner(store);
    await seedUnits(runner, store, 200);
    const before = process.memoryUsage().rss;
    let sampled = before;
    let produced = 0;
    // The file is produced as it is read, so the test itself never holds it either.
    const source = Readable.from(
      (function* () {
        for (const chunk of generatedFile(ROWS, 200, 'ndjson')) {
          produced += chunk.length;
          yield chunk;
        }
      })(),
    );
    const timer = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 50);
    const summary = await importHouseholds(runner, store, parseNdjson(source), contextFor(), { bulkAppend: sqliteBulkAppend(store) });
    clearInterval(timer);
    const peak = Math.max(sampled, process.resourceUsage().maxRSS * 1024);
    expect(summary).toMatchObject({ rows: ROWS, registered: ROWS, assessed: ROWS });
    expect((await store.head()).position).toBe(200 + 4 + 2 * ROWS + 1);
    const growth = peak - before;
    process.stderr.write(`import of ${ROWS} rows (${Math.round(produced / MB)} MB of NDJSON): RSS ${Math.round(before / MB)} MB → peak ${Math.round(peak / MB)} MB (+${Math.round(growth / MB)} MB)\n`);
    expect(growth).toBeLessThan(BOUND);
  }, 60_000);
});
