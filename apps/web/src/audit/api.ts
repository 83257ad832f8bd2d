import type { Client } from '../api/client';
import type { At, AuditEntry } from '../api/types';

export type AuditFilters = Parameters<Client['audit']>[0];

/**
 * Every entry the filters select, page after page (1000 a page, the API's largest), for the CSV.
 * `onPage` says how many have come so far, for a trail of many thousand entries.
 */
export async function wholeAuditTrail(client: Client, filters: AuditFilters, at: At, onPage: (count: number) => void): Promise<AuditEntry[]> {
  const items: AuditEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.audit({ ...filters, limit: 1000, cursor }, at);
    items.push(...page.items);
    onPage(items.length);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
