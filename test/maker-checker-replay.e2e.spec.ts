import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../apps/api/src/app.factory';
import { ADMIN_TOKEN, call, startServer } from './support/server';
import { allocate, seed } from './support/story';

/**
 * Existing ledgers keep working (issue 13): the ledger story's log, written without any approval
 * policy, replayed from nothing by this release gives the balances the story read (and `pending` 0).
 */
describe('maker-checker: a ledger written before it replays to the same balances', () => {
  it('rebuilds the story’s read models from its log and reads the same figures', async () => {
    const s = await startServer();
    const cast = await seed(s);
    await allocate(s, cast);
    const pay = (id: string, amount: number) =>
      s.request('POST', '/api/v1/allocations/PT-DA1.1-2022/disbursements', {
        token: cast.district,
        body: { id, amount, valueDate: '2022-09-15', voucher: `UNC-${id}` },
      });
    await pay('D1', 12_000_000_000);
    await pay('D-WRONG', 5_000_000_000);
    await pay('D2', 15_673_000_000);
    await s.request('POST', '/api/v1/disbursements/D-WRONG/reversal', { token: cast.district, body: { reason: 'voucher posted twice' } });
    const reads = [
      '/api/v1/balances?groupBy=unit',
      '/api/v1/balances?valueDate=2022-09-30',
      '/api/v1/allocations/PT-DA1.1-2022',
      '/api/v1/allocations/LC-DA1.1-2022',
    ];
    const before = await Promise.all(reads.map(async (path) => (await s.request('GET', path, { token: ADMIN_TOKEN })).body));
    await s.ledger.app.close();

    // Only the log is kept: the read models are built again from it.
    const dir = mkdtempSync(join(tmpdir(), 'ledger-replay-'));
    const dbFile = join(dir, 'ledger.db');
    copyFileSync(s.dbFile, dbFile);
    rmSync(s.dir, { recursive: true, force: true });
    const replayed = await createApp({ port: 0, dbFile, adminToken: ADMIN_TOKEN, logger: false });
    try {
      await replayed.app.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(replayed.app.getHttpServer().address() as { port: number }).port}`;
      const after = await Promise.all(reads.map(async (path) => (await call(url, 'GET', path, { token: ADMIN_TOKEN })).body));
      expect(after).toEqual(before);
      expect(after[2]).toMatchObject({ allocated: 71_570_000_000, disbursed: 27_673_000_000, pending: 0, available: 43_897_000_000, disbursementRate: 38.67 });
      for (const row of after[0].rows) expect(row.pending).toBe(0);
    } finally {
      await replayed.app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
