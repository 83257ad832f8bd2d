import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { LedgerMetadata, NewEvent } from '../libs/ledger/src/ports/event-store.port';
import type { SqliteEventLog as Log } from '../libs/adapters/src/sqlite/sqlite-event-log';
import { verifyChain } from '../libs/ledger/src/integrity/verify-chain';

/**
 * The compiled log, whose committer runs on its worker thread: only there are two batches really in
 * flight at once (from source, under jest, the committer runs inline and each batch is back before
 * the next is decided).
 */
const COMPILED = resolve(__dirname, '../dist/libs/adapters/src/sqlite/sqlite-event-log.js');

const meta: LedgerMetadata = {
  actor: { userId: 'pt-finance', role: 'finance_officer' },
  recordedAt: '2025-12-20T09:00:00.000Z',
  correlationId: 'c',
  causationId: null,
  idempotencyKey: null,
  requestHash: null,
  decision: null,
  reason: null,
};
const paid = (i: number, stream: number): NewEvent => ({
  id: `e-${i}`,
  type: 'DisbursementRecorded',
  schemaVersion: 1,
  data: { allocationId: `A${stream}`, unit: 'PHONG-THO', ancestry: [], disbursementId: `D${i}`, amount: 1_000 + i, valueDate: '2025-12-20', voucher: `UNC-${i}`, payee: null, purpose: null },
  metadata: meta,
});

(existsSync(COMPILED) ? describe : describe.skip)('the compiled log, batches pipelined on its committer thread (needs `npm run build`)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-pipeline-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fails only the batch SQLite refuses; the batches decided on top of it are decided again and land, chained', async () => {
    const { SqliteEventLog } = require(COMPILED) as { SqliteEventLog: typeof Log };
    const file = join(dir, 'ledger.db');
    const log = new SqliteEventLog(file, { maxBatch: 8, committer: 'worker' });
    const db = new Database(file);
    db.exec("CREATE TRIGGER refuse BEFORE INSERT ON events WHEN json_extract(NEW.data, '$.disbursementId') = 'D37' BEGIN SELECT RAISE(ABORT, 'refused by the disk'); END;");
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
    const check = new SqliteEventLog(file, { committer: 'inline' });
    expect(await verifyChain(async (after: number, limit: number) => check.readAll(after, limit))).toMatchObject({ ok: true, head: { position: ok.length + 1 } });
    await check.close();
  });

  it('answers appends in the order of their positions while batches overlap, each stream checked against its revision', async () => {
    const { SqliteEventLog } = require(COMPILED) as { SqliteEventLog: typeof Log };
    const log = new SqliteEventLog(join(dir, 'ledger.db'), { maxBatch: 4, committer: 'worker' });
    const streams = 5;
    const revisions = new Array<number | 'no_stream'>(streams).fill('no_stream');
    let i = 0;
    for (let round = 0; round < 20; round++) {
      // Every stream twice per round, the second expecting the first's revision: both land only if
      // a batch decided while the first is in flight sees its revision.
      const firsts = Array.from({ length: streams }, (_, s) => log.append(`allocation-A${s}`, revisions[s]!, [paid(i++, s)]));
      const seconds = Array.from({ length: streams }, (_, s) => log.append(`allocation-A${s}`, revisions[s] === 'no_stream' ? 0 : (revisions[s] as number) + 1, [paid(i++, s)]));
      const done = await Promise.all([...firsts, ...seconds]);
      for (let s = 0; s < streams; s++) revisions[s] = done[streams + s]!.nextExpectedRevision;
    }
    expect(revisions).toEqual(new Array(streams).fill(39));
    expect(log.head().position).toBe(200);
    await log.close();
  });
});
