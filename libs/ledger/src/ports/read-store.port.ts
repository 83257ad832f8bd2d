/** A read-model document; `_position` is the global position of the last event applied to it. */
export type Doc = Readonly<Record<string, unknown>> & Readonly<{ _position?: number }>;

export type Scalar = string | number | boolean | null;

/** Audit index query: positions of events carrying every one of `keys`, after `afterPosition`. */
export type IndexQuery = Readonly<{ keys: readonly string[]; afterPosition: number; limit: number }>;

/** A stretch of a collection in id order: `next` is the id to go on after, null when none is left. */
export type ScanPage<T> = Readonly<{ docs: T[]; next: string | null }>;

/** The read side: small enough to put on SQLite now and MongoDB later. */
export interface ReadStore {
  get<T extends Doc>(collection: string, id: string): Promise<T | null>;
  /** Documents whose top-level fields equal every value in `where`. */
  find<T extends Doc>(collection: string, where?: Readonly<Record<string, Scalar>>): Promise<T[]>;
  /**
   * `find` a stretch at a time, for lists that page through collections too large to load: the
   * documents matching `where` whose ids come after `afterId` (null: from the first), in the
   * store's id order, at most `limit` of them. The order is the adapter's (binary on SQLite and
   * MongoDB), the same on every call.
   */
  scan<T extends Doc>(collection: string, where: Readonly<Record<string, Scalar>>, afterId: string | null, limit: number): Promise<ScanPage<T>>;
  queryIndex(query: IndexQuery): Promise<number[]>;
  /** The position up to which the read models reflect the log. */
  checkpoint(): Promise<number>;
}

/**
 * Time travel (issue 4): a read store that keeps every write of every document as a version
 * stamped with its `_position`, in every collection, so that the read models can be read as they
 * stood just after any position of the log without replaying it. The versions are kept as durably
 * as the documents themselves, and a rebuild recreates them. The SQLite and in-memory stores are
 * historical; a read store that is not answers `asOf`/`atPosition`/`valueDate` reads with
 * NOT_SUPPORTED (501) and everything else as before.
 */
export interface HistoricalReadStore extends ReadStore {
  /**
   * `get` as it would have answered when the read models stood at `position`: the newest version
   * of the document with `_position` ≤ `position`; null when the document did not exist yet.
   */
  getAt<T extends Doc>(collection: string, id: string, position: number): Promise<T | null>;
  /**
   * `find` at `position`: each document's newest version with `_position` ≤ `position`, kept when
   * that version matches `where`. Adapters may choose candidates by the current documents, so
   * `where` must only name fields that never change once a document is written (an allocation's
   * budget line or unit, a statistics document's review year); documents are never deleted.
   */
  findAt<T extends Doc>(collection: string, where: Readonly<Record<string, Scalar>>, position: number): Promise<T[]>;
  /**
   * `scan` at `position`, candidates chosen as `findAt` chooses them: at most `limit` candidates
   * are examined, so a stretch may hold fewer documents (those not written yet at `position`) and
   * still have a `next`.
   */
  scanAt<T extends Doc>(
    collection: string,
    where: Readonly<Record<string, Scalar>>,
    afterId: string | null,
    limit: number,
    position: number,
  ): Promise<ScanPage<T>>;
  /**
   * The position the books had reached at `instant` (ISO 8601, UTC `…Z` as `recordedAt` is
   * stamped): the position of the event with the latest `metadata.recordedAt` ≤ `instant`, the
   * highest position among equal stamps; 0 when nothing was recorded by then. Reading at that
   * position shows the log's prefix up to it. `recordedAt` is stamped when a command arrives and
   * group commit may order two concurrent commands a few milliseconds out of stamp order, so an
   * event stamped just after `instant` can fall inside that prefix (and one stamped just before,
   * outside it): the prefix is what the books held, the stamps are the clock's.
   */
  positionAt(instant: string): Promise<number>;
}

export const keepsHistory = (reads: ReadStore): reads is HistoricalReadStore =>
  typeof (reads as Partial<HistoricalReadStore>).getAt === 'function' &&
  typeof (reads as Partial<HistoricalReadStore>).findAt === 'function' &&
  typeof (reads as Partial<HistoricalReadStore>).scanAt === 'function' &&
  typeof (reads as Partial<HistoricalReadStore>).positionAt === 'function';
