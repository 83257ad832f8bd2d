import type { Doc, Scalar, ScanPage } from '../../../ledger/src/ports/read-store.port';

const matches = (d: Doc, where: Readonly<Record<string, Scalar>>): boolean =>
  Object.entries(where).every(([f, v]) => ((d as Record<string, unknown>)[f] ?? null) === v);

/**
 * ReadStore.scan over an in-memory map keyed `collection\0id`: candidates are the current
 * documents matching `where` after `afterId`, in id order, `limit` of them; `docOf` reads each as
 * the scan needs it (the document itself, or its version at a position).
 */
export function scanMap<T extends Doc>(
  current: ReadonlyMap<string, Doc>,
  collection: string,
  where: Readonly<Record<string, Scalar>>,
  afterId: string | null,
  limit: number,
  docOf: (key: string) => Doc | null,
): ScanPage<T> {
  const prefix = `${collection}\u0000`;
  const ids: string[] = [];
  for (const [k, d] of current) {
    if (!k.startsWith(prefix)) continue;
    const id = k.slice(prefix.length);
    if ((afterId === null || id > afterId) && matches(d, where)) ids.push(id);
  }
  const candidates = ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, limit);
  const docs: T[] = [];
  for (const id of candidates) {
    const d = docOf(prefix + id);
    if (d && matches(d, where)) docs.push(structuredClone(d) as T);
  }
  return { docs, next: candidates.length === limit ? candidates[candidates.length - 1]! : null };
}
