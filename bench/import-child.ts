/**
 * One bulk import in a process of its own, so that its peak RSS is the import's: generates the
 * file on disk first (not timed), then streams it through the parser into a fresh SQLite ledger.
 * Prints one JSON line: { ms, checkMs, rows, summary, maxRssBytes }.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { SqliteLedgerStore } from '../libs/adapters/src/sqlite/sqlite-ledger-store';
import { sqliteBulkAppend } from '../libs/adapters/src/sqlite/sqlite-bulk-append';
import { CommandRunner } from '../libs/ledger/src/commands/command-runner';
import { importHouseholds } from '../libs/ledger/src/commands/households/import-households';
import { contextFor, generatedFile, seedUnits } from '../libs/ledger/src/commands/households/import-households.fixture';
import { parseCsv } from '../libs/ledger/src/imports/parse-csv';
import { parseNdjson } from '../libs/ledger/src/imports/parse-ndjson';
import { PROJECTIONS, auditKeys } from '../libs/ledger/src/projections';

async function main(): Promise<void> {
  const [dir, rowsArg, communesArg, format = 'ndjson'] = process.argv.slice(2);
  const rows = Number(rowsArg);
  const communes = Number(communesArg);
  const file = join(dir!, `households.${format}`);
  const out = createWriteStream(file);
  for (const chunk of generatedFile(rows, communes, format as 'ndjson' | 'csv')) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');

  const store = new SqliteLedgerStore(join(dir!, 'ledger.db'), { projections: PROJECTIONS, auditKeys });
  const runner = new CommandRunner(store);
  await seedUnits(runner, store, communes);
  if (global.gc) global.gc();
  const baseRss = process.memoryUsage().rss;
  const started = performance.now();
  let checked = 0;
  let atWrite = { rss: 0, heapUsed: 0 };
  const stream = createReadStream(file, { highWaterMark: 1 << 16 });
  const source = format === 'csv' ? parseCsv(stream) : parseNdjson(stream);
  const summary = await importHouseholds(runner, store, source, contextFor(), {
    bulkAppend: sqliteBulkAppend(store),
    onProgress: (p) => {
      if (p.phase === 'writing') {
        checked = performance.now() - started;
        if (global.gc) global.gc();
        atWrite = { rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed };
      }
    },
  });
  const ms = performance.now() - started;
  await store.close();
  process.stdout.write(
    `${JSON.stringify({ ms, checkMs: checked, writeMs: ms - checked, rows, summary, baseRssBytes: baseRss, atWrite, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
