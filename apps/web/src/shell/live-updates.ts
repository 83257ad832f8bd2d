import { useEffect } from 'react';
import type { Client } from '../api/client';

/** The DOM event that asks the page in view to read its data again (ui/use-load.ts listens for it). */
export const LIVE_EVENT = 'ledger:committed';

/** Runs `listener` whenever something the reader may see was committed; returns how to stop. */
export function onLiveUpdate(listener: () => void): () => void {
  window.addEventListener(LIVE_EVENT, listener);
  return () => window.removeEventListener(LIVE_EVENT, listener);
}

/** Events of one burst (an import, a sub-allocation's two steps) make one reload. */
const SETTLE_MS = 300;
const MAX_BACKOFF_MS = 30_000;

/**
 * Follows GET /api/v1/events/stream while signed in and reading the present (an "as of" view never
 * changes), and asks the page to reload when an event arrives. It reads the stream through the
 * generated client with fetch() and a ReadableStream reader, because EventSource cannot send the
 * Authorization header. A dropped connection is reopened with back-off, resuming after the last
 * event seen (Last-Event-ID); a 401 stops it (and ends the session), and so does signing out.
 */
export function useLiveUpdates(client: Client | null, enabled: boolean): void {
  useEffect(() => {
    if (!client || !enabled) return;
    const stop = new AbortController();
    let settle: ReturnType<typeof setTimeout> | null = null;
    const changed = () => {
      settle ??= setTimeout(() => {
        settle = null;
        window.dispatchEvent(new Event(LIVE_EVENT));
      }, SETTLE_MS);
    };
    void follow(client, stop.signal, changed);
    return () => {
      stop.abort();
      if (settle) clearTimeout(settle);
    };
  }, [client, enabled]);
}

async function follow(client: Client, signal: AbortSignal, changed: () => void): Promise<void> {
  let lastId: string | null = null;
  let failures = 0;
  while (!signal.aborted) {
    try {
      const res = await client.eventStream(lastId, signal);
      if (res.status === 401) return;
      if (res.status === 400 && lastId !== null) {
        // Too far back (or another ledger's position): what was missed is read by reloading, then follow from now.
        lastId = null;
        changed();
        continue;
      }
      if (res.ok && res.body) {
        failures = 0;
        lastId = (await readEvents(res.body, changed)) ?? lastId;
      }
    } catch {
      if (signal.aborted) return;
    }
    failures += 1;
    await wait(Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(failures - 1, 5)), signal);
  }
}

/** Reads events until the stream ends; resolves to the id of the last one. */
async function readEvents(body: ReadableStream<Uint8Array>, changed: () => void): Promise<string | null> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let lastId: string | null = null;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return lastId;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const id = /^id: ?(.*)$/m.exec(buffer.slice(0, cut))?.[1];
        buffer = buffer.slice(cut + 2);
        // Comment-only frames are heartbeats: nothing changed.
        if (id === undefined) continue;
        lastId = id;
        changed();
      }
    }
  } catch {
    return lastId;
  }
}

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
