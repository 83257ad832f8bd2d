import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECTIONS, auditKeys } from '../../../ledger/src/projections';
import { TargetNotEmpty, copyLog, verifyCopy } from '../../../ledger/src/distributed/copy-log';
import { MemoryLedgerStore } from '../memory/memory-ledger-store';
import { SqliteLedgerStore } from '../sqlite/sqlite-ledger-store';
import { buildLedgerFixture } from '../testing/ledger-fixture';

/** `ledger migrate` minus the server: the copy and its verification, SQLite into another store. */
describe('copying a whole log into an empty store (ledger migrate)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-migrate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const sqliteWithFixture = async (name: string) => {
    const { events } = await buildLedgerFixture();
    const source = new SqliteLedgerStore(join(dir, name), { projections: PROJECTIONS, auditKeys });
    for (const e of events)
      await source.append(e.streamId, e.revision === 0 ? 'no_stream' : e.revision - 1, [
        { id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata },
      ]);
    return source;
  };

  it('preserves order, ids, metadata and the hash chain, and verifies the copy', async () => {
    const source = await sqliteWithFixture('a.db');
    const target = new MemoryLedgerStore({ projections: PROJECTIONS, auditKeys });
    const result = await copyLog(source, target);
    expect(result).toEqual({ ok: true, events: (await source.head()).position, head: await source.head() });
    expect(await target.readAll(0, 1000)).toEqual(await source.readAll(0, 1000));
    await source.close();
  });

  it('refuses a target that already holds a log', async () => {
    const source = await sqliteWithFixture('b.db');
    const target = new MemoryLedgerStore({ projections: PROJECTIONS, auditKeys });
    await copyLog(source, target);
    await expect(copyLog(source, target)).rejects.toBeInstanceOf(TargetNotEmpty);
    await source.close();
  });

  it('names the first event where a copy differs', async () => {
    const source = await sqliteWithFixture('c.db');
    const target = new MemoryLedgerStore({ projections: PROJECTIONS, auditKeys });
    await copyLog(source, target);
    const tampered = {
      readAll: async (after: number, limit: number) =>
        (await target.readAll(after, limit)).map((e) => (e.position === 5 ? { ...e, data: { ...e.data, amount: 1 } } : e)),
      head: () => target.head(),
    };
    expect(await verifyCopy(source, tampered)).toMatchObject({ ok: false, position: 5, problem: 'data differs' });
    const short = {
      readAll: async (after: number, limit: number) => (await target.readAll(after, limit)).filter((e) => e.position < 9),
      head: () => target.head(),
    };
    expect(await verifyCopy(source, short)).toMatchObject({ ok: false, position: 9, problem: 'missing from the target' });
    await source.close();
  });
});
