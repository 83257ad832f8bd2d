import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../apps/cli/src/cli';
import { bootBuiltServer } from './support/built-server';
import { compiled } from './support/compiled';
import { freePort } from './support/free-port';
import { call, type Reply } from './support/server';
import { DECISION_747, LINE } from './support/story';

compiled('dist/apps/api/src/main.js');
const TOKEN = 'storage-full-admin';
const CLIENTS = 8;
const ALLOCATIONS = ['R0', 'R1', 'R2', 'R3'];
/** A request still unanswered after this long is what the issue reported (hung until space returned): fail it loudly. */
const HUNG_MS = 30_000;

/**
 * A full disk, made real without root or a tiny filesystem: LEDGER_PAGE_LIMITS caps the log's or the
 * read models' file with `PRAGMA max_page_count`, and SQLite answers SQLITE_FULL exactly as when a
 * write meets ENOSPC. Space is "freed" by raising the cap while the server runs.
 */
describe('a full disk: 507 at once, nothing recorded for it, writes resume by themselves (needs `npm run build`)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-full-'));
  const db = join(dir, 'ledger.db');
  const limits = join(dir, 'page-limits.json');
  let url = '';
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (path: string, body: unknown): Promise<Reply> => call(url, 'POST', path, { token: TOKEN, body });
  const get = (path: string): Promise<Reply> => call(url, 'GET', path, { token: TOKEN });
  const pageCount = (file: string): number => {
    const c = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return c.pragma('page_count', { simple: true }) as number;
    } finally {
      c.close();
    }
  };
  let n = 0;
  const pay = (i: number) => ({ id: `D${i}`, amount: 1_000 + i, valueDate: '2022-10-01', voucher: `V${i}` });

  /** 8 clients post payments until each has been told three times the disk is full; every answer is kept. */
  async function fillUp(): Promise<{ acked: string[]; refused: string[]; others: Reply[]; slowestMs: number }> {
    const acked: string[] = [];
    const refused: string[] = [];
    const others: Reply[] = [];
    let slowestMs = 0;
    const client = async (c: number) => {
      for (let full = 0; full < 3;) {
        const i = n++;
        const started = performance.now();
        const r = await Promise.race([
          post(`/api/v1/allocations/${ALLOCATIONS[c % ALLOCATIONS.length]}/disbursements`, pay(i)),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`payment D${i} unanswered after ${HUNG_MS} ms`)), HUNG_MS).unref()),
        ]);
        slowestMs = Math.max(slowestMs, performance.now() - started);
        if (r.status === 201) acked.push(`D${i}`);
        else if (r.status === 507) {
          expect(r.body.code).toBe('STORAGE_FULL');
          refused.push(`D${i}`);
          full += 1;
        } else others.push(r);
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    return { acked, refused, others, slowestMs };
  }

  /** Space returns: the first write that finds room succeeds (the read models' projector retries each second). */
  async function freeSpaceAndPay(): Promise<{ id: string; refusedMeanwhile: string[] }> {
    writeFileSync(limits, '{}');
    const refusedMeanwhile: string[] = [];
    for (;;) {
      const i = n++;
      const r = await post('/api/v1/allocations/R0/disbursements', pay(i));
      if (r.status === 201) return { id: `D${i}`, refusedMeanwhile };
      expect(r.status).toBe(507);
      refusedMeanwhile.push(`D${i}`);
      await new Promise((res) => setTimeout(res, 100));
    }
  }

  /** How many times the trail holds the payment (an id never recorded is refused as an unknown reference). */
  const recorded = async (id: string): Promise<number> => {
    const r = await get(`/api/v1/audit?disbursement=${id}`);
    if (r.status === 400 && r.body.code === 'UNKNOWN_REFERENCE') return 0;
    return r.body.items.length;
  };

  it('answers every request, keeps what it acknowledged, records none it refused, and verifies intact', async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = await bootBuiltServer(db, port, TOKEN, { LEDGER_PAGE_LIMITS: limits });
    await post('/api/v1/units', { code: 'VN', name: 'Trung ương', level: 'central' });
    await post('/api/v1/units', { code: 'LC', name: 'Lai Châu', level: 'province', parent: 'VN' });
    await post('/api/v1/units', { code: 'PT', name: 'Phong Thổ', level: 'district', parent: 'LC' });
    for (const id of ALLOCATIONS)
      expect((await post('/api/v1/allocations', { id, unit: 'PT', ...LINE, amount: 10_000_000_000_000, decision: DECISION_747 })).status).toBe(201);
    const acked: string[] = [];
    const refused: string[] = [];

    // 1. The log's file fills: its commit fails, is rolled back, and its callers are told at once.
    writeFileSync(limits, JSON.stringify({ log: pageCount(db) + 24 }));
    const log = await fillUp();
    expect(log.others).toEqual([]);
    expect(log.acked.length).toBeGreaterThan(0);
    expect(log.refused.length).toBeGreaterThanOrEqual(CLIENTS * 3);
    const whileLogFull = await get('/health');
    expect(whileLogFull).toMatchObject({ status: 503, body: { status: 'storage_full', storage: expect.stringMatching(/^full: the log/) } });
    const afterLog = await freeSpaceAndPay();
    expect(afterLog.refusedMeanwhile).toEqual([]);
    expect((await get('/health')).body).toMatchObject({ status: 'ok', storage: 'ok' });
    acked.push(...log.acked, afterLog.id);
    refused.push(...log.refused);

    // 2. The read models' file fills: the projector cannot apply what the log holds. Callers whose
    // events are in the log are answered 201 at once; new writes are refused before they are written.
    writeFileSync(limits, JSON.stringify({ readModels: pageCount(`${db}.read-models`) + 8 }));
    const reads = await fillUp();
    expect(reads.others).toEqual([]);
    expect(reads.refused.length).toBeGreaterThanOrEqual(CLIENTS * 3);
    expect(await get('/health')).toMatchObject({ status: 503, body: { status: 'storage_full', storage: expect.stringMatching(/^full: the read models/) } });
    const afterReads = await freeSpaceAndPay();
    acked.push(...reads.acked, afterReads.id);
    refused.push(...reads.refused, ...afterReads.refusedMeanwhile);
    expect((await get('/health')).body).toMatchObject({ status: 'ok', storage: 'ok' });
    process.stdout.write(
      `storage-full: log full ${log.acked.length} acked / ${log.refused.length} refused (slowest ${Math.round(log.slowestMs)} ms); ` +
        `read models full ${reads.acked.length} / ${reads.refused.length} (slowest ${Math.round(reads.slowestMs)} ms)\n`,
    );

    for (const id of acked) expect(await recorded(id)).toBe(1);
    for (const id of refused) expect(await recorded(id)).toBe(0);

    // Nothing refused turns up later either: the log itself, once the server is stopped.
    server.kill('SIGTERM');
    await new Promise((r) => server!.once('exit', r));
    server = undefined;
    const file = new Database(db, { readonly: true });
    const inLog = new Set(
      file
        .prepare<[], { id: string }>("SELECT json_extract(data, '$.disbursementId') AS id FROM events WHERE type = 'DisbursementRecorded'")
        .all()
        .map((r) => r.id),
    );
    file.close();
    expect([...inLog].sort()).toEqual([...acked].sort());
    const out: string[] = [];
    expect(await runCli(['verify'], { out: (l) => out.push(l), err: () => undefined }, { LEDGER_DB: db })).toBe(0);
    expect(out.join('\n')).toMatch(/^intact: /m);
  });
});
