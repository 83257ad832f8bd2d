import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createApp, type LedgerApp } from '../apps/api/src/app.factory';
import { IntegrityMonitor } from '../apps/api/src/integrity/integrity-monitor';
import { tamper } from '../libs/ledger/src/integrity/tamper-fixture.spec';
import { compiled } from './support/compiled';
import { ADMIN_TOKEN } from './support/server';
import { DECISION_747, storyLogFile } from './support/story';
import { freePort } from './support/free-port';

const ALLOCATION = 'PT-DA1.1-2022';

async function get(url: string, path: string) {
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  return { status: res.status, integrity: res.headers.get('ledger-integrity'), body: (await res.json()) as any };
}

async function post(url: string, path: string, body: unknown) {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/**
 * Issue 15, defect 7: a server started on a log whose file was edited (an allocation's amount)
 * must find it, say so on /health and on every read, and record nothing more on top of it.
 */
describe('the server checks the hash chain when it starts', () => {
  let work: string;
  let original: string;
  let tamperedAt: number;
  let running: LedgerApp | undefined;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'integrity-on-start-'));
    original = join(work, 'original.db');
    await storyLogFile(original);
    const db = new Database(original, { readonly: true });
    try {
      tamperedAt = db
        .prepare<[string], { position: number }>("SELECT position FROM events WHERE type = 'AllocationGranted' AND stream_id LIKE '%' || ?")
        .get(ALLOCATION)!.position;
    } finally {
      db.close();
    }
  });
  afterEach(async () => {
    await running?.app.close();
    running = undefined;
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  async function serve(file: string): Promise<{ url: string; monitor: IntegrityMonitor }> {
    running = await createApp({ port: 0, dbFile: file, adminToken: ADMIN_TOKEN, logger: false });
    await running.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = running.app.getHttpServer().address() as { port: number };
    return { url: `http://127.0.0.1:${port}`, monitor: running.app.get(IntegrityMonitor) };
  }

  function copyOf(edit: boolean): string {
    const file = join(mkdtempSync(join(work, 'copy-')), 'ledger.db');
    copyFileSync(original, file);
    if (edit) tamper(file, (db) => db.prepare("UPDATE events SET data = json_set(data, '$.amount', 1000) WHERE position = ?").run(tamperedAt));
    return file;
  }

  it('a tampered log: /health 503 "broken at N", reads flagged, writes refused with INTEGRITY_BROKEN and nothing recorded', async () => {
    const { url, monitor } = await serve(copyOf(true));
    expect(await monitor.settled()).toMatchObject({ state: 'broken', position: tamperedAt });

    const health = await get(url, '/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'broken', integrity: `broken at ${tamperedAt}` });
    const head = health.body.position as number;

    const read = await get(url, `/api/v1/allocations/${ALLOCATION}`);
    expect(read.status).toBe(200);
    expect(read.integrity).toBe(`broken at ${tamperedAt}`);

    const write = await post(url, '/api/v1/allocations', {
      id: 'PT-DA1.1-2022-B',
      parentId: 'LC-DA1.1-2022',
      unit: 'PHONG-THO',
      amount: 1_000_000,
      decision: DECISION_747,
    });
    expect(write).toMatchObject({ status: 503, body: { code: 'INTEGRITY_BROKEN' } });
    expect(write.body.message).toMatch(new RegExp(`broken at ${tamperedAt}`));
    expect((await get(url, '/health')).body.position).toBe(head);
  });

  it('an intact log: /health ok and intact, no warning header, writes recorded', async () => {
    const { url, monitor } = await serve(copyOf(false));
    expect(await monitor.settled()).toMatchObject({ state: 'intact' });
    const health = await get(url, '/health');
    expect(health).toMatchObject({ status: 200, integrity: null, body: { status: 'ok', integrity: 'intact' } });
    expect((await get(url, `/api/v1/allocations/${ALLOCATION}`)).integrity).toBeNull();
    const write = await post(url, '/api/v1/allocations', {
      id: 'PT-DA1.1-2022-B',
      parentId: 'LC-DA1.1-2022',
      unit: 'PHONG-THO',
      amount: 1_000_000,
      decision: DECISION_747,
    });
    expect(write.status).toBe(201);
  });

  describe('compiled, the pass on its worker thread (needs `npm run build`)', () => {
    const MAIN = compiled('dist/apps/api/src/main.js');
    let child: ChildProcess | undefined;
    afterEach(() => child?.kill());

    it('turns /health to 503 once the pass on its worker finds the break, flags reads and logs it loudly', async () => {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const logs: string[] = [];
      child = spawn(process.execPath, [MAIN], {
        env: { ...process.env, PORT: String(port), LEDGER_DB: copyOf(true), LEDGER_ADMIN_TOKEN: ADMIN_TOKEN, LEDGER_LOG: 'on' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (d: Buffer) => logs.push(d.toString()));
      child.stderr!.on('data', (d: Buffer) => logs.push(d.toString()));
      let exited = false;
      child.once('exit', () => (exited = true));
      // Bounded by the process, not the clock: polled until the pass has spoken or the server died.
      let health: { status: number; body: any } | undefined;
      while (!exited && health?.body?.integrity !== `broken at ${tamperedAt}`) {
        health = await get(url, '/health').catch(() => undefined);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(exited).toBe(false);
      expect(health!.status).toBe(503);
      expect((await get(url, `/api/v1/allocations/${ALLOCATION}`)).integrity).toBe(`broken at ${tamperedAt}`);
      expect(logs.join('')).toMatch(new RegExp(`HASH CHAIN IS BROKEN AT POSITION ${tamperedAt}`));
    });
  });
});
