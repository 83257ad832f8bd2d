import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DomainError } from '../../../domain/src';
import { WrongExpectedVersion } from '../../../ledger/src/ports/event-store.port';
import { countIn, payment } from '../testing/log-fixture';
import { verifyChain } from '../../../ledger/src/integrity/verify-chain';
import { SqliteEventLog } from './sqlite-event-log';

let n = 0;
const paid = (disbursementId: string, allocationId = 'A1') => payment(++n, disbursementId, allocationId);
const settled = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

describe('SQLite event log: group commit', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-log-'));
    file = join(dir, 'ledger.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('commits appends that arrive together in one batch, each against its own expected revision', async () => {
    const log = new SqliteEventLog(file);
    await log.append('allocation-A1', 'no_stream', [paid('D0')]);
    // Three appends in the same tick expecting revision 0: the first wins, the others are refused and write nothing.
    const results = await Promise.all([0, 1, 2].map((i) => settled(log.append('allocation-A1', 0, [paid(`D${i + 1}`)]))));
    expect(results.filter((r) => 'value' in r)).toHaveLength(1);
    expect(results.filter((r) => 'error' in r && r.error instanceof WrongExpectedVersion)).toHaveLength(2);
    // Other streams in the same batch are not held back by the refusals.
    const mixed = await Promise.all([
      settled(log.append('allocation-A1', 0, [paid('X')])),
      settled(log.append('allocation-A2', 'no_stream', [paid('Y', 'A2')])),
    ]);
    expect('error' in mixed[0]!).toBe(true);
    expect(mixed[1]).toMatchObject({ value: { firstPosition: 3, lastPosition: 3 } });
    expect(log.readStream('allocation-A1').map((e) => e.revision)).toEqual([0, 1]);
    expect(log.head().position).toBe(3);
    await log.close();
    expect(countIn(file, 'SELECT COUNT(*) AS n FROM events')).toBe(3);
  });

  it('refuses a second event claiming a disbursement id, in the same batch or later, on any stream', async () => {
    const log = new SqliteEventLog(file);
    const together = await Promise.all([
      settled(log.append('allocation-A1', 'no_stream', [paid('D1')])),
      settled(log.append('allocation-A2', 'no_stream', [paid('D1', 'A2')])),
    ]);
    expect('value' in together[0]!).toBe(true);
    expect((together[1] as { error: DomainError }).error).toMatchObject({ code: 'ALREADY_EXISTS' });
    const later = await settled(log.append('allocation-A3', 'no_stream', [paid('D1', 'A3')]));
    expect((later as { error: DomainError }).error).toMatchObject({ code: 'ALREADY_EXISTS' });
    // One event may not claim the same id twice either.
    const twice = await settled(log.append('allocation-A4', 'no_stream', [paid('D9', 'A4'), paid('D9', 'A4')]));
    expect((twice as { error: DomainError }).error).toMatchObject({ code: 'ALREADY_EXISTS' });
    await log.close();
    expect(countIn(file, 'SELECT COUNT(*) AS n FROM events')).toBe(1);
  });

  it('claims the ids of a log written before ids were claimed in it, when it is opened', async () => {
    const log = new SqliteEventLog(file);
    await log.append('allocation-A1', 'no_stream', [paid('OLD-1')]);
    await log.close();
    const db = new Database(file);
    db.exec('DROP TABLE unique_keys');
    db.close();
    const reopened = new SqliteEventLog(file);
    const again = await settled(reopened.append('allocation-A2', 'no_stream', [paid('OLD-1', 'A2')]));
    expect((again as { error: DomainError }).error).toMatchObject({ code: 'ALREADY_EXISTS' });
    await reopened.close();
  });

  it('appends correctly after another process appended to the same file', async () => {
    const a = new SqliteEventLog(file);
    const b = new SqliteEventLog(file);
    await a.append('allocation-A1', 'no_stream', [paid('D1')]);
    await b.append('allocation-A2', 'no_stream', [paid('D2', 'A2')]);
    await b.append('allocation-A1', 0, [paid('D3')]);
    // `a` remembered A1 at revision 0 and the head at 1: both are stale, and found so at commit.
    const stale = await settled(a.append('allocation-A1', 0, [paid('D4')]));
    expect('error' in stale && stale.error instanceof WrongExpectedVersion).toBe(true);
    expect(await a.append('allocation-A1', 1, [paid('D5')])).toMatchObject({ firstPosition: 4, nextExpectedRevision: 2 });
    await a.close();
    await b.close();
    const check = new SqliteEventLog(file);
    expect(await verifyChain(async (after: number, limit: number) => check.readAll(after, limit))).toMatchObject({ ok: true });
    await check.close();
  });

  it('fails a batch that SQLite refuses as a whole, records nothing of it, and goes on', async () => {
    const log = new SqliteEventLog(file);
    await log.append('allocation-A1', 'no_stream', [paid('D1')]);
    const db = new Database(file);
    db.exec(
      "CREATE TRIGGER refuse BEFORE INSERT ON events WHEN json_extract(NEW.data, '$.disbursementId') = 'BAD' BEGIN SELECT RAISE(ABORT, 'refused by the disk'); END;",
    );
    const batch = await Promise.all([
      settled(log.append('allocation-A1', 0, [paid('BAD')])),
      settled(log.append('allocation-A2', 'no_stream', [paid('D2', 'A2')])),
    ]);
    expect(batch.every((r) => 'error' in r && /refused by the disk/.test(String((r.error as Error).message)))).toBe(true);
    db.exec('DROP TRIGGER refuse');
    db.close();
    expect(log.head().position).toBe(1);
    expect(await log.append('allocation-A2', 'no_stream', [paid('D2', 'A2')])).toMatchObject({ firstPosition: 2 });
    await log.close();
    expect(countIn(file, 'SELECT COUNT(*) AS n FROM events')).toBe(2);
  });
});
