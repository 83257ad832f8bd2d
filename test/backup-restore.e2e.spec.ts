import { execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { bootBuiltServer } from './support/built-server';
import { compiled } from './support/compiled';
import { freePort } from './support/free-port';
import { call, type Reply } from './support/server';
import { DECISION_747, LINE } from './support/story';

const CLI = compiled('dist/apps/cli/src/main.js');
const TOKEN = 'backup-admin';
const CLIENTS = 16;
const ALLOCATIONS = ['R0', 'R1', 'R2', 'R3'];

type Run = { code: number; out: string; err: string };
/** The compiled CLI in a process of its own, as an operator runs it: the write load goes on meanwhile. */
const ledger = async (dbFile: string, ...args: string[]): Promise<Run> => {
  try {
    const r = await promisify(execFile)(process.execPath, [CLI, ...args], { env: { ...process.env, LEDGER_DB: dbFile } });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
};

const disbursementIds = (file: string): Set<string> => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare<[], { id: string }>("SELECT json_extract(data, '$.disbursementId') AS id FROM events WHERE type = 'DisbursementRecorded'").all();
    return new Set(rows.map((r) => r.id));
  } finally {
    db.close();
  }
};

describe('backup during a write load, restore, verify (needs `npm run build`)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-backup-'));
  const db = join(dir, 'live', 'ledger.db');
  const backup = join(dir, 'backups', 'ledger-backup.db');
  const restored = join(dir, 'restored', 'ledger.db');
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds every write acknowledged before the backup started in the restored, verified ledger', async () => {
    for (const d of ['live', 'backups', 'restored']) mkdirSync(join(dir, d));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    server = await bootBuiltServer(db, port, TOKEN);
    const post = (path: string, body: unknown): Promise<Reply> => call(url, 'POST', path, { token: TOKEN, body });
    await post('/api/v1/units', { code: 'VN', name: 'Trung ương', level: 'central' });
    await post('/api/v1/units', { code: 'LC', name: 'Lai Châu', level: 'province', parent: 'VN' });
    await post('/api/v1/units', { code: 'PT', name: 'Phong Thổ', level: 'district', parent: 'LC' });
    for (const id of ALLOCATIONS)
      expect((await post('/api/v1/allocations', { id, unit: 'PT', ...LINE, amount: 10_000_000_000_000, decision: DECISION_747 })).status).toBe(201);

    const acked: string[] = [];
    const failures: Reply[] = [];
    let stop = false;
    let n = 0;
    const client = async (c: number) => {
      while (!stop) {
        const i = n++;
        const r = await post(`/api/v1/allocations/${ALLOCATIONS[c % ALLOCATIONS.length]}/disbursements`, {
          id: `D${i}`,
          amount: 1_000 + i,
          valueDate: '2022-10-01',
          voucher: `V${i}`,
        });
        if (r.status === 201) acked.push(`D${i}`);
        else failures.push(r);
      }
    };
    const load = Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    try {
      while (acked.length < 200) await new Promise((r) => setTimeout(r, 20));
      const before = [...acked];
      const taken = await ledger(db, 'backup', '--out', backup);
      const during = acked.length - before.length;
      expect(taken).toMatchObject({ code: 0, out: expect.stringMatching(/^wrote .*chain intact/m) });
      // The copy was online: the server kept acknowledging writes while it was taken.
      expect(during).toBeGreaterThan(0);

      // A restore refuses a ledger a server holds open, even with --force.
      const refused = await ledger(db, 'restore', backup, '--force');
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/open in another process/);
      stop = true;
      await load;
      expect(failures).toEqual([]);

      // `verify` on the backup alone: no server, nothing created beside it.
      const verified = await ledger(backup, 'verify');
      expect(verified).toMatchObject({ code: 0, out: expect.stringMatching(/^intact: /m) });
      expect(existsSync(`${backup}-wal`) || existsSync(`${backup}.read-models`)).toBe(false);

      const put = await ledger(restored, 'restore', backup);
      expect(put).toMatchObject({ code: 0, out: expect.stringMatching(/^restored .*chain intact, read models rebuilt/m) });
      expect((await ledger(restored, 'verify')).code).toBe(0);
      // Restoring over an existing ledger needs --force.
      expect(await ledger(restored, 'restore', backup)).toMatchObject({ code: 1, err: expect.stringMatching(/exists: give --force/) });

      const inRestored = disbursementIds(restored);
      expect(before.filter((id) => !inRestored.has(id))).toEqual([]);
      // Nothing the live ledger does not hold, and the read models rebuilt from the restored log agree with it.
      const live = disbursementIds(db);
      expect([...inRestored].filter((id) => !live.has(id))).toEqual([]);
      const reads = new Database(`${restored}.read-models`, { readonly: true, fileMustExist: true });
      const docs = reads.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM documents WHERE collection = 'disbursements'").get()!.n;
      reads.close();
      expect(docs).toBe(inRestored.size);
      process.stdout.write(`backup: ${before.length} acknowledged before it, ${during} while it was taken, ${inRestored.size} payments in the copy\n`);
    } finally {
      stop = true;
      await load;
    }
  });
});
