import { useEffect, useState } from 'react';
import type { Client } from '../api/client';
import { useApp } from '../shell/app-context';
import { householdsApi, type PovertyStandard } from './api';

// The standards are law, not records: one reading per session is enough.
const read = new WeakMap<Client, Promise<readonly PovertyStandard[]>>();

function standardsOf(client: Client): Promise<readonly PovertyStandard[]> {
  let p = read.get(client);
  if (!p) {
    p = householdsApi(client)
      .standards()
      .then((r) => r.standards);
    // A failed reading is tried again next time rather than remembered.
    p.catch(() => read.delete(client));
    read.set(client, p);
  }
  return p;
}

/**
 * The poverty standards as the server holds them (GET /poverty-standards), so that a form offers
 * and a chart shows the 12 or 10 indicators of the year in view; null until they have come (or if
 * they cannot), and the screens then fall back to what the server sends with its figures.
 */
export function useStandards(): readonly PovertyStandard[] | null {
  const { client } = useApp();
  const [standards, setStandards] = useState<readonly PovertyStandard[] | null>(null);
  useEffect(() => {
    let live = true;
    standardsOf(client).then(
      (s) => live && setStandards(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);
  return standards;
}

export const standardOfYear = (standards: readonly PovertyStandard[] | null, reviewYear: number): PovertyStandard | null =>
  standards?.find((s) => reviewYear >= s.reviewYears.from && reviewYear <= s.reviewYears.to) ?? null;
