import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { LedgerMetadata, NewEvent } from '../../../ledger/src/ports/event-store.port';
import {
  PROJECTIONS,
  auditKeys,
  ALLOCATIONS,
  DISBURSEMENTS,
  DISBURSED_BY_DAY,
  type AllocationDoc,
  type DisbursementDoc,
} from '../../../ledger/src/projections';
import { verifyChain } from '../../../ledger/src/integrity/verify-chain';
import { MemoryLedgerStore } from '../memory/memory-ledger-store';
import { readModelsFile } from './schema';
import { SqliteLedgerStore } from './sqlite-ledger-store';
import { ReadModelRebuild, rebuildReadModels } from './sqlite-rebuild';
import { replayCopy } from './sqlite-replay';

const OPTIONS = { projections: PROJECTIONS, auditKeys };
const decision = { number: '747/QĐ-UBND', date: '2022-06-30', issuer: 'UBND tỉnh Lai Châu' };
const line = { program: 'GNBV-2021-2025', project: 'DA1', subProject: 'DA1.1', fiscalYear: 2022, capitalType: 'investment', source: 'central' };

/** The i-th event's stamp: one minute apart from 2022-12-31 00:00 in Hà Nội. */
const at = (i: number) => new Date(Date.parse('2022-12-30T17:00:00.000Z') + i * 60_000).toISOString();
const meta = (i: number): LedgerMetadata => ({
  actor: { userId: 'pt-finance', role: 'finance_officer' },
  recordedAt: at(i),
  correlationId: `c-${i}`,
  causationId: null,
  idempotencyKey: null,
  requestHash: null,
  decision: null,
  reason: null,
});

type Step = Readonly<{ stream: string; event: NewEvent }>;

/**
 * A deterministic history on three allocations: grants, payments, adjustments and reversals of
 * both schema versions (v1: no value date, as an older release wrote them).
 */
function history(): Step[] {
  const steps: Step[] = [];
  const push = (allocation: number, type: string, data: Record<string, unknown>, schemaVersion = 1) => {
    const i = steps.length;
    steps.push({ stream: `allocation-A${allocation}`, event: { id: `e-${i}`, type, schemaVersion, data, metadata: meta(i) } });
  };
  for (let a = 0; a < 3; a++) {
    push(a, 'AllocationGranted', {
      allocationId: `A${a}`,
      unit: 'PHONG-THO',
      grantedBy: null,
      parentId: null,
      ancestry: [],
      line,
      amount: 100_000_000,
      decision,
      transferId: null,
    });
  }
  for (let k = 0; k < 30; k++) {
    const a = k % 3;
    const base = { allocationId: `A${a}`, unit: 'PHONG-THO', ancestry: [] };
    push(a, 'DisbursementRecorded', {
      ...base,
      disbursementId: `D${k}`,
      amount: 1_000_000 + k,
      valueDate: k < 15 ? '2022-12-20' : '2023-01-02',
      voucher: `UNC-${k}`,
      payee: null,
      purpose: null,
    });
    if (k % 7 === 3) push(a, 'DisbursementReversed', { ...base, disbursementId: `D${k}`, amount: 1_000_000 + k, reason: 'sai chứng từ', decision: null }, 1);
    if (k % 7 === 5)
      push(a, 'DisbursementReversed', { ...base, disbursementId: `D${k}`, amount: 1_000_000 + k, valueDate: '2023-01-03', reason: 'trùng', decision: null }, 2);
    if (k % 10 === 9)
      push(a, 'AllocationAdjusted', { allocationId: `A${a}`, unit: 'PHONG-THO', delta: -1_000, allocated: 0, decision, reason: 'cắt giảm', transferId: null });
  }
  return steps;
}

