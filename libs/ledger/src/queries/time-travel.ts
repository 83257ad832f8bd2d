import { DomainError, invalid } from '../../../domain/src';
import { keepsHistory, type Doc, type HistoricalReadStore, type IndexQuery, type ReadStore, type Scalar } from '../ports/read-store.port';

/** The two ways to name a point of the log on a read: a moment, or a position. */
export type TimeTravelQuery = Readonly<{ asOf?: string; atPosition?: string }>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An instant named on a query: an ISO 8601 timestamp with its offset, or a day `YYYY-MM-DD`, which
 * means the whole day in Asia/Ho_Chi_Minh ("what did we know on 15 Jan 2023" = by its end; as a
 * lower bound, from its start). Answered as the UTC string the log stamps events with.
 */
export function parseInstant(field: string, value: string, end: 'start' | 'end' = 'end'): string {
  if (DAY.test(value)) {
    const start = Date.parse(`${value}T00:00:00.000+07:00`);
    if (Number.isNaN(start) || new Date(start + 7 * 3600_000).toISOString().slice(0, 10) !== value) throw invalid(field, `${value} is not a calendar date`);
    return new Date(end === 'start' ? start : start + 86_400_000 - 1).toISOString();
  }
  const t = Date.parse(value);
  if (!TIMESTAMP.test(value) || Number.isNaN(t))
    throw invalid(field, 'must be an ISO 8601 timestamp with an offset (e.g. 2023-01-15T00:00:00+07:00) or a date YYYY-MM-DD');
  return new Date(t).toISOString();
}

export function parsePosition(field: string, value: string): number {
  if (!/^\d{1,15}$/.test(value)) throw invalid(field, 'must be a log position: a whole number ≥ 0');
  return Number(value);
}

/**
 * The position a read asks for, or null for "now". `asOf` is the books as they were known at that
 * instant (the position the log had reached, see ReadStore.positionAt); `atPosition` just after
 * that event. Naming both is refused, as is a position the log has not reached.
 */
export async function requestedPosition(reads: ReadStore, q: TimeTravelQuery): Promise<number | null> {
  if (q.asOf !== undefined && q.atPosition !== undefined) {
    throw new DomainError('VALIDATION_FAILED', 'asOf, atPosition: give one of them, not both', { field: 'asOf', fields: ['asOf', 'atPosition'] });
  }
  if (q.asOf === undefined && q.atPosition === undefined) return null;
  const history = historical(reads);
  if (q.atPosition !== undefined) {
    const position = parsePosition('atPosition', q.atPosition);
    const head = await reads.checkpoint();
    if (position > head) throw invalid('atPosition', `the log has reached position ${head}, not ${position}`);
    return position;
  }
  return history.positionAt(parseInstant('asOf', q.asOf!));
}

/** The store's history, or NOT_SUPPORTED for a read store that keeps none. */
export function historical(reads: ReadStore): HistoricalReadStore {
  if (!keepsHistory(reads)) throw new DomainError('NOT_SUPPORTED', "this ledger's read store keeps no history: time-travel reads are not available on it");
  return reads;
}

/**
 * The read store as it stood just after `position`: every query written for the present reads the
 * past unchanged through it (documents by their versions, the audit index cut at the position).
 */
export function readsAt(reads: HistoricalReadStore, position: number): HistoricalReadStore {
  return {
    get: <T extends Doc>(collection: string, id: string) => reads.getAt<T>(collection, id, position),
    find: <T extends Doc>(collection: string, where: Readonly<Record<string, Scalar>> = {}) => reads.findAt<T>(collection, where, position),
    queryIndex: async (q: IndexQuery) => (q.afterPosition >= position ? [] : (await reads.queryIndex(q)).filter((p) => p <= position)),
    checkpoint: async () => position,
    scan: <T extends Doc>(collection: string, where: Readonly<Record<string, Scalar>>, afterId: string | null, limit: number) =>
      reads.scanAt<T>(collection, where, afterId, limit, position),
    getAt: (collection, id, at) => reads.getAt(collection, id, Math.min(at, position)),
    findAt: (collection, where, at) => reads.findAt(collection, where, Math.min(at, position)),
    scanAt: (collection, where, afterId, limit, at) => reads.scanAt(collection, where, afterId, limit, Math.min(at, position)),
    positionAt: async (instant) => Math.min(await reads.positionAt(instant), position),
  };
}

/**
 * The point a read answers for, said on every read as `at`: the log position, and the instant
 * asked for when the read named one (`asOf`, as the UTC instant it was taken to mean).
 */
export type ReadPoint = Readonly<{ position: number; asOf?: string }>;

export const readPoint = (q: TimeTravelQuery, position: number): ReadPoint =>
  q.asOf === undefined ? { position } : { position, asOf: parseInstant('asOf', q.asOf) };

/** `reads` at the point a query names, and that point (null: the present). */
export async function timeTravel(reads: ReadStore, q: TimeTravelQuery): Promise<Readonly<{ reads: ReadStore; position: number | null }>> {
  const position = await requestedPosition(reads, q);
  return { reads: position === null ? reads : readsAt(historical(reads), position), position };
}

/**
 * The read models at `position` for a read that must answer for exactly one position: while they
 * still stand there (the usual case for a read of the present), documents are read as they are,
 * checking the position did not move during the read; otherwise by their versions.
 */
export function pinnedReads(current: ReadStore, position: number): ReadStore {
  if (!keepsHistory(current)) return current;
  const past = readsAt(current, position);
  const present = async <R>(read: () => Promise<R>, orPast: () => Promise<R>): Promise<R> => {
    if ((await current.checkpoint()) === position) {
      const found = await read();
      if ((await current.checkpoint()) === position) return found;
    }
    return orPast();
  };
  return {
    ...past,
    get: <T extends Doc>(collection: string, id: string) =>
      present(
        () => current.get<T>(collection, id),
        () => past.get<T>(collection, id),
      ),
    find: <T extends Doc>(collection: string, where: Readonly<Record<string, Scalar>> = {}) =>
      present(
        () => current.find<T>(collection, where),
        () => past.find<T>(collection, where),
      ),
    scan: <T extends Doc>(collection: string, where: Readonly<Record<string, Scalar>>, afterId: string | null, limit: number) =>
      present(
        () => current.scan<T>(collection, where, afterId, limit),
        () => past.scan<T>(collection, where, afterId, limit),
      ),
  } as HistoricalReadStore;
}

/** `timeTravel` for a read that says the point it answers for: the position asked, or the read models' now. */
export async function readingAt(current: ReadStore, q: TimeTravelQuery): Promise<Readonly<{ reads: ReadStore; at: ReadPoint }>> {
  const position = (await requestedPosition(current, q)) ?? (await current.checkpoint());
  return { reads: pinnedReads(current, position), at: readPoint(q, position) };
}
