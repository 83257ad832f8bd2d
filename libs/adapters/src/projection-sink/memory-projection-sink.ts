import type { StoredEvent } from '../../../ledger/src/ports/event-store.port';
import type { Doc, HistoricalReadStore, IndexQuery, Scalar, ScanPage } from '../../../ledger/src/ports/read-store.port';
import { scanMap } from '../memory/scan';
import { docKey, type Projection } from '../../../ledger/src/projections/projection';
import { planBatch } from '../../../ledger/src/projector/plan-batch';
import type { ProjectionSink } from '../../../ledger/src/projector/projection-sink.port';

/**
 * Read models and a checkpoint in memory, written a batch at a time: the projection worker's
 * sink for tests, with the same all-or-nothing batch semantics as the MongoDB one (the plan is
 * computed first, then published in one synchronous step).
 */
export class MemoryProjectionSink implements HistoricalReadStore, ProjectionSink {
  private readonly docs = new Map<string, Doc>();
  private readonly index = new Map<number, readonly string[]>();
  private readonly versions = new Map<string, Doc[]>();
  private readonly stamps: { position: number; recordedAt: string }[] = [];
  private position = 0;
  /** Batches committed, for tests that count them. */
  batches = 0;

  constructor(private readonly options: Readonly<{ projections: readonly Projection[]; auditKeys: (e: StoredEvent) => readonly string[] }>) {}

  async applyBatch(events: readonly StoredEvent[]): Promise<number> {
    const before = this.position;
    const plan = await planBatch(
      events,
      before,
      async (refs) => new Map(refs.map((r) => [docKey(r), structuredClone(this.docs.get(docKey(r)) ?? null)])),
      this.options,
    );
    if (plan.applied === 0) return before;
    if (this.position !== before) throw new Error('checkpoint moved during the batch');
    for (const w of plan.writes) this.docs.set(docKey(w), structuredClone(w.doc));
    for (const v of plan.versions) {
      const list = this.versions.get(docKey(v)) ?? [];
      if ((list[list.length - 1]?._position ?? -1) === v.doc._position) list.pop();
      list.push(structuredClone(v.doc));
      this.versions.set(docKey(v), list);
    }
    for (const i of plan.index) {
      this.index.set(i.position, [...i.keys]);
      this.stamps.push({ position: i.position, recordedAt: i.recordedAt });
    }
    this.position = plan.checkpoint;
    this.batches += 1;
    return this.position;
  }

  async checkpoint(): Promise<number> {
    return this.position;
  }

  async get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    return structuredClone((this.docs.get(docKey({ collection, id })) as T | undefined) ?? null);
  }

  async find<T extends Doc>(collection: string, where: Readonly<Record<string, Scalar>> = {}): Promise<T[]> {
    const prefix = docKey({ collection, id: '' });
    const out: T[] = [];
    for (const [k, d] of [...this.docs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (!k.startsWith(prefix)) continue;
      if (Object.entries(where).every(([f, v]) => ((d as Record<string, unknown>)[f] ?? null) === v)) out.push(structuredClone(d as T));
    }
    return out;
  }

  async getAt<T extends Doc>(collection: string, id: string, position: number): Promise<T | null> {
    return structuredClone((this.versionAt(docKey({ collection, id }), position) as T | null) ?? null);
  }

  async findAt<T extends Doc>(collection: string, where: Readonly<Record<string, Scalar>>, position: number): Promise<T[]> {
    const prefix = docKey({ collection, id: '' });
    const out: T[] = [];
    for (const k of [...this.versions.keys()].sort()) {
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
    let best: { position: number; recordedAt: string } | null = null;
    for (const s of this.stamps) if (s.recordedAt <= instant && (best === null || s.recordedAt >= best.recordedAt)) best = s;
    return best?.position ?? 0;
  }

  private versionAt(k: string, position: number): Doc | null {
    const list = this.versions.get(k) ?? [];
    for (let i = list.length - 1; i >= 0; i--) if ((list[i]!._position ?? 0) <= position) return list[i]!;
    return null;
  }

  async queryIndex(q: IndexQuery): Promise<number[]> {
    return [...this.index]
      .filter(([p, keys]) => p > q.afterPosition && q.keys.every((k) => keys.includes(k)))
      .map(([p]) => p)
      .sort((a, b) => a - b)
      .slice(0, q.limit);
  }
}
