import type { ReadStore } from '../ports/read-store.port';

export type ConsistencyOutcome = Readonly<{ ok: true; checkpoint: number }> | Readonly<{ ok: false; checkpoint: number }>;

/**
 * Read-your-writes across processes: waits until the read models reflect `position` (a position
 * a command response carried), polling the checkpoint, for at most `timeoutMs`.
 */
export async function waitForCheckpoint(
  reads: Pick<ReadStore, 'checkpoint'>,
  position: number,
  timeoutMs: number,
  options: Readonly<{ pollMs?: number; sleep?: (ms: number) => Promise<void>; now?: () => number }> = {},
): Promise<ConsistencyOutcome> {
  const pollMs = options.pollMs ?? 20;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? Date.now;
  const deadline = now() + timeoutMs;
  for (;;) {
    const checkpoint = await reads.checkpoint();
    if (checkpoint >= position) return { ok: true, checkpoint };
    const left = deadline - now();
    if (left <= 0) return { ok: false, checkpoint };
    await sleep(Math.min(pollMs, left));
  }
}
