import type { StoredEvent } from '../ports/event-store.port';

const HASHES = ['tokenHash', 'previousTokenHash'] as const;

/** Hashes of bearer tokens are in the log but are nobody's business: every read of events hides them. */
export function redactSecrets(e: Pick<StoredEvent, 'data'>): Readonly<Record<string, unknown>> {
  const data = e.data as Record<string, unknown>;
  if (!HASHES.some((k) => k in data)) return data;
  const copy = { ...data };
  for (const k of HASHES) if (k in copy) copy[k] = '[redacted]';
  return copy;
}
