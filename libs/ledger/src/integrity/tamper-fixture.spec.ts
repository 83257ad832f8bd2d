import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteLedgerStore } from '../../../adapters/src/sqlite/sqlite-ledger-store';
import { GENESIS_HASH, type LedgerMetadata, type StoredEvent } from '../ports/event-store.port';
import { chainHash } from './hash-chain';
import { PROJECTIONS, auditKeys } from '../projections';

/**
 * Shared by the tamper tests (named *.spec.ts so the build leaves it out, without the .int/.unit
 * part so jest does not run it as a suite).
 */
export const STREAMS = ['test-a', 'test-b', 'test-c', 'test-d'] as const;
export const EVENT_COUNT = 20;

export type TempLedger = Readonly<{ dir: string; file: string; remove: () => void }>;

export function tempLedger(): TempLedger {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-integrity-'));
  return { dir, file: join(dir, 'ledger.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function openStore(file: string): SqliteLedgerStore {
  return new SqliteLedgerStore(file, { projections: PROJECTIONS, auditKeys });
}

export function metadata(i: number): LedgerMetadata {
  return {
    actor: { userId: 'u-auditor', role: 'admin' },
    recordedAt: new Date(Date.UTC(2024, 0, 1, 8, i)).toISOString(),
    correlationId: `corr-${i}`,
    causationId: null,
    idempotencyKey: null,
    decision: i % 5 === 0 ? { number: `${100 + i}/QĐ-UBND`, date: '2024-01-01', issuer: 'UBND tỉnh Lai Châu' } : null,
    reason: null,
    requestHash: null,
  };
}

/**
 * Event i (0-based) lands at position i + 1 in stream STREAMS[i % 4] at revision ⌊i / 4⌋, so
 * positions 1, 5, 9, … are revisions 0, 1, 2, … of test-a. The types are unknown to the
 * projections on purpose: only the log is under test.
 */
export async function appendEvents(file: string, count = EVENT_COUNT, from = 0): Promise<StoredEvent[]> {
  const store = openStore(file);
  try {
    for (let i = from; i < from + count; i++) {
      const streamId = STREAMS[i % STREAMS.length]!;
      const revision = Math.floor(i / STREAMS.length);
      await store.append(streamId, revision === 0 ? 'no_stream' : revision - 1, [
        {
          id: `evt-${String(i).padStart(3, '0')}`,
          type: 'IntegrityProbeRecorded',
          schemaVersion: 1,
          data: { seq: i, amount: 1_000_000 * (i + 1), note: `probe ${i}` },
          metadata: metadata(i),
        },
      ]);
    }
    return await store.readAll(0, 10_000);
  } finally {
    await store.close();
  }
}

/** What someone with write access to the file does: the triggers are only in the way. */
export function tamper(file: string, act: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    db.exec('DROP TRIGGER IF EXISTS events_are_immutable; DROP TRIGGER IF EXISTS events_are_permanent;');
    db.transaction(() => act(db))();
  } finally {
    db.close();
  }
}

export function insertRow(db: Database.Database, e: StoredEvent): void {
  db.prepare(
    'INSERT INTO events (position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at, hash) VALUES (?,?,?,?,?,?,?,?,?,?)',
  ).run(e.position, e.id, e.streamId, e.revision, e.type, e.schemaVersion, JSON.stringify(e.data), JSON.stringify(e.metadata), e.metadata.recordedAt, e.hash);
}

/** Moves every row from `position` on one place up, leaving `position` free (two steps: the key is unique at every row). */
export function makeRoomAt(db: Database.Database, position: number): void {
  db.prepare('UPDATE events SET position = -position WHERE position >= ?').run(position);
  db.prepare('UPDATE events SET position = 1 - position WHERE position < 0').run();
}

export function swapPositions(db: Database.Database, a: number, b: number): void {
  db.prepare('UPDATE events SET position = -1 WHERE position = ?').run(a);
  db.prepare('UPDATE events SET position = ? WHERE position = ?').run(a, b);
  db.prepare('UPDATE events SET position = ? WHERE position = -1').run(b);
}

type Row = {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  hash: string;
};

/** A careful attacker: after changing rows, recomputes every hash from `fromPosition` on so the chain itself holds. */
export function rechain(db: Database.Database, fromPosition: number): void {
  let prev =
    fromPosition === 1 ? GENESIS_HASH : db.prepare<[number], { hash: string }>('SELECT hash FROM events WHERE position = ?').get(fromPosition - 1)!.hash;
  const rows = db.prepare<[number], Row>('SELECT * FROM events WHERE position >= ? ORDER BY position').all(fromPosition);
  const update = db.prepare('UPDATE events SET hash = ? WHERE position = ?');
  for (const r of rows) {
    prev = chainHash(prev, {
      position: r.position,
      id: r.event_id,
      streamId: r.stream_id,
      revision: r.revision,
      type: r.type,
      schemaVersion: r.schema_version,
      data: JSON.parse(r.data),
      metadata: JSON.parse(r.metadata),
    });
    update.run(prev, r.position);
  }
}
