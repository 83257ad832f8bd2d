import { GENESIS_HASH, type StoredEvent } from '../ports/event-store.port';
import { chainHash } from './hash-chain';

export type ChainHead = Readonly<{ position: number; hash: string }>;

/** `store.readAll` unbound: anything that pages through the global log in position order. */
export type PageReader = (afterPosition: number, limit: number) => Promise<readonly StoredEvent[]>;

/** Any `EventStore` fits the last form. */
export type ChainSource = AsyncIterable<StoredEvent> | PageReader | Readonly<{ readAll: PageReader }>;

export type VerifyOptions = Readonly<{
  /**
   * A head recorded earlier (usually a signed checkpoint). The whole log is still re-walked, since
   * an edit before the checkpoint that was not re-chained would otherwise go unseen; the
   * checkpoint adds what the chain alone cannot show: a log rewritten and re-chained from some
   * point, or cut short at its end.
   */
  since?: ChainHead;
  pageSize?: number;
}>;

export type ChainProblem =
  'hash_mismatch' | 'position_gap' | 'position_order' | 'revision_gap' | 'revision_duplicate' | 'checkpoint_mismatch' | 'truncated' | 'unreadable';

export type VerifyResult =
  Readonly<{ ok: true; head: ChainHead; events: number }> | Readonly<{ ok: false; position: number; problem: string; kind: ChainProblem; events: number }>;

export const VERIFY_PAGE_SIZE = 5000;

/**
 * Re-walks the log from genesis and reports the first broken link. Structure (positions, stream
 * revisions) is checked before the hash so that a row moved or inserted by someone who knew to
 * recompute the hashes is still named for what it is.
 */
export async function verifyChain(source: ChainSource, options: VerifyOptions = {}): Promise<VerifyResult> {
  const since = options.since;
  if (since && !isHead(since)) throw new TypeError('verifyChain: `since` needs an integer position >= 0 and a 64-digit hex hash');
  let prev: ChainHead = { position: 0, hash: GENESIS_HASH };
  let count = 0;
  const revisions = new Map<string, number>();
  const fail = (position: number, kind: ChainProblem, problem: string): VerifyResult => ({ ok: false, position, kind, problem, events: count });

  if (since && since.position === 0 && since.hash !== GENESIS_HASH) {
    return fail(0, 'checkpoint_mismatch', `checkpoint at position 0 has hash ${since.hash}, genesis is ${GENESIS_HASH}`);
  }

  const events = toIterable(source, options.pageSize ?? VERIFY_PAGE_SIZE);
  try {
    for await (const e of events) {
      const expected = prev.position + 1;
      if (!Number.isSafeInteger(e.position) || e.position < expected) {
        return fail(e.position, 'position_order', `position ${e.position} comes after position ${prev.position}`);
      }
      if (e.position > expected) {
        const missing = e.position - expected === 1 ? `position ${expected} is missing` : `positions ${expected}–${e.position - 1} are missing`;
        return fail(expected, 'position_gap', `${missing} (the log goes from ${prev.position} to ${e.position})`);
      }

      const last = revisions.get(e.streamId);
      const want = last === undefined ? 0 : last + 1;
      if (e.revision !== want) {
        const kind = last !== undefined && e.revision <= last ? 'revision_duplicate' : 'revision_gap';
        const was = last === undefined ? 'a new stream' : `revision ${last}`;
        return fail(e.position, kind, `stream '${e.streamId}' goes from ${was} to revision ${e.revision}, expected ${want}`);
      }

      const computed = chainHash(prev.hash, e);
      if (computed !== e.hash) {
        return fail(
          e.position,
          'hash_mismatch',
          `stored hash ${e.hash} does not match the computed ${computed} (event ${e.id} of '${e.streamId}' was altered)`,
        );
      }

      if (since && e.position === since.position && e.hash !== since.hash) {
        return fail(e.position, 'checkpoint_mismatch', `hash ${e.hash} differs from the checkpoint's ${since.hash} (the log up to here was rewritten)`);
      }

      revisions.set(e.streamId, e.revision);
      prev = { position: e.position, hash: e.hash };
      count += 1;
    }
  } catch (error) {
    // A row so damaged that the store cannot decode it is a broken link too, not a crash.
    return fail(prev.position + 1, 'unreadable', `the event after position ${prev.position} cannot be read: ${messageOf(error)}`);
  }

  if (since && prev.position < since.position) {
    return fail(prev.position + 1, 'truncated', `the log ends at position ${prev.position} but the checkpoint covers up to ${since.position}`);
  }
  return { ok: true, head: prev, events: count };
}

/** Pages through `readAll`; on a page that fails to load, steps one event at a time to get as close as possible to the bad row. */
export async function* readAllPages(read: PageReader, pageSize = VERIFY_PAGE_SIZE, afterPosition = 0): AsyncGenerator<StoredEvent> {
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new RangeError('readAllPages: pageSize must be a positive integer');
  let after = afterPosition;
  for (;;) {
    let page: readonly StoredEvent[];
    try {
      page = await read(after, pageSize);
    } catch (error) {
      if (pageSize === 1) throw error;
      yield* readAllPages(read, 1, after);
      return;
    }
    if (page.length === 0) return;
    yield* page;
    const next = page[page.length - 1]!.position;
    // The verifier stops at the first out-of-order position, so this only guards other consumers from looping.
    if (!(next > after)) throw new Error(`readAll(${after}) returned no event after position ${after}`);
    after = next;
  }
}

function toIterable(source: ChainSource, pageSize: number): AsyncIterable<StoredEvent> {
  if (typeof source === 'function') return readAllPages(source, pageSize);
  if (Symbol.asyncIterator in source) return source;
  return readAllPages((after, limit) => source.readAll(after, limit), pageSize);
}

export function isHead(value: unknown): value is ChainHead {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return Number.isSafeInteger(v.position) && (v.position as number) >= 0 && typeof v.hash === 'string' && /^[0-9a-f]{64}$/.test(v.hash);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