/** AllocationAdjusted carries the new total: recomputed here so the story is consistent. */
function consistent(steps: Step[]): Step[] {
  const allocated = new Map<string, number>();
  return steps.map((s) => {
    const d = s.event.data as { allocationId: string; amount?: number; delta?: number };
    if (s.event.type === 'AllocationGranted') allocated.set(d.allocationId, d.amount!);
    if (s.event.type !== 'AllocationAdjusted') return s;
    const next = allocated.get(d.allocationId)! + d.delta!;
    allocated.set(d.allocationId, next);
    return { ...s, event: { ...s.event, data: { ...s.event.data, allocated: next } } };
  });
}

const STEPS = consistent(history());

async function appendAll(store: { append: SqliteLedgerStore['append'] }, steps: readonly Step[], revisions = new Map<string, number>()) {
  for (const s of steps) {
    const r = revisions.get(s.stream);
    const res = await store.append(s.stream, r === undefined ? 'no_stream' : r, [s.event]);
    revisions.set(s.stream, res.nextExpectedRevision);
  }
  return revisions;
}

/** Canonical checksums of the read models: rows sorted by collection and id (and position). */
function checksums(file: string) {
  const db = new Database(readModelsFile(file), { readonly: true });
  const hash = (sql: string) =>
    createHash('sha256')
      .update(JSON.stringify(db.prepare(sql).raw().all()))
      .digest('hex');
  const sums = {
    documents: hash('SELECT collection, id, body FROM documents ORDER BY collection, id'),
    versions: hash('SELECT collection, id, position, body FROM document_versions ORDER BY collection, id, position'),
    auditKeys: hash('SELECT key, position FROM audit_keys ORDER BY key, position'),
  };
  db.close();
  return sums;
}

