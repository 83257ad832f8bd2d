import type { Client } from '../api/client';
import type { components } from '../api/generated/ledger-api';
import type { ChainRecord } from './chain-verifier';

export type ChainHeadAnswer = components['schemas']['IntegrityHeadDto'];

/** The head of the log, as the server states it. */
export const integrityHead = (client: Client): Promise<ChainHeadAnswer> => client.integrity();

/** The log's records exactly as hashed, from genesis, a page at a time (inspectors and admins only). */
export async function* chainRecords(client: Client, pageSize = 1000): AsyncGenerator<readonly ChainRecord[]> {
  let cursor: string | undefined;
  do {
    const page = await client.unwrap(
      client.api.GET('/api/v1/integrity/events', { params: { query: cursor === undefined ? { limit: pageSize } : { limit: pageSize, cursor } } }),
    );
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
