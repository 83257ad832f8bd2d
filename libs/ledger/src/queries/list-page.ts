import { createHash } from 'node:crypto';
import { invalid } from '../../../domain/src';
import type { Doc, ReadStore, Scalar } from '../ports/read-store.port';
import { pinnedReads, readPoint, requestedPosition, type ReadPoint, type TimeTravelQuery } from './time-travel';

/**
 * Cursor paging, one shape for every list: `{items, nextCursor, at}`. A cursor is opaque to the
 * client (base64url of JSON) and carries three things: the log position the first page answered
 * for, so that every page of one listing reads the same books (an item written meanwhile neither
 * appears nor shifts the others); the sort key of the last item given; and a fingerprint of the
 * filters, so that a cursor is not replayed against another query.
 */
export type PageQuery = TimeTravelQuery & Readonly<{ limit?: number | string; cursor?: unknown }>;

export type Page<T> = Readonly<{ items: T[]; nextCursor: string | null; at: ReadPoint }>;

type Key = string | number;
type Cursor = Readonly<{ p: number; k: Key; f: string }>;

export const DEFAULT_LIMIT = 100;
/** Documents read per stretch of a scanned list: a page with a sparse filter reads several. */
const SCAN_STRETCH = 500;
export const MAX_LIMIT = 1000;

export function pageLimit(value: unknown): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) throw invalid('limit', `must be a whole number from 1 to ${MAX_LIMIT}`);
  return n;
}

const fingerprint = (filters: Readonly<Record<string, unknown>>): string =>
  createHash('sha256')
    .update(
      JSON.stringify(
        Object.entries(filters)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      ),
    )
    .digest('base64url')
    .slice(0, 16);

const badCursor = (why: string) => invalid('cursor', `${why}: pass the nextCursor of the previous page unchanged, with the same filters`);

function decode(value: unknown, filters: string): Cursor | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,512}$/.test(value)) throw badCursor('is not a cursor this list returned');
  let c: Partial<Cursor>;
  try {
    c = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<Cursor>;
  } catch {
    throw badCursor('is not a cursor this list returned');
  }
  if (
    typeof c !== 'object' ||
    c === null ||
    !Number.isSafeInteger(c.p) ||
    c.p! < 0 ||
    (typeof c.k !== 'string' && typeof c.k !== 'number') ||
    typeof c.f !== 'string'
  ) {
    throw badCursor('is not a cursor this list returned');
  }
  if (c.f !== filters) throw badCursor('belongs to a listing with other filters');
  return c as Cursor;
}

const encode = (c: Cursor): string => Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');

/** Plain code-unit order: the same on every machine, unlike localeCompare. */
export const compareKeys = (a: Key, b: Key): number => (a < b ? -1 : a > b ? 1 : 0);

/** A listing in progress: the books it reads, the position they stand at, the page it resumes after. */
export type Listing = Readonly<{
  /** The read models as they stood at `at.position`. */
  reads: ReadStore;
  at: ReadPoint;
  /** The page size, and the sort key the page resumes after (null: the first page). */
  limit: number;
  after: Key | null;
  /** The page of `all` after the cursor, in key order. */
  page<T>(all: readonly T[], keyOf: (t: T) => Key): Page<T>;
  /**
   * The page of a collection too large to load, scanned in the store's id order from the cursor
   * a stretch at a time until the page is full: `keep` turns a document into an item, or drops it.
   */
  scanPage<T extends Doc & Readonly<{ id: string }>, R>(
    collection: string,
    where: Readonly<Record<string, Scalar>>,
    keep: (doc: T) => R | null,
  ): Promise<Page<R>>;
}>;

/**
 * Opens a listing: resolves `asOf`/`atPosition` (or the present), or resumes at the cursor's
 * position. A cursor with time-travel parameters that name another point is refused: one listing
 * answers for one position.
 */
export async function openListing(current: ReadStore, q: PageQuery, list: string, filters: Readonly<Record<string, unknown>>): Promise<Listing> {
  const limit = pageLimit(q.limit);
  const f = fingerprint({ ...filters, '': list });
  const cursor = decode(q.cursor, f);
  const asked = await requestedPosition(current, q);
  const head = await current.checkpoint();
  if (cursor !== null && cursor.p > head) throw badCursor('is not a cursor this list returned');
  if (cursor !== null && asked !== null && asked !== cursor.p) throw badCursor(`was taken at position ${cursor.p}, not at the asOf/atPosition given`);
  const position = cursor?.p ?? asked ?? head;
  const at = readPoint(q, position);
  const reads = pinnedReads(current, position);
  return {
    reads,
    at,
    limit,
    after: cursor?.k ?? null,
    async scanPage<T extends Doc & Readonly<{ id: string }>, R>(
      collection: string,
      where: Readonly<Record<string, Scalar>>,
      keep: (doc: T) => R | null,
    ): Promise<Page<R>> {
      const kept: { id: string; item: R }[] = [];
      const stretch = Math.max(limit + 1, SCAN_STRETCH);
      for (let after = cursor === null ? null : String(cursor.k); kept.length <= limit;) {
        const { docs, next } = await reads.scan<T>(collection, where, after, stretch);
        for (const doc of docs) {
          const item = keep(doc);
          if (item !== null) kept.push({ id: doc.id, item });
          if (kept.length > limit) break;
        }
        if (next === null) break;
        after = next;
      }
      const items = kept.slice(0, limit);
      const last = items[items.length - 1];
      return { items: items.map((k) => k.item), nextCursor: kept.length > limit && last !== undefined ? encode({ p: position, k: last.id, f }) : null, at };
    },
    page<T>(all: readonly T[], keyOf: (t: T) => Key): Page<T> {
      const sorted = [...all].sort((x, y) => compareKeys(keyOf(x), keyOf(y)));
      const rest = cursor === null ? sorted : sorted.filter((t) => compareKeys(keyOf(t), cursor.k) > 0);
      const items = rest.slice(0, limit);
      const last = items[items.length - 1];
      const nextCursor = rest.length > limit && last !== undefined ? encode({ p: position, k: keyOf(last), f }) : null;
      return { items, nextCursor, at };
    },
  };
}
