import type { Client } from '../api/client';
import type { ChainRecord } from './chain-verifier';

export type ChainHeadAnswer = Readonly<{ position: number; hash: string }>;

/** The head of the log, as the server states it. */
export const integrityHead = (client: Client) => client.get<ChainHeadAnswer>('/integrity');

/** The log's records exactly as hashed, from genesis, a page at a time (inspectors and admins only). */
export async function* chainRecords(client: Client, pageSize = 1000): AsyncGenerator<readonly ChainRecord[]> {
  let cursor: string | undefined;
  do {
    const page = await client.get<{ items: ChainRecord[]; nextCursor: string | null }>('/integrity/events', { limit: pageSize, cursor });
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