describe('SQLite history, rebuild and replay', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-history-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function incremental(name: string, steps = STEPS): Promise<string> {
    const file = join(dir, name);
    const store = new SqliteLedgerStore(file, OPTIONS);
    await appendAll(store, steps);
    await store.close();
    return file;
  }

  it('a rebuild of everything equals the incremental read models, checksum for checksum', async () => {
    const file = await incremental('a.db');
    const before = checksums(file);
    const report = await rebuildReadModels(file, OPTIONS);
    expect(report).toMatchObject({ rebuilt: 'all', events: STEPS.length, position: STEPS.length });
    expect(checksums(file)).toEqual(before);
  });

  it.each(ReadModelRebuild.names(PROJECTIONS))('a rebuild of %s alone changes nothing either', async (name) => {
    const file = await incremental('a.db');
    const before = checksums(file);
    await rebuildReadModels(file, OPTIONS, name);
    expect(checksums(file)).toEqual(before);
  });

  it('rebuilds while appends go on, switches atomically, and ends where the incremental store ends', async () => {
    const file = join(dir, 'live.db');
    const live = new SqliteLedgerStore(file, OPTIONS);
    const half = Math.floor(STEPS.length / 2);
    const revisions = await appendAll(live, STEPS.slice(0, half));
    const pending = STEPS.slice(half);
    const db = new Database(readModelsFile(file));
    db.pragma('busy_timeout = 5000');
    const log = new Database(file);
    const rebuild = ReadModelRebuild.start(db, log, OPTIONS, null, 4);
    // Between chunks the "server" appends, and its readers keep getting the old, complete answers.
    const report = await rebuild.run(async () => {
      const next = pending.shift();
      if (next) await appendAll(live, [next], revisions);
      const a0 = await live.get<AllocationDoc>(ALLOCATIONS, 'A0');
      expect(a0?._position).toBeGreaterThan(0);
    });
    db.close();
    log.close();
    await appendAll(live, pending, revisions);
    await live.close();
    expect(report.position).toBeGreaterThanOrEqual(half);
    expect(checksums(file)).toEqual(checksums(await incremental('reference.db')));
  });

  it('rebuilds read models built by an older release when the ledger is opened', async () => {
    const file = await incremental('old.db');
    const before = checksums(file);
    const db = new Database(readModelsFile(file));
    db.exec("DELETE FROM document_versions; DELETE FROM documents WHERE collection = 'disbursed-by-day'; UPDATE projection_state SET version = 2");
    db.close();
    await new SqliteLedgerStore(file, OPTIONS).close();
    expect(checksums(file)).toEqual(before);
  });

  it('rebuilds a deleted read-model file, and one that belongs to another log, when the ledger is opened', async () => {
    const file = await incremental('a.db');
    const before = checksums(file);
    rmSync(readModelsFile(file));
    await new SqliteLedgerStore(file, OPTIONS).close();
    expect(checksums(file)).toEqual(before);
    // Read models of a longer history beside this log: their position's event is not this log's.
    const other = await incremental('b.db', [
      ...STEPS,
      ...STEPS.slice(0, 3).map((s, i) => ({ stream: `allocation-X${i}`, event: { ...s.event, id: `x-${i}` } })),
    ]);
    copyFileSync(readModelsFile(other), readModelsFile(file));
    await new SqliteLedgerStore(file, OPTIONS).close();
    expect(checksums(file)).toEqual(before);
  });

  it('catches up read models that a crash left behind the log', async () => {
    const reference = checksums(await incremental('reference.db'));
    const file = join(dir, 'c.db');
    const store = new SqliteLedgerStore(file, OPTIONS);
    const revisions = await appendAll(store, STEPS.slice(0, 10));
    await store.close();
    // The read-model file as it stood at position 10 while the log went on: as after a crash
    // between the log's commit and the projector's.
    copyFileSync(readModelsFile(file), join(dir, 'at-10'));
    const again = new SqliteLedgerStore(file, OPTIONS);
    await appendAll(again, STEPS.slice(10), revisions);
    await again.close();
    copyFileSync(join(dir, 'at-10'), readModelsFile(file));
    const reopened = new SqliteLedgerStore(file, OPTIONS);
    expect(await reopened.checkpoint()).toBe(STEPS.length);
    await reopened.close();
    expect(checksums(file)).toEqual(reference);
  });

  it('keeps the read models right with two ledgers open on the same files (a server and a command-line import)', async () => {
    const reference = checksums(await incremental('reference.db'));
    const file = join(dir, 'shared.db');
    const a = new SqliteLedgerStore(file, OPTIONS);
    const b = new SqliteLedgerStore(file, OPTIONS);
    const revisions = new Map<string, number>();
    // Turn by turn: each one's log and projector find the other's commits and do not trust what they cached.
    for (let i = 0; i < STEPS.length; i++) await appendAll(i % 2 === 0 ? a : b, [STEPS[i]!], revisions);
    expect(await a.checkpoint()).toBe(STEPS.length);
    expect(await b.get(ALLOCATIONS, 'A0')).toEqual(await a.get(ALLOCATIONS, 'A0'));
    await a.close();
    await b.close();
    expect(checksums(file)).toEqual(reference);
  });

  it('replays v1 reversals under the current release: same balances, value date = the day recorded in Hà Nội', async () => {
    const file = await incremental('v1.db');
    const store = new SqliteLedgerStore(file, OPTIONS);
    const stored = await store.readAll(0, 1000);
    const v1 = stored.filter((e) => e.type === 'DisbursementReversed' && e.schemaVersion === 1);
    expect(v1.length).toBeGreaterThan(0);
    // The log keeps what was written: no value date, schema version 1, the chain intact.
    expect(v1.every((e) => !('valueDate' in e.data))).toBe(true);
    expect((await verifyChain(store)).ok).toBe(true);
    let net = 0;
    for (const s of STEPS) {
      const d = s.event.data as { allocationId: string; amount: number };
      if (d.allocationId !== 'A0') continue;
      if (s.event.type === 'DisbursementRecorded') net += d.amount;
      if (s.event.type === 'DisbursementReversed') net -= d.amount;
    }
    expect((await store.get<AllocationDoc>(ALLOCATIONS, 'A0'))!.disbursed).toBe(net);
    const first = v1[0]!;
    const doc = await store.get<DisbursementDoc>(DISBURSEMENTS, (first.data as { disbursementId: string }).disbursementId);
    const day = new Date(Date.parse(first.metadata.recordedAt) + 7 * 3600_000).toISOString().slice(0, 10);
    expect(doc!.reversal).toMatchObject({ valueDate: day, position: first.position });
    const days = await store.find<{ valueDate: string; disbursed: number; allocationId: string }>(DISBURSED_BY_DAY, { allocationId: 'A0' });
    expect(days.reduce((sum, d) => sum + d.disbursed, 0)).toBe(net);
    await store.close();
  });

  it('writes a replay copy: the log up to the point, byte for byte, its read models, and no appends', async () => {
    const file = await incremental('src.db');
    const source = new SqliteLedgerStore(file, OPTIONS);
    const k = 20;
    const [atK] = await source.readPositions([k]);
    const out = join(dir, 'copy.db');
    const report = await replayCopy(file, out, k, OPTIONS);
    expect(report).toMatchObject({ position: k, events: k, hash: atK!.hash });
    const copy = new SqliteLedgerStore(out, OPTIONS);
    expect(await copy.readAll(0, 1000)).toEqual(await source.readAll(0, k));
    for (const id of ['A0', 'A1', 'A2']) expect(await copy.get(ALLOCATIONS, id)).toEqual(await source.getAt(ALLOCATIONS, id, k));
    expect((await verifyChain(copy)).ok).toBe(true);
    const raw = new Database(out, { readonly: true });
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name = 'replay_copy_is_read_only'").get()).toBeDefined();
    raw.close();
    // better-sqlite3's errors are not Errors of jest's realm: compare the message.
    const refused = await copy.append('allocation-NEW', 'no_stream', [{ ...STEPS[0]!.event, id: 'e-new' }]).then(
      () => 'appended',
      (e: Error) => e.message,
    );
    expect(refused).toMatch(/read-only replay copy/);
    await expect(replayCopy(file, out, k, OPTIONS)).rejects.toThrow(/already exists/);
    await copy.close();
    await source.close();
  });

  it('answers time-travel reads the same on SQLite and in memory', async () => {
    const sqlite = new SqliteLedgerStore(join(dir, 'x.db'), OPTIONS);
    const memory = new MemoryLedgerStore(OPTIONS);
    await appendAll(sqlite, STEPS);
    await appendAll(memory, STEPS);
    const sort = <T extends { id: string }>(docs: T[]) => docs.sort((a, b) => a.id.localeCompare(b.id));
    for (let p = 0; p <= STEPS.length; p += 3) {
      for (const id of ['A0', 'A1', 'A2']) expect(await memory.getAt(ALLOCATIONS, id, p)).toEqual(await sqlite.getAt(ALLOCATIONS, id, p));
      expect(sort(await memory.findAt<AllocationDoc>(ALLOCATIONS, { fiscalYear: 2022 }, p))).toEqual(
        sort(await sqlite.findAt<AllocationDoc>(ALLOCATIONS, { fiscalYear: 2022 }, p)),
      );
      expect(sort(await memory.findAt<AllocationDoc>(DISBURSED_BY_DAY, {}, p))).toEqual(sort(await sqlite.findAt<AllocationDoc>(DISBURSED_BY_DAY, {}, p)));
    }
    const a0 = await sqlite.getAt<AllocationDoc>(ALLOCATIONS, 'A0', 3);
    expect(a0).toMatchObject({ disbursed: 0, _position: 1 });
    expect(await sqlite.getAt(ALLOCATIONS, 'A2', 2)).toBeNull();
    for (const store of [sqlite, memory]) {
      expect(await store.positionAt('2022-01-01T00:00:00.000Z')).toBe(0);
      expect(await store.positionAt(at(10))).toBe(11);
      expect(await store.positionAt(new Date(Date.parse(at(10)) + 30_000).toISOString())).toBe(11);
      expect(await store.positionAt('2099-01-01T00:00:00.000Z')).toBe(STEPS.length);
    }
    await sqlite.close();
  });
});
