/** A read-model document; `_position` is the global position of the last event applied to it. */
export type Doc = Readonly<Record<string, unknown>> & Readonly<{ _position?: number }>;

export type Scalar = string | number | boolean | null;

/** Audit index query: positions of events carrying every one of `keys`, after `afterPosition`. */
export type IndexQuery = Readonly<{ keys: readonly string[]; afterPosition: number; limit: number }>;

/** The read side: small enough to put on SQLite now and MongoDB later. */
export interface ReadStore {
  get<T extends Doc>(collection: string, id: string): Promise<T | null>;
  /** Documents whose top-level fields equal every value in `where`. */
  find<T extends Doc>(collection: string, where?: Readonly<Record<string, Scalar>>): Promise<T[]>;
  queryIndex(query: IndexQuery): Promise<number[]>;
  /** The position up to which the read models reflect the log. */
  checkpoint(): Promise<number>;
}
