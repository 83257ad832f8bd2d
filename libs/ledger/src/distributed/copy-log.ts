import type { EventStore, NewEvent, StoredEvent } from '../ports/event-store.port';
import { canonicalJson } from '../integrity/canonical-json';
import { verifyChain } from '../integrity/verify-chain';

export type CopyProgress = (copied: number, total: number) => void;

export type CopyVerification =
  | Readonly<{ ok: true; events: number; head: Readonly<{ position: number; hash: string }> }>
  | Readonly<{ ok: false; events: number; position: number; problem: string }>;

export class TargetNotEmpty extends Error {
  constructor(readonly position: number) {
    super(`the target store already holds a log (head position ${position}); a migration only goes into an empty store`);
    this.name = 'TargetNotEmpty';
  }
}

type Source = Pick<EventStore, 'readAll' | 'head'>;

const PAGE = 1000;

/**
 * Copies a whole log into an empty store in global order: each run of consecutive events of one
 * stream is one append under its expected revision, so the target's order, revisions, ids and
 * metadata are the source's, and so, recomputed by the target, is the hash chain. Then verifies.
 */
export async function copyLog(source: Source, target: EventStore, onProgress: CopyProgress = () => undefined): Promise<CopyVerification> {
  const existing = await target.head();
  if (existing.position > 0) throw new TargetNotEmpty(existing.position);
  const total = (await source.head()).position;
  let after = 0;
  for (;;) {
    const page = await source.readAll(after, PAGE);
    if (page.length === 0) break;
    for (const run of runsByStream(page)) {
      const first = run[0]!;
      const last = run[run.length - 1]!;
      const result = await target.append(first.streamId, first.revision === 0 ? 'no_stream' : first.revision - 1, run.map(toNew));
      if (result.firstPosition !== first.position || result.lastPosition !== last.position) {
        throw new Error(
          `copy diverged: events ${first.position}–${last.position} landed at ${result.firstPosition}–${result.lastPosition} (is another writer using the target?)`,
        );
      }
    }
    after = page[page.length - 1]!.position;
    onProgress(after, total);
  }
  return verifyCopy(source, target);
}

/** Event by event: same count, position, stream, revision, id, type, schema version, data, metadata and hash; then the target's chain is re-walked. */
export async function verifyCopy(source: Pick<EventStore, 'readAll'>, target: Pick<EventStore, 'readAll' | 'head'>): Promise<CopyVerification> {
  let after = 0;
  let count = 0;
  for (;;) {
    const [a, b] = await Promise.all([source.readAll(after, PAGE), target.readAll(after, PAGE)]);
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const s = a[i];
      const t = b[i];
      if (!s || !t)
        return { ok: false, events: count, position: (s ?? t)!.position, problem: s ? 'missing from the target' : 'in the target but not in the source' };
      const problem = differs(s, t);
      if (problem) return { ok: false, events: count, position: s.position, problem };
      count++;
    }
    if (a.length === 0) break;
    after = a[a.length - 1]!.position;
  }
  const chain = await verifyChain(target);
  if (!chain.ok) return { ok: false, events: count, position: chain.position, problem: `target chain: ${chain.problem}` };
  return { ok: true, events: count, head: chain.head };
}

function differs(s: StoredEvent, t: StoredEvent): string | null {
  for (const field of ['position', 'streamId', 'revision', 'id', 'type', 'schemaVersion', 'hash'] as const) {
    if (s[field] !== t[field]) return `${field} differs: ${String(s[field])} in the source, ${String(t[field])} in the target`;
  }
  if (canonicalJson(s.data) !== canonicalJson(t.data)) return 'data differs';
  if (canonicalJson(s.metadata) !== canonicalJson(t.metadata)) return 'metadata differs';
  return null;
}

function runsByStream(events: readonly StoredEvent[]): StoredEvent[][] {
  const runs: StoredEvent[][] = [];
  for (const e of events) {
    const current = runs[runs.length - 1];
    if (current && current[0]!.streamId === e.streamId) current.push(e);
    else runs.push([e]);
  }
  return runs;
}

const toNew = (e: StoredEvent): NewEvent => ({ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata });
