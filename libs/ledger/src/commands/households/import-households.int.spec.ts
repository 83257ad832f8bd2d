import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DomainError } from '../../../../domain/src';
import { MemoryLedgerStore } from '../../../../adapters/src/memory/memory-ledger-store';
import { SqliteLedgerStore } from '../../../../adapters/src/sqlite/sqlite-ledger-store';
import { sqliteBulkAppend } from '../../../../adapters/src/sqlite/sqlite-bulk-append';
import { parseCsv } from '../../imports/parse-csv';
import { parseNdjson } from '../../imports/parse-ndjson';
import { verifyChain } from '../../integrity/verify-chain';
import { HOUSEHOLDS, HOUSEHOLD_STATS, PROJECTIONS, auditKeys, statsId, type HouseholdDoc, type HouseholdStatsDoc } from '../../projections';
import { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';
import { registerHousehold, parseRegisterHousehold } from './register-household';
import { importHouseholds, importStream, type BulkAppend, type ImportOptions, type ImportRowError } from './import-households';
import type { StreamAppend } from '../../ports/event-store.port';
import { AGENCY, CSV_HEADER, commune, contextFor, csvLine, generatedFile, householdFields, ndjsonLine, seedUnits } from './import-households.fixture';

const COMMUNES = 3;
type Ledger = { store: MemoryLedgerStore | SqliteLedgerStore; runner: CommandRunner; options: ImportOptions; close: () => Promise<void> };

async function memoryLedger(): Promise<Ledger> {
  const store = new MemoryLedgerStore({ projections: PROJECTIONS, auditKeys });
  const runner = new CommandRunner(store);
  await seedUnits(runner, store, COMMUNES);
  return { store, runner, options: {}, close: async () => undefined };
}

async function sqliteLedger(): Promise<Ledger> {
  const dir = mkdtempSync(join(tmpdir(), 'import-int-'));
  const store = new SqliteLedgerStore(join(dir, 'ledger.db'), { projections: PROJECTIONS, auditKeys });
  const runner = new CommandRunner(store);
  await seedUnits(runner, store, COMMUNES);
  return {
    store,
    runner,
    options: { bulkAppend: sqliteBulkAppend(store) },
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const ndjson = (lines: readonly string[]) => parseNdjson(Readable.from([lines.join('\n') + '\n']));
const csv = (lines: readonly string[]) => parseCsv(Readable.from([lines.join('\n') + '\n']));
const rows = (n: number, from = 1, year = 2024) => Array.from({ length: n }, (_, k) => ndjsonLine(householdFields(from + k, COMMUNES, year)));

async function refusal(p: Promise<unknown>): Promise<{ error: DomainError; errors: ImportRowError[] }> {
  const error = await p.then(
    () => {
      throw new Error('expected the import to be refused');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  const e = error as DomainError;
  expect(e.code).toBe('VALIDATION_FAILED');
  return { error: e, errors: (e.details as { errors: ImportRowError[] }).errors };
}

describe.each([
  ['memory store, one appendMany', memoryLedger],
  ['SQLite store, streaming bulk append', sqliteLedger],
])('importHouseholds on the %s', (_name, open) => {
  let ledger: Ledger;
  let ctx: AppContext;
  const run = (source: ReturnType<typeof ndjson>, c: AppContext = ctx) => importHouseholds(ledger.runner, ledger.store, source, c, ledger.options);
  beforeEach(async () => {
    ledger = await open();
    ctx = contextFor();
  });
  afterEach(() => ledger.close());

  it('registers unknown households, assesses every row and sums the classes', async () => {
    const summary = await run(ndjson(rows(40)));
    expect(summary).toMatchObject({ rows: 40, registered: 40, assessed: 40, reclassified: 0 });
    const c = summary.byClassification;
    expect(c.poor + c.near_poor + c.average + c.not_poor).toBe(40);
    expect(Object.values(c).every((n) => n > 0)).toBe(true);
    const doc = await ledger.store.get<HouseholdDoc>(HOUSEHOLDS, 'HH-00000007');
    expect(doc).toMatchObject({ unit: commune((7 % COMMUNES) + 1), members: 1, assessments: [expect.objectContaining({ reviewYear: 2024 })] });
    const stats = await Promise.all([1, 2, 3].map((i) => ledger.store.get<HouseholdStatsDoc>(HOUSEHOLD_STATS, statsId(commune(i), 2024))));
    expect(stats.reduce((n, s) => n + s!.households, 0)).toBe(40);
    const [done] = await ledger.store.readStream(
      importStream((await ledger.store.readAll(0, 1_000)).find((e) => e.type === 'ImportCompleted')!.data.sha256 as string),
    );
    expect(done!.data).toMatchObject({ kind: 'households', summary });
    expect(await verifyChain(ledger.store)).toMatchObject({ ok: true });
  });

  it('stamps every event like a single command: actor, time, correlation', async () => {
    await run(ndjson(rows(3)));
    const events = (await ledger.store.readStream('household-HH-00000002')).map((e) => [
      e.type,
      e.metadata.actor.userId,
      e.metadata.recordedAt,
      e.metadata.correlationId,
    ]);
    expect(events).toEqual([
      ['HouseholdRegistered', 'u-admin', ctx.now, ctx.correlationId],
      ['HouseholdAssessed', 'u-admin', ctx.now, ctx.correlationId],
    ]);
  });

  it('reads CSV with the same result as JSON lines', async () => {
    const lines = Array.from({ length: 12 }, (_, k) => csvLine(householdFields(k + 1, COMMUNES)));
    const summary = await run(csv([CSV_HEADER, ...lines]));
    expect(summary).toMatchObject({ rows: 12, registered: 12, assessed: 12 });
    const doc = await ledger.store.get<HouseholdDoc>(HOUSEHOLDS, 'HH-00000003');
    expect(doc).toMatchObject({ headName: 'Lò Văn 3', ethnicMinority: null });
  });

  it('lists every bad row with its line and field, and records nothing', async () => {
    const good = (i: number, patch: Record<string, unknown> = {}) => ndjsonLine({ ...householdFields(i, COMMUNES), ...patch });
    const file = [
      good(1),
      good(2, { unit: 'C-9999' }),
      good(3, { unit: AGENCY }),
      good(4, { area: 'mountain' }),
      good(5, { members: 0 }),
      good(6, { deprivations: ['nutrition', 'flying'] }),
      good(7, { deprivations: ['health_access'] }),
      good(8, { reviewYear: 2015 }),
      good(9, { reviewType: 'yearly' }),
      good(10, { incomePerCapita: -1 }),
      '{"household": "HH-1", "unit": ',
      good(12, { colour: 'blue' }),
      good(13, { household: 'bad id with spaces' }),
      good(14, { reviewYear: 2021, deprivations: ['employment'] }),
      good(15),
    ];
    const head = await ledger.store.head();
    const { errors, error } = await refusal(run(ndjson(file)));
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'unit'],
      [3, 'unit'],
      [4, 'area'],
      [5, 'members'],
      [6, 'deprivations[1]'],
      [7, 'deprivations[0]'],
      [8, 'reviewYear'],
      [9, 'reviewType'],
      [10, 'incomePerCapita'],
      [11, 'line'],
      [12, 'colour'],
      [13, 'household'],
      [14, 'deprivations[0]'],
    ]);
    expect(errors[1]!.message).toMatch(/must be a commune/);
    expect(errors[5]!.message).toMatch(/not an indicator of standard MDP-2022-2025/);
    expect(errors[9]!.message).toMatch(/malformed JSON/);
    expect(error.details).toMatchObject({ errorCount: 13 });
    expect(await ledger.store.head()).toEqual(head);
    expect(await ledger.store.get(HOUSEHOLDS, 'HH-00000001')).toBeNull();
  });

  it('refuses a CSV whose header lacks a column, or a row that lacks a cell', async () => {
    const head = await ledger.store.head();
    const noMembers = CSV_HEADER.replace(',members', '');
    const { errors } = await refusal(run(csv([noMembers, 'HH-1,C-0001,rural,2024,periodic,1000000,,,'])));
    expect(errors).toEqual([{ row: 1, field: 'members', message: expect.stringMatching(/no column members/) }]);
    const short = await refusal(run(csv([CSV_HEADER, csvLine(householdFields(1, COMMUNES)), 'HH-2,C-0001,rural,3,2024,periodic,1000000'])));
    expect(short.errors).toEqual([{ row: 3, field: 'line', message: 'has 7 cells, the header has 10' }]);
    expect(await ledger.store.head()).toEqual(head);
  });

  it('is all-or-nothing: one bad row among a thousand good ones records nothing', async () => {
    const file = rows(1000);
    file[637] = ndjsonLine({ ...householdFields(638, COMMUNES), members: 1.5 });
    const head = await ledger.store.head();
    const { errors } = await refusal(run(ndjson(file)));
    expect(errors).toEqual([{ row: 638, field: 'members', message: 'members: must be an integer from 1 to 1000' }]);
    expect(await ledger.store.head()).toEqual(head);
    expect(await ledger.store.readStream('household-HH-00000001')).toEqual([]);
  });

  it('records nothing twice when the same file is sent again, and answers with the first summary', async () => {
    const file = rows(25);
    const first = await run(ndjson(file));
    const head = await ledger.store.head();
    const again = await run(ndjson(file));
    expect(again).toEqual(first);
    expect(await ledger.store.head()).toEqual(head);
  });

  it('with an Idempotency-Key: a retry gets the first summary, another file under the key is refused', async () => {
    const keyed = { ...ctx, idempotency: { key: 'import-1', requestHash: 'file-a' } };
    const first = await run(ndjson(rows(5)), keyed);
    const head = await ledger.store.head();
    expect(await run(ndjson(rows(5)), { ...keyed, correlationId: 'other' })).toEqual(first);
    expect(await ledger.store.head()).toEqual(head);
    await expect(run(ndjson(rows(5, 100)), { ...keyed, idempotency: { key: 'import-1', requestHash: 'file-b' } })).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(await ledger.store.head()).toEqual(head);
  });

  it('folds two rows of one household in order: one registration, two assessments, the change of class', async () => {
    const poor = { ...householdFields(1, COMMUNES, 2023), incomePerCapita: 900_000, deprivations: ['employment', 'nutrition', 'latrine'] };
    const notPoor = { ...poor, reviewYear: 2024, incomePerCapita: 5_000_000, deprivations: [] };
    const summary = await run(ndjson([ndjsonLine(poor), ndjsonLine(notPoor)]));
    expect(summary).toEqual({ rows: 2, registered: 1, assessed: 2, reclassified: 1, byClassification: { poor: 0, near_poor: 0, average: 0, not_poor: 1 } });
    const types = (await ledger.store.readStream('household-HH-00000001')).map((e) => e.type);
    expect(types).toEqual(['HouseholdRegistered', 'HouseholdAssessed', 'HouseholdAssessed', 'HouseholdReclassified']);
    const doc = await ledger.store.get<HouseholdDoc>(HOUSEHOLDS, 'HH-00000001');
    expect(doc!.current).toMatchObject({ classification: 'not_poor', reviewYear: 2024 });
  });

  it('assesses a household registered before, and refuses a row that moves it to another commune', async () => {
    await registerHousehold(ledger.runner, ledger.store, parseRegisterHousehold({ id: 'HH-00000004', unit: commune(2), area: 'rural', members: 4 }), ctx);
    const summary = await run(ndjson([ndjsonLine(householdFields(4, COMMUNES))]));
    expect(summary).toMatchObject({ rows: 1, registered: 0, assessed: 1 });
    const { errors } = await refusal(run(ndjson([ndjsonLine({ ...householdFields(4, COMMUNES, 2025), unit: commune(3) })])));
    expect(errors).toEqual([{ row: 1, field: 'unit', message: expect.stringMatching(/registered in 'C-0002'/) }]);
  });

  it("refuses rows for communes outside a social officer's scope, and any import by a supervisor", async () => {
    const officer = contextFor({ userId: 'u-so', role: 'social_officer', units: [commune(1)] });
    const { errors } = await refusal(run(ndjson(rows(3)), officer));
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [1, 'unit'],
      [2, 'unit'],
    ]);
    await expect(run(ndjson(rows(1)), contextFor({ userId: 'u-sup', role: 'supervisor', units: ['VN'] }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses the whole file when a household changed between the check and the write', async () => {
    await registerHousehold(ledger.runner, ledger.store, parseRegisterHousehold({ id: 'HH-00000001', unit: commune(2), area: 'rural', members: 4 }), ctx);
    const source = ndjson(rows(3));
    const noted = { initialState: () => 0, evolve: (s: number) => s + 1, decide: () => [{ type: 'HouseholdNoted', schemaVersion: 1, data: {} }] };
    const write =
      ledger.options.bulkAppend ??
      (async (appends, o) => {
        const merged = new Map<string, StreamAppend>();
        for (const a of appends) {
          const seen = merged.get(a.streamId);
          merged.set(a.streamId, seen ? { ...seen, events: [...seen.events, ...a.events] } : a);
        }
        return ledger.store.appendMany([...merged.values()], o);
      });
    // Another command lands on HH-00000001 after the file was checked and before it is written.
    const racing: BulkAppend = async (appends, o) => {
      await ledger.runner.run('household-HH-00000001', noted, null, ctx);
      return write(appends, o);
    };
    const head = await ledger.store.head();
    await expect(importHouseholds(ledger.runner, ledger.store, source, ctx, { bulkAppend: racing })).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT' });
    expect((await ledger.store.head()).position).toBe(head.position + 1);
  });
});

describe('importHouseholds keeps the same figures on both stores', () => {
  it('the SQLite bulk path and the memory path build the same statistics', async () => {
    const file = [...rows(300), ...rows(50, 1, 2025)];
    const a = await memoryLedger();
    const b = await sqliteLedger();
    try {
      const sa = await importHouseholds(a.runner, a.store, ndjson(file), contextFor(), a.options);
      const sb = await importHouseholds(b.runner, b.store, ndjson(file), contextFor(), b.options);
      expect(sb).toEqual(sa);
      const strip = (docs: HouseholdStatsDoc[]) => docs.map(({ _position, ...d }) => d).sort((x, y) => x.id.localeCompare(y.id));
      expect(strip(await b.store.find<HouseholdStatsDoc>(HOUSEHOLD_STATS))).toEqual(strip(await a.store.find<HouseholdStatsDoc>(HOUSEHOLD_STATS)));
      expect((await b.store.head()).position).toBe((await a.store.head()).position);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('spills decided appends to disk past the memory limit, refolds a household named again from there, and writes them all', async () => {
    const b = await sqliteLedger();
    try {
      const again = rows(10, 1, 2025).join('\n') + '\n';
      const file = Readable.from(
        (function* () {
          yield* generatedFile(3000, COMMUNES, 'ndjson');
          yield again;
        })(),
      );
      const summary = await importHouseholds(b.runner, b.store, parseNdjson(file), contextFor(), { ...b.options, spoolMemoryLimit: 64 << 10 });
      expect(summary).toMatchObject({ rows: 3010, registered: 3000, assessed: 3010 });
      const types = (await b.store.readStream('household-HH-00000007')).map((e) => [e.type, e.revision]);
      expect(types.slice(0, 3)).toEqual([
        ['HouseholdRegistered', 0],
        ['HouseholdAssessed', 1],
        ['HouseholdAssessed', 2],
      ]);
      expect(await verifyChain(b.store)).toMatchObject({ ok: true });
    } finally {
      await b.close();
    }
  });
});
