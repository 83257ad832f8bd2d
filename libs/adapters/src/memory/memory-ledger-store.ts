import {
  GENESIS_HASH,
  IdempotencyKeyTaken,
  WrongExpectedVersion,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type IdempotencyRecord,
  type NewEvent,
  type StoredEvent,
  type StreamAppend,
} from '../../../ledger/src/ports/event-store.port';
import type { Doc, HistoricalReadStore, IndexQuery, Scalar, ScanPage } from '../../../ledger/src/ports/read-store.port';
import { scanMap } from './scan';
import { project, type Projection } from '../../../ledger/src/projections/projection';
import { chainHash } from '../../../ledger/src/integrity/hash-chain';

const key = (collection: string, id: string) => `${collection}\u0000${id}`;

/**
 * The log and read models in memory, for unit tests: the same semantics as the SQLite store
 * (expected revisions, one global order, read models updated atomically with the append).
 */
export class MemoryLedgerStore implements EventStore, HistoricalReadStore {
  private readonly log: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly docs = new Map<string, Doc>();
  /** Every version of every document, oldest first (time travel). */
  private readonly versions = new Map<string, Doc[]>();
  private readonly index = new Map<string, number[]>();
  private readonly idempotency = new Map<string, IdempotencyRecord>();

  constructor(private readonly options: Readonly<{ projections: readonly Projection[]; auditKeys: (e: StoredEvent) => readonly string[] }>) {}

  /** All-or-nothing: every stream is checked before anything is published. */
  async appendMany(appends: readonly StreamAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    for (const a of appends) {
      const length = this.streams.get(a.streamId)?.length ?? 0;
      const actual = length === 0 ? 'no_stream' : length - 1;
      if (a.expected !== actual) throw new WrongExpectedVersion(a.streamId, a.expected, actual);
    }
    if (new Set(appends.map((a) => a.streamId)).size !== appends.length) throw new Error('appendMany: a stream may appear once per call');
    const snapshot = {
      log: this.log.length,
      streams: new Map(this.streams),
      docs: new Map(this.docs),
      index: new Map(this.index),
      versions: new Map([...this.versions].map(([k, v]) => [k, v.length])),
    };
    let result: AppendResult | null = null;
    try {
      for (const [i, a] of appends.entries()) result = await this.append(a.streamId, a.expected, a.events, i === appends.length - 1 ? options : {});
    } catch (error) {
      this.log.length = snapshot.log;
      this.streams.clear();
      for (const [k, v] of snapshot.streams) this.streams.set(k, v);
      this.docs.clear();
      for (const [k, v] of snapshot.docs) this.docs.set(k, v);
      this.index.clear();
      for (const [k, v] of snapshot.index) this.index.set(k, v);
      for (const [k, v] of this.versions) {
        const kept = snapshot.versions.get(k) ?? 0;
        if (kept === 0) this.versions.delete(k);
        else v.length = kept;
      }
      throw error;
    }
    return result ?? { nextExpectedRevision: -1, firstPosition: this.tipOf().position, lastPosition: this.tipOf().position };
  }

  async append(streamId: string, expected: ExpectedRevision, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const stream = this.streams.get(streamId) ?? [];
    const actual = stream.length === 0 ? 'no_stream' : stream.length - 1;
    if (expected !== actual) throw new WrongExpectedVersion(streamId, expected, actual);
    const idem = options.idempotency;
    if (idem && this.idempotency.has(`${idem.userId}\u0000${idem.key}`)) throw new IdempotencyKeyTaken(idem.userId, idem.key);
    // Stage everything, then publish: a projection that refuses the event leaves no trace.
    const staged: StoredEvent[] = [];
    const stagedDocs = new Map<string, Doc>();
    const stagedVersions: [string, Doc][] = [];
    let tip = this.tipOf();
    for (const e of events) {
      const unhashed = { ...e, streamId, revision: stream.length + staged.length, position: tip.position + 1 };
      const stored: StoredEvent = structuredClone({ ...unhashed, hash: chainHash(tip.hash, unhashed) });
      const lookup = <T extends Doc>(c: string, id: string) => (stagedDocs.get(key(c, id)) ?? this.docs.get(key(c, id)) ?? null) as T | null;
      for (const w of project(this.options.projections, stored, lookup)) {
        const doc = structuredClone(w.doc);
        stagedDocs.set(key(w.collection, w.id), doc);
        stagedVersions.push([key(w.collection, w.id), doc]);
      }
      staged.push(stored);
      tip = { position: stored.position, hash: stored.hash };
    }
    for (const s of staged) {
      this.log.push(s);
      for (const k of this.options.auditKeys(s)) this.index.set(k, [...(this.index.get(k) ?? []), s.position]);
    }
    this.streams.set(streamId, [...stream, ...staged]);
    for (const [k, d] of stagedDocs) this.docs.set(k, d);
    for (const [k, d] of stagedVersions) {
      const list = this.versions.get(k) ?? [];
      if (list.length > 0 && list[list.length - 1]!._position === d._position) list[list.length - 1] = d;
      else list.push(d);
      this.versions.set(k, list);
    }
    const result = { nextExpectedRevision: stream.length + staged.length - 1, firstPosition: staged[0]?.position ?? tip.position, lastPosition: tip.position };
    if (idem) this.idempotency.set(`${idem.userId}\u0000${idem.key}`, { requestHash: idem.requestHash, response: structuredClone(idem.response(result)) });
    return result;
  }

