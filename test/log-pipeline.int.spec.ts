import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { countIn, payment } from '../libs/adapters/src/testing/log-fixture';
import type { SqliteEventLog as Log } from '../libs/adapters/src/sqlite/sqlite-event-log';
import { verifyChain } from '../libs/ledger/src/integrity/verify-chain';
import { closedAfterEach } from './support/closed-after-each';
import { compiled } from './support/compiled';

/**
 * The compiled log, whose committer runs on its worker thread: only there are two batches really in
 * flight at once (from source, under jest, the committer runs inline and each batch is back before
 * the next is decided).
 */
const COMPILED = compiled('dist/libs/adapters/src/sqlite/sqlite-event-log.js');

const paid = (i: number, stream: number) => payment(i, `D${i}`, `A${stream}`);

describe('the compiled log, batches pipelined on its committer thread (needs `npm run build`)', () => {
  const track = closedAfterEach();
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-pipeline-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fails only the batch SQLite refuses; the batches decided on top of it are decided again and land, chained', async () => {
    const { SqliteEventLog } = require(COMPILED) as { SqliteEventLog: typeof Log };
    const file = join(dir, 'ledger.db');
    const log = track(new SqliteEventLog(file, { maxBatch: 8, committer: 'worker' }));
    const db = track(new Database(file));
    db.exec(
      "CREATE TRIGGER refuse BEFORE INSERT ON events WHEN json_extract(NEW.data, '$.disbursementId') = 'D37' BEGIN SELECT RAISE(ABORT, 'refused by the disk'); END;",
    );
    // 120 appends to 120 streams in one tick: batches of 8, two in flight; the one holding D37 fails.
    const results = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        log.append(`allocation-A${i}`, 'no_stream', [paid(i, i)]).then(
          (r) => ({ ok: r }),
          (e: Error) => ({ error: e.message }),
        ),
      ),
    );
    db.close();
    const failed = results.filter((r) => 'error' in r);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThanOrEqual(8);
    expect(failed.every((r) => /refused by the disk/.test((r as { error: string }).error))).toBe(true);
    expect('error' in results[37]!).toBe(true);
    const ok = results.flatMap((r) => ('ok' in r ? [r] : []));
    expect(ok.map((r) => r.ok.firstPosition).sort((a, b) => a - b)).toEqual(Array.from({ length: ok.length }, (_, k) => k + 1));
    expect(log.head().position).toBe(ok.length);
    // After the failure the log goes on as before.
    expect(await log.append('allocation-A37', 'no_stream', [paid(1000, 37)])).toMatchObject({ firstPosition: ok.length + 1 });
    await log.close();
    const check = track(new SqliteEventLog(file, { committer: 'inline' }));
    expect(await verifyChain(async (after: number, limit: number) => check.readAll(after, limit))).toMatchObject({
      ok: true,
      head: { position: ok.length + 1 },
    });
    await check.close();
  });

  it('answers appends in the order of their positions while batches overlap, each stream checked against its revision', async () => {
    const { SqliteEventLog } = require(COMPILED) as { SqliteEventLog: typeof Log };
    const log = track(new SqliteEventLog(join(dir, 'ledger.db'), { maxBatch: 4, committer: 'worker' }));
    const streams = 5;
    const revisions = new Array<number | 'no_stream'>(streams).fill('no_stream');
    let i = 0;
    for (let round = 0; round < 20; round++) {
      // Every stream twice per round, the second expecting the first's revision: both land only if
      // a batch decided while the first is in flight sees its revision.
      const firsts = Array.from({ length: streams }, (_, s) => log.append(`allocation-A${s}`, revisions[s]!, [paid(i++, s)]));
      const seconds = Array.from({ length: streams }, (_, s) =>
        log.append(`allocation-A${s}`, revisions[s] === 'no_stream' ? 0 : (revisions[s] as number) + 1, [paid(i++, s)]),
      );
      const done = await Promise.all([...firsts, ...seconds]);
      for (let s = 0; s < streams; s++) revisions[s] = done[streams + s]!.nextExpectedRevision;
    }
    expect(revisions).toEqual(new Array(streams).fill(39));
    expect(log.head().position).toBe(200);
    await log.close();
  });
});

const DIST = join(compiled('dist/libs/adapters/src/sqlite/sqlite-ledger-store.js'), '../../../..');

describe('a bulk import projected while the log writes it (compiled; needs `npm run build`)', () => {
  const track = closedAfterEach();
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-bulk-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  type Modules = {
    store: typeof import('../libs/adapters/src/sqlite/sqlite-ledger-store');
    bulk: typeof import('../libs/adapters/src/sqlite/sqlite-bulk-append');
    runner: typeof import('../libs/ledger/src/commands/command-runner');
    imports: typeof import('../libs/ledger/src/commands/households/import-households');
    fixture: typeof import('../libs/ledger/src/commands/households/import-households.fixture');
    projections: typeof import('../libs/ledger/src/projections');
    schema: typeof import('../libs/adapters/src/sqlite/schema');
  };
  const load = (): Modules => ({
    store: require(join(DIST, 'adapters/src/sqlite/sqlite-ledger-store.js')),
    bulk: require(join(DIST, 'adapters/src/sqlite/sqlite-bulk-append.js')),
    runner: require(join(DIST, 'ledger/src/commands/command-runner.js')),
    imports: require(join(DIST, 'ledger/src/commands/households/import-households.js')),
    fixture: require(join(DIST, 'ledger/src/commands/households/import-households.fixture.js')),
    projections: require(join(DIST, 'ledger/src/projections/index.js')),
    schema: require(join(DIST, 'adapters/src/sqlite/schema.js')),
  });
  const COMMUNES = 10;
  const ROWS = 12_000;
  async function* rows(m: Modules, n: number) {
    for (let i = 1; i <= n; i++) yield { line: i, fields: m.fixture.householdFields(i, COMMUNES) };
  }
  async function open(m: Modules, file: string) {
    const store = track(new m.store.SqliteLedgerStore(file, { projections: m.projections.PROJECTIONS, auditKeys: m.projections.auditKeys }));
    const runner = new m.runner.CommandRunner(store);
    return {
      store,
      runner,
      importRows: (n: number) => m.imports.importHouseholds(runner, store, rows(m, n), m.fixture.contextFor(), { bulkAppend: m.bulk.sqliteBulkAppend(store) }),
    };
  }
  it('projects the whole file and answers once the read models hold it', async () => {
    const m = load();
    const file = join(dir, 'ledger.db');
    const l = await open(m, file);
    await m.fixture.seedUnits(l.runner, l.store, COMMUNES);
    const summary = await l.importRows(ROWS);
    expect(summary).toMatchObject({ rows: ROWS, registered: ROWS, assessed: ROWS });
    expect(await l.store.checkpoint()).toBe((await l.store.head()).position);
    expect(await l.store.get('households', 'HH-00011999')).toMatchObject({ current: { reviewYear: 2024 } });
    await l.store.close();
    expect(countIn(m.schema.readModelsFile(file), "SELECT COUNT(*) AS n FROM documents WHERE collection = 'households'")).toBe(ROWS);
  });

  it('rolls the read models back when the log refuses the import after thousands of its events were projected', async () => {
    const m = load();
    const file = join(dir, 'ledger.db');
    const l = await open(m, file);
    await m.fixture.seedUnits(l.runner, l.store, COMMUNES);
    const before = (await l.store.head()).position;
    const db = track(new Database(file));
    db.exec(
      "CREATE TRIGGER refuse BEFORE INSERT ON events WHEN NEW.stream_id = 'household-HH-00011000' BEGIN SELECT RAISE(ABORT, 'disk refused the import'); END;",
    );
    const outcome = await l.importRows(ROWS).then(
      (s) => ({ resolved: s }),
      (e: Error) => ({ rejected: e.message }),
    );
    if ('resolved' in outcome) {
      const probe = (sql: string) => JSON.stringify(db.prepare(sql).all());
      process.stderr.write(
        `DEBUG resolved ${JSON.stringify(outcome.resolved)} triggers ${probe("SELECT name FROM sqlite_master WHERE type='trigger'")} ` +
          `hh11000 ${probe("SELECT position, stream_id FROM events WHERE stream_id = 'household-HH-00011000'")} count ${probe('SELECT COUNT(*) AS n, MAX(position) AS p FROM events')} ` +
          `imports ${probe("SELECT stream_id, position FROM events WHERE stream_id LIKE 'import-%'")} before ${before}\n`,
      );
    }
    expect(outcome).toMatchObject({ rejected: expect.stringMatching(/disk refused the import/) });
    db.exec('DROP TRIGGER refuse');
    db.close();
    expect((await l.store.head()).position).toBe(before);
    expect(await l.store.checkpoint()).toBe(before);
    expect(await l.store.get('households', 'HH-00000001')).toBeNull();
    // And the ledger goes on: the same file imports whole afterwards.
    expect(await l.importRows(100)).toMatchObject({ registered: 100 });
    expect((await l.store.head()).position).toBeGreaterThanOrEqual(before + 200);
    expect(await l.store.checkpoint()).toBe((await l.store.head()).position);
    await l.store.close();
  });

  it('records nothing when the projector cannot apply the import (the import is refused as a whole)', async () => {
    const m = load();
    const file = join(dir, 'ledger.db');
    const l = await open(m, file);
    await m.fixture.seedUnits(l.runner, l.store, COMMUNES);
    const before = (await l.store.head()).position;
    const rm = track(new Database(m.schema.readModelsFile(file)));
    rm.exec("CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.id = 'HH-00009000' BEGIN SELECT RAISE(ABORT, 'read models refused'); END;");
    await expect(l.importRows(ROWS)).rejects.toThrow(/read models refused/);
    rm.exec('DROP TRIGGER refuse');
    rm.close();
    expect((await l.store.head()).position).toBe(before);
    expect(countIn(file, 'SELECT COUNT(*) AS n FROM events')).toBe(before);
    expect(await l.importRows(50)).toMatchObject({ registered: 50 });
    expect((await l.store.head()).position).toBeGreaterThanOrEqual(before + 100);
    expect(await l.store.checkpoint()).toBe((await l.store.head()).position);
    await l.store.close();
  });
});
