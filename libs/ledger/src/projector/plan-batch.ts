import type { StoredEvent } from '../ports/event-store.port';
import type { Doc } from '../ports/read-store.port';
import { docKey, project, type DocRef, type Projection } from '../projections/projection';

export type IndexEntry = Readonly<{ position: number; keys: readonly string[]; recordedAt: string }>;

export type BatchPlan = Readonly<{
  /** The last write of each touched document. */
  writes: readonly Readonly<{ collection: string; id: string; doc: Doc }>[];
  /** Every write in log order, each stamped with its `_position`: the versions time travel reads. */
  versions: readonly Readonly<{ collection: string; id: string; doc: Doc }>[];
  index: readonly IndexEntry[];
  /** The checkpoint after the batch (unchanged when every event was applied before). */
  checkpoint: number;
  applied: number;
}>;

export type PlanOptions = Readonly<{
  projections: readonly Projection[];
  auditKeys: (e: StoredEvent) => readonly string[];
}>;

/** Loads documents by reference; a missing document maps to null. */
export type LoadMany = (refs: readonly DocRef[]) => Promise<ReadonlyMap<string, Doc | null>>;

export class CheckpointGap extends Error {
  constructor(
    readonly checkpoint: number,
    readonly position: number,
  ) {
    super(`batch starts at position ${position} but the read models stop at ${checkpoint}: applying it would skip events`);
    this.name = 'CheckpointGap';
  }
}

const MAX_PASSES = 8;

/**
 * Computes what a batch does to the read models, without writing anything: the pure core of every
 * projection sink. Events at or before `checkpoint` are dropped (a replayed batch is a no-op); the
 * first event after it must be `checkpoint + 1` (a gap would skip events, so it is refused).
 *
 * Documents are fetched in bulk before the pass. A projection may read a document it did not name
 * in `touches` (a child allocation reads its parent); such a miss is fetched and the pass re-run,
 * so the result is the same as projecting event by event against the whole store.
 */
export async function planBatch(events: readonly StoredEvent[], checkpoint: number, load: LoadMany, options: PlanOptions): Promise<BatchPlan> {
  const fresh = events.filter((e) => e.position > checkpoint);
  if (fresh.length === 0) return { writes: [], versions: [], index: [], checkpoint, applied: 0 };
  fresh.forEach((e, i) => {
    const expected = checkpoint + 1 + i;
    if (e.position !== expected) throw new CheckpointGap(expected - 1, e.position);
  });

  const known = new Map<string, Doc | null>();
  const fetch = async (refs: readonly DocRef[]) => {
    const wanted = dedupe(refs.filter((r) => !known.has(docKey(r))));
    if (wanted.length === 0) return;
    const got = await load(wanted);
    for (const r of wanted) known.set(docKey(r), got.get(docKey(r)) ?? null);
  };
  await fetch(fresh.flatMap((e) => options.projections.filter((p) => p.handles.has(e.type)).flatMap((p) => p.touches(e))));

  for (let pass = 1; ; pass++) {
    const missed: DocRef[] = [];
    const overlay = new Map<string, { collection: string; id: string; doc: Doc }>();
    const versions: { collection: string; id: string; doc: Doc }[] = [];
    const lookup = <T extends Doc>(collection: string, id: string): T | null => {
      const k = docKey({ collection, id });
      const staged = overlay.get(k);
      if (staged) return structuredClone(staged.doc) as T;
      if (!known.has(k)) {
        missed.push({ collection, id });
        return null;
      }
      const doc = known.get(k) ?? null;
      return doc === null ? null : (structuredClone(doc) as T);
    };
    let failure: unknown = null;
    try {
      for (const e of fresh) {
        for (const w of project(options.projections, e, lookup)) {
          const write = { collection: w.collection, id: w.id, doc: w.doc };
          overlay.delete(docKey(w));
          overlay.set(docKey(w), write);
          versions.push(write);
        }
      }
    } catch (error) {
      failure = error;
    }
    if (missed.length > 0 && pass < MAX_PASSES) {
      await fetch(missed);
      continue;
    }
    if (failure !== null) throw failure;
    if (missed.length > 0) throw new Error(`planBatch: documents still missing after ${MAX_PASSES} passes`);
    return {
      writes: [...overlay.values()],
      versions,
      index: fresh.map((e) => ({ position: e.position, keys: options.auditKeys(e), recordedAt: e.metadata.recordedAt })),
      checkpoint: fresh[fresh.length - 1]!.position,
      applied: fresh.length,
    };
  }
}

function dedupe(refs: readonly DocRef[]): DocRef[] {
  const seen = new Map<string, DocRef>();
  for (const r of refs) seen.set(docKey(r), r);
  return [...seen.values()];
}