  async readStream(streamId: string, fromRevision = 0): Promise<StoredEvent[]> {
    return structuredClone((this.streams.get(streamId) ?? []).slice(fromRevision));
  }

  async readAll(afterPosition: number, limit: number): Promise<StoredEvent[]> {
    return structuredClone(this.log.slice(afterPosition, afterPosition + limit));
  }

  async readPositions(positions: readonly number[]): Promise<StoredEvent[]> {
    return structuredClone(positions.map((p) => this.log[p - 1]).filter((e): e is StoredEvent => e !== undefined));
  }

  async head(): Promise<{ position: number; hash: string }> {
    return this.tipOf();
  }

  async findIdempotency(userId: string, k: string): Promise<IdempotencyRecord | null> {
    return structuredClone(this.idempotency.get(`${userId}\u0000${k}`) ?? null);
  }

  async close(): Promise<void> {}

  async get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    return structuredClone((this.docs.get(key(collection, id)) as T | undefined) ?? null);
  }

  async find<T extends Doc>(collection: string, where: Readonly<Record<string, Scalar>> = {}): Promise<T[]> {
    const prefix = `${collection}\u0000`;
    const out: T[] = [];
    for (const [k, d] of this.docs) {
      if (!k.startsWith(prefix)) continue;
      if (Object.entries(where).every(([f, v]) => ((d as Record<string, unknown>)[f] ?? null) === v)) out.push(structuredClone(d as T));
    }
    return out;
  }

  async queryIndex(q: IndexQuery): Promise<number[]> {
    const candidates = q.keys.length === 0 ? this.log.map((e) => e.position) : (this.index.get(q.keys[0]!) ?? []);
    const others = q.keys.slice(1).map((k) => new Set(this.index.get(k) ?? []));
    return candidates.filter((p) => p > q.afterPosition && others.every((s) => s.has(p))).slice(0, q.limit);
  }

  async checkpoint(): Promise<number> {
    return this.tipOf().position;
  }

  async getAt<T extends Doc>(collection: string, id: string, position: number): Promise<T | null> {
    return structuredClone((this.versionAt(key(collection, id), position) as T | null) ?? null);
  }

  async findAt<T extends Doc>(collection: string, where: Readonly<Record<string, Scalar>>, position: number): Promise<T[]> {
    const prefix = `${collection}\u0000`;
    const out: T[] = [];
    for (const k of this.versions.keys()) {
      if (!k.startsWith(prefix)) continue;
      const d = this.versionAt(k, position);
      if (d && Object.entries(where).every(([f, v]) => ((d as Record<string, unknown>)[f] ?? null) === v)) out.push(structuredClone(d as T));
    }
    return out;
  }

  async scan<T extends Doc>(collection: string, where: Readonly<Record<string, Scalar>>, afterId: string | null, limit: number): Promise<ScanPage<T>> {
    return scanMap<T>(this.docs, collection, where, afterId, limit, (k) => this.docs.get(k) ?? null);
  }

  async scanAt<T extends Doc>(
    collection: string,
    where: Readonly<Record<string, Scalar>>,
    afterId: string | null,
    limit: number,
    position: number,
  ): Promise<ScanPage<T>> {
    return scanMap<T>(this.docs, collection, where, afterId, limit, (k) => this.versionAt(k, position));
  }

  async positionAt(instant: string): Promise<number> {
    let best: StoredEvent | null = null;
    for (const e of this.log) {
      if (e.metadata.recordedAt <= instant && (best === null || e.metadata.recordedAt >= best.metadata.recordedAt)) best = e;
    }
    return best?.position ?? 0;
  }

  private versionAt(k: string, position: number): Doc | null {
    const list = this.versions.get(k) ?? [];
    for (let i = list.length - 1; i >= 0; i--) if ((list[i]!._position ?? 0) <= position) return list[i]!;
    return null;
  }

  private tipOf(): { position: number; hash: string } {
    const last = this.log[this.log.length - 1];
    return last ? { position: last.position, hash: last.hash } : { position: 0, hash: GENESIS_HASH };
  }
}
