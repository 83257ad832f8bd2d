import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../apps/cli/src/cli';
import { openExistingLedger } from '../apps/cli/src/ledger-file';
import { chainHash } from '../libs/ledger/src/integrity/hash-chain';
import {
  STREAMS,
  appendEvents,
  insertRow,
  metadata,
  swapPositions,
  tamper,
  tempLedger,
  type TempLedger,
} from '../libs/ledger/src/integrity/tamper-fixture.spec';
import type { StoredEvent } from '../libs/ledger/src/ports/event-store.port';
import { storyLogFile } from './support/story';

/** Every file of a folder: its bytes' digest and its modification time to the nanosecond. */
export function folderState(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => {
        const file = join(dir, name);
        return [name, `${createHash('sha256').update(readFileSync(file)).digest('hex')} ${statSync(file, { bigint: true }).mtimeNs}`];
      }),
  );
}

async function ledger(file: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, { LEDGER_DB: file });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * Issue 15, defect 6: a log file alone (no read-model file) in which two events of different
 * streams were swapped. Folding it into read models fails on the swapped events; the verifier must
 * not fold it at all, must name the broken position, and must leave the folder as it found it.
 */
describe('ledger verify reads the log and nothing else', () => {
  let work: string;
  let original: string;
  /** The unit created first (a province) and its district right after it: swapped, the district has no parent yet. */
  let swapped: [number, number];
  /** Signed on the log before it was tampered with. */
  let checkpoint: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'verify-read-only-'));
    original = join(work, 'original.db');
    await storyLogFile(original);
    const db = new Database(original, { readonly: true });
    try {
      const at = (unit: string) =>
        db
          .prepare<[string], { position: number; stream_id: string }>(
            "SELECT position, stream_id FROM events WHERE type = 'UnitRegistered' AND lower(json_extract(data, '$.code')) = lower(?)",
          )
          .get(unit)!;
      const [province, district] = [at('LAI-CHAU'), at('PHONG-THO')];
      expect(province.stream_id).not.toBe(district.stream_id);
      swapped = [province.position, district.position];
    } finally {
      db.close();
    }
    expect((await ledger(original, 'checkpoint', 'keygen', '--out', join(work, 'keys'))).code).toBe(0);
    checkpoint = join(work, 'checkpoint.json');
    expect((await ledger(original, 'checkpoint', 'sign', '--key', join(work, 'keys', 'private.pem'), '--out', checkpoint)).code).toBe(0);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** A folder holding only a copy of the log, swapped. */
  function tamperedCopy(): { dir: string; file: string } {
    const dir = mkdtempSync(join(work, 'copy-'));
    const file = join(dir, 'ledger.db');
    copyFileSync(original, file);
    tamper(file, (db) => swapPositions(db, ...swapped));
    return { dir, file };
  }

  it('the swap is one that folding the log into read models cannot get past', () => {
    const { file } = tamperedCopy();
    expect(() => openExistingLedger(file)).toThrow(/projection/);
  });

  it('names the first swapped position, exit 1, and leaves every file of the folder as it was', async () => {
    const { dir, file } = tamperedCopy();
    const before = folderState(dir);
    expect(Object.keys(before)).toEqual(['ledger.db']);

    const r = await ledger(file, 'verify');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`^broken at position ${Math.min(...swapped)}: `));
    expect(r.err).toBe('');

    const since = await ledger(file, 'verify', '--since', checkpoint, '--public-key', join(work, 'keys', 'public.pem'));
    expect(since.code).toBe(1);
    expect(since.out).toMatch(new RegExp(`^broken at position ${Math.min(...swapped)}: `));

    const sign = await ledger(file, 'checkpoint', 'sign', '--key', join(work, 'keys', 'private.pem'));
    expect(sign.code).toBe(1);
    expect(sign.out).toMatch(new RegExp(`^not signing: broken at position ${Math.min(...swapped)}: `));
    expect(folderState(dir)).toEqual(before);
  });

  it('an intact log alone still verifies, touching nothing', async () => {
    const dir = mkdtempSync(join(work, 'intact-'));
    const file = join(dir, 'ledger.db');
    copyFileSync(original, file);
    const before = folderState(dir);
    const r = await ledger(file, 'verify');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^intact: \d+ events, head position \d+, digest [0-9a-f]{64}$/);
    expect(folderState(dir)).toEqual(before);
  });
});

