import type { AllocationEvent, ApprovalPolicyEvent, HouseholdEvent, UnitEvent, UserEvent } from '../../../domain/src';
import type { StoredEvent } from '../ports/event-store.port';
import type { Doc } from '../ports/read-store.port';
import { upcast } from '../schema/upcasters';

export type DocRef = Readonly<{ collection: string; id: string }>;
export type DocWrite = DocRef & Readonly<{ doc: Doc }>;
export type DocLookup = <T extends Doc>(collection: string, id: string) => T | null;

/**
 * A projection is pure: it names the documents an event touches, and from their current contents
 * computes the documents to write. The runner loads and stores them, on SQLite inside the append's
 * transaction, or on another store from a worker.
 */
export interface Projection {
  readonly name: string;
  readonly handles: ReadonlySet<string>;
  touches(e: StoredEvent): readonly DocRef[];
  /** The documents to write, each built anew (never an object `docs` returned: its position is stamped on it). */
  apply(e: StoredEvent, docs: DocLookup): readonly DocWrite[];
}

/** Every event a projection may handle: the domain's own definitions, discriminated by `type`. */
export type LedgerEvent = AllocationEvent | HouseholdEvent | UnitEvent | UserEvent | ApprovalPolicyEvent;
export type LedgerEventType = LedgerEvent['type'];

/** A stored event read as the domain event its type names (upcast first, so `data` has the current shape). */
export type Projected<E extends LedgerEvent = LedgerEvent> = E extends LedgerEvent
  ? Omit<StoredEvent, 'type' | 'data'> & Readonly<{ type: E['type']; data: E['data'] }>
  : never;

export type ProjectedOf<T extends LedgerEventType> = Projected<Extract<LedgerEvent, { type: T }>>;

/**
 * A projection over the events it names, each seen with its own data type. The one cast from a
 * stored event is here: `project` calls a projection only with an upcast event whose type it handles.
 */
export function defineProjection<const T extends LedgerEventType>(
  p: Readonly<{
    name: string;
    handles: readonly T[];
    touches: (e: ProjectedOf<T>) => readonly DocRef[];
    apply: (e: ProjectedOf<T>, docs: DocLookup) => readonly DocWrite[];
  }>,
): Projection {
  return {
    name: p.name,
    handles: new Set<string>(p.handles),
    touches: (e) => p.touches(e as unknown as ProjectedOf<T>),
    apply: (e, docs) => p.apply(e as unknown as ProjectedOf<T>, docs),
  };
}

export const ref = (collection: string, id: string): DocRef => ({ collection, id });

export const docKey = (r: DocRef): string => `${r.collection}\u0000${r.id}`;

/**
 * Runs every projection that handles `e`. Each event's writes land together, so if any document it
 * touches already carries a position at or after the event's, the event was applied before and is
 * skipped: replaying an event changes nothing. Events of an older schema version are upcast first,
 * so projections only ever see the current shape.
 */
export function project(projections: readonly Projection[], stored: StoredEvent, load: DocLookup): DocWrite[] {
  const e = upcast(stored);
  const writes: DocWrite[] = [];
  // Plain loops: this runs for every event of every replay.
  for (const p of projections) {
    if (!p.handles.has(e.type)) continue;
    if (appliedBefore(p.touches(e), e.position, load)) continue;
    for (const w of p.apply(e, load)) {
      // `apply` builds every document it returns (it never hands back one it was given), so the
      // position is stamped on it rather than on a copy of it: one document copy less per write.
      (w.doc as { _position?: number })._position = e.position;
      writes.push(w);
    }
  }
  return writes;
}

function appliedBefore(touched: readonly DocRef[], position: number, load: DocLookup): boolean {
  for (const r of touched) if ((load(r.collection, r.id)?._position ?? 0) >= position) return true;
  return false;
}
