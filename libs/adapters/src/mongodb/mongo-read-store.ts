import { MongoClient, type AnyBulkWriteOperation, type ClientSession, type Db } from 'mongodb';
import type { StoredEvent } from '../../../ledger/src/ports/event-store.port';
import type { Doc, HistoricalReadStore, IndexQuery, Scalar, ScanPage } from '../../../ledger/src/ports/read-store.port';
import type { DocRef, Projection } from '../../../ledger/src/projections/projection';
import { docKey } from '../../../ledger/src/projections/projection';
import { planBatch } from '../../../ledger/src/projector/plan-batch';
import type { ProjectionSink } from '../../../ledger/src/projector/projection-sink.port';

export type MongoReadStoreOptions = Readonly<{
  projections: readonly Projection[];
  auditKeys: (e: StoredEvent) => readonly string[];
  /** Database name; default the one in the URL, else `ledger`. */
  dbName?: string;
  /** Name of this worker's checkpoint. */
  checkpointName?: string;
  /** Collections whose version index is created up front (others get none until created by hand). */
  versionedCollections?: readonly string[];
}>;

/** One read-model document in MongoDB: the body verbatim, plus its top-level scalars for `find`. Every version is kept too (`rv_*`). */
type Stored = { _id: string; body: string; f: Record<string, unknown>; _position: number };
type AuditEntry = { _id: number; keys: string[]; recordedAt: string };
/** A document as it stood after the event at `p` (time travel). */
type Version = { _id: string; id: string; p: number; body: string; f: Record<string, unknown> };
type CheckpointDoc = { _id: string; position: number };

const FIELD = /^[A-Za-z0-9_]+$/;
/** Stands for an object or array field: equal to no scalar, and not null. */
const NON_SCALAR = { nonScalar: true };

export const AUDIT = 'audit_index';
export const CHECKPOINTS = 'checkpoints';
export const collectionName = (c: string) => `rm_${c}`;
export const versionsName = (c: string) => `rv_${c}`;

/**
 * The read-model port on MongoDB (official driver; a replica set, for transactions), and the
 * projection worker's sink. A batch's documents, audit index entries and checkpoint are written in
 * one `session.withTransaction`, after re-reading the checkpoint inside it: a crash before the
 * commit leaves the previous checkpoint and none of the batch, a crash after leaves all of it,
 * and a batch replayed over itself writes nothing (plan-batch.ts drops events at or before the
 * checkpoint). The checkpoint update is guarded by its previous value, so two workers racing on
 * one database cannot both advance it.
 *
 * The body is stored as JSON text: field names in read models may hold `.` or `$` (decision
 * numbers), which MongoDB documents do not take everywhere.
 */
export class MongoReadStore implements HistoricalReadStore, ProjectionSink {
  private readonly checkpointName: string;

  constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    private readonly options: MongoReadStoreOptions,
  ) {
    this.checkpointName = options.checkpointName ?? 'projector';
  }

  static async connect(url: string, options: MongoReadStoreOptions): Promise<MongoReadStore> {
    const client = await new MongoClient(url).connect();
    const store = new MongoReadStore(client, client.db(options.dbName ?? (new URL(url).pathname.slice(1) || 'ledger')), options);
    await store.ensureIndexes();
    return store;
  }

  async ensureIndexes(): Promise<void> {
    await this.db.collection<AuditEntry>(AUDIT).createIndex({ keys: 1, _id: 1 });
    await this.db.collection<AuditEntry>(AUDIT).createIndex({ recordedAt: -1, _id: -1 });
    for (const c of this.options.versionedCollections ?? []) await this.db.collection<Version>(versionsName(c)).createIndex({ id: 1, p: -1 });
  }

  // ---- ReadStore ----

  async get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    const found = await this.db.collection<Stored>(collectionName(collection)).findOne({ _id: id });
    return found ? (JSON.parse(found.body) as T) : null;
  }

  async find<T extends Doc>(collection: string, where: Readonly<Record<string, Scalar>> = {}): Promise<T[]> {
    const rows = await this.db.collection<Stored>(collectionName(collection)).find(this.filterOf(where)).sort({ _id: 1 }).toArray();
    return rows.map((r) => JSON.parse(r.body) as T);
  }

  async getAt<T extends Doc>(collection: string, id: string, position: number): Promise<T | null> {
    const found = await this.db
      .collection<Version>(versionsName(collection))
      .find({ id, p: { $lte: position } })
      .sort({ p: -1 })
      .limit(1)
      .next();
    return found ? (JSON.parse(found.body) as T) : null;
  }

  /** Candidates are today's documents matching `where` (the port allows it: `where` names fields that never change). */
  async findAt<T extends Doc>(collection: string, where: Readonly<Record<string, Scalar>>, position: number): Promise<T[]> {
    const ids = (
      await this.db
        .collection<Stored>(collectionName(collection))
        .find(this.filterOf(where), { projection: { _id: 1 } })
        .sort({ _id: 1 })
        .toArray()
    ).map((r) => r._id);
    const out: T[] = [];
    for (const id of ids) {
      const d = await this.getAt<T>(collection, id, position);
      if (d && Object.entries(where).every(([f, v]) => ((d as Record<string, unknown>)[f] ?? null) === v)) out.push(d);
    }
    return out;
  }

  async scan<T extends Doc>(collection: string, where: Readonly<Record<string, Scalar>>, afterId: string | null, limit: number): Promise<ScanPage<T>> {
    const filter = { ...this.filterOf(where), ...(afterId === null ? {} : { _id: { $gt: afterId } }) };
    const rows = await this.db.collection<Stored>(collectionName(collection)).find(filter).sort({ _id: 1 }).limit(limit).toArray();
    return { docs: rows.map((r) => JSON.parse(r.body) as T), next: rows.length === limit ? rows[rows.length - 1]!._id : null };
  }

  async scanAt<T extends Doc>(
    collection: string,
    where: Readonly<Record<string, Scalar>>,
    afterId: string | null,
    limit: number,
    position: number,
  ): Promise<ScanPage<T>> {
    const filter = { ...this.filterOf(where), ...(afterId === null ? {} : { _id: { $gt: afterId } }) };
    const ids = (
      await this.db
        .collection<Stored>(collectionName(collection))
        .find(filter, { projection: { _id: 1 } })
        .sort({ _id: 1 })
        .limit(limit)
        .toArray()
    ).map((r) => r._id);
    const docs: T[] = [];
    for (const id of ids) {
      const d = await this.getAt<T>(collection, id, position);
      if (d && Object.entries(where).every(([f, v]) => ((d as Record<string, unknown>)[f] ?? null) === v)) docs.push(d);
    }
    return { docs, next: ids.length === limit ? ids[ids.length - 1]! : null };
  }

  async positionAt(instant: string): Promise<number> {
    const found = await this.db
      .collection<AuditEntry>(AUDIT)
      .find({ recordedAt: { $lte: instant } }, { projection: { _id: 1 } })
      .sort({ recordedAt: -1, _id: -1 })
      .limit(1)
      .next();
    return found?._id ?? 0;
  }

  async queryIndex(q: IndexQuery): Promise<number[]> {
    const filter = q.keys.length === 0 ? { _id: { $gt: q.afterPosition } } : { keys: { $all: [...q.keys] }, _id: { $gt: q.afterPosition } };
    const rows = await this.db
      .collection<AuditEntry>(AUDIT)
      .find(filter, { projection: { _id: 1 } })
      .sort({ _id: 1 })
      .limit(q.limit)
      .toArray();
    return rows.map((r) => r._id);
  }

  async checkpoint(): Promise<number> {
    return (await this.db.collection<CheckpointDoc>(CHECKPOINTS).findOne({ _id: this.checkpointName }))?.position ?? 0;
  }

  private filterOf(where: Readonly<Record<string, Scalar>>): Record<string, unknown> {
    const filter: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(where)) {
      if (!FIELD.test(field)) throw new Error(`find: bad field name '${field}'`);
      filter[`f.${field}`] = value;
    }
    return filter;
  }

  // ---- ProjectionSink ----

  async applyBatch(events: readonly StoredEvent[]): Promise<number> {
    const session = this.client.startSession();
    try {
      return await session.withTransaction(async () => {
        const checkpoints = this.db.collection<CheckpointDoc>(CHECKPOINTS);
        const before = (await checkpoints.findOne({ _id: this.checkpointName }, { session }))?.position ?? 0;
        const plan = await planBatch(events, before, (refs) => this.loadMany(refs, session), this.options);
        if (plan.applied === 0) return before;
        const byCollection = new Map<string, AnyBulkWriteOperation<Stored>[]>();
        for (const w of plan.writes) {
          const ops = byCollection.get(w.collection) ?? [];
          ops.push({ replaceOne: { filter: { _id: w.id }, replacement: toStored(w.id, w.doc), upsert: true } });
          byCollection.set(w.collection, ops);
        }
        for (const [collection, ops] of byCollection) await this.db.collection<Stored>(collectionName(collection)).bulkWrite(ops, { session, ordered: true });
        const versions = new Map<string, AnyBulkWriteOperation<Version>[]>();
        for (const v of plan.versions) {
          const p = v.doc._position ?? 0;
          const { body, f } = toStored(v.id, v.doc);
          const ops = versions.get(v.collection) ?? [];
          ops.push({ replaceOne: { filter: { _id: `${v.id}\u0000${p}` }, replacement: { id: v.id, p, body, f }, upsert: true } });
          versions.set(v.collection, ops);
        }
        for (const [collection, ops] of versions) await this.db.collection<Version>(versionsName(collection)).bulkWrite(ops, { session, ordered: true });
        await this.db.collection<AuditEntry>(AUDIT).bulkWrite(
          plan.index.map((i) => ({ replaceOne: { filter: { _id: i.position }, replacement: { keys: [...i.keys], recordedAt: i.recordedAt }, upsert: true } })),
          { session, ordered: true },
        );
        if (before === 0) await checkpoints.insertOne({ _id: this.checkpointName, position: plan.checkpoint }, { session });
        else {
          const moved = await checkpoints.updateOne({ _id: this.checkpointName, position: before }, { $set: { position: plan.checkpoint } }, { session });
          if (moved.matchedCount !== 1)
            throw new Error(`checkpoint '${this.checkpointName}' moved during the batch: is another projector writing to this database?`);
        }
        return plan.checkpoint;
      });
    } finally {
      await session.endSession();
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** For tests against a scratch database. */
  async dropDatabase(): Promise<void> {
    await this.db.dropDatabase();
  }

  private async loadMany(refs: readonly DocRef[], session: ClientSession): Promise<Map<string, Doc | null>> {
    const out = new Map<string, Doc | null>();
    const byCollection = new Map<string, string[]>();
    for (const r of refs) byCollection.set(r.collection, [...(byCollection.get(r.collection) ?? []), r.id]);
    for (const [collection, ids] of byCollection) {
      const rows = await this.db
        .collection<Stored>(collectionName(collection))
        .find({ _id: { $in: ids } }, { session })
        .toArray();
      for (const row of rows) out.set(docKey({ collection, id: row._id }), JSON.parse(row.body) as Doc);
    }
    return out;
  }
}

/** Exposed for the unit test of the stored shape. */
export function toStored(id: string, doc: Doc): Stored {
  const f: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) {
    if (!FIELD.test(k) || v === undefined) continue;
    f[k] = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : NON_SCALAR;
  }
  return { _id: id, body: JSON.stringify(doc), f, _position: doc._position ?? 0 };
}