/**
 * A WAL-mode log whose last commits are still in its -wal (not yet checkpointed into the file):
 * read in place while a writer holds it open, or from a copy of the file and its -wal (what a crash
 * or a file-level backup leaves), the verifier must see those commits and still create nothing.
 */
describe('ledger verify on a log with commits only in its -wal', () => {
  let tmp: TempLedger;
  let writer: Database.Database;

  beforeEach(async () => {
    tmp = tempLedger();
    const events = await appendEvents(tmp.file);
    writer = new Database(tmp.file);
    writer.pragma('wal_autocheckpoint = 0');
    let prev = events.at(-1)!;
    for (let i = events.length; i < events.length + 4; i++) {
      const e = {
        position: i + 1,
        id: `evt-${i}`,
        streamId: STREAMS[i % STREAMS.length]!,
        revision: Math.floor(i / STREAMS.length),
        type: 'IntegrityProbeRecorded',
        schemaVersion: 1,
        data: { seq: i, amount: 1_000_000 * (i + 1), note: `probe ${i}` },
        metadata: metadata(i),
      };
      const stored: StoredEvent = { ...e, hash: chainHash(prev.hash, e) };
      insertRow(writer, stored);
      prev = stored;
    }
  });
  afterEach(() => {
    if (writer.open) writer.close();
    tmp.remove();
  });

  it('reads them in place beside a writer that holds the log open, changing neither the file nor its -wal', async () => {
    const names = readdirSync(tmp.dir).sort();
    expect(names).toEqual(['ledger.db', 'ledger.db-shm', 'ledger.db-wal', 'ledger.db.read-models']);
    expect(statSync(`${tmp.file}-wal`).size).toBeGreaterThan(0);
    // The -shm is the writer's shared memory (read marks move in it), not the ledger: its bytes are left out.
    const data = () => Object.fromEntries(Object.entries(folderState(tmp.dir)).filter(([n]) => n !== 'ledger.db-shm'));
    const before = data();
    const r = await ledger(tmp.file, 'verify');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^intact: 24 events, head position 24, /);
    expect(data()).toEqual(before);
    expect(readdirSync(tmp.dir).sort()).toEqual(names);
  });

  it('reads them from a copy of the file and its -wal without creating a -shm beside them', async () => {
    const dir = mkdtempSync(join(tmp.dir, 'crash-'));
    const file = join(dir, 'ledger.db');
    copyFileSync(tmp.file, file);
    copyFileSync(`${tmp.file}-wal`, `${file}-wal`);
    const before = folderState(dir);
    expect(Object.keys(before)).toEqual(['ledger.db', 'ledger.db-wal']);
    const r = await ledger(file, 'verify');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^intact: 24 events, head position 24, /);
    expect(folderState(dir)).toEqual(before);

    // The four commits are in the -wal alone: the file without it holds the first twenty.
    const alone = mkdtempSync(join(tmp.dir, 'alone-'));
    copyFileSync(tmp.file, join(alone, 'ledger.db'));
    expect((await ledger(join(alone, 'ledger.db'), 'verify')).out).toMatch(/^intact: 20 events, head position 20, /);
  });

  it('finds a link broken inside the -wal', async () => {
    writer.exec('DROP TRIGGER events_are_immutable');
    writer.prepare("UPDATE events SET data = json_set(data, '$.amount', 1) WHERE position = 22").run();
    const before = Object.fromEntries(Object.entries(folderState(tmp.dir)).filter(([n]) => n !== 'ledger.db-shm'));
    const r = await ledger(tmp.file, 'verify');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^broken at position 22: stored hash/);
    expect(Object.fromEntries(Object.entries(folderState(tmp.dir)).filter(([n]) => n !== 'ledger.db-shm'))).toEqual(before);
  });
});
