import { given, type Client } from '../api/client';
import type { components, paths } from '../api/generated/ledger-api';

export type Changes = components['schemas']['ChangesDto'];
export type ChangesQuery = Readonly<{ from?: string; to?: string; unit?: string }>;
type Query = NonNullable<paths['/api/v1/changes']['get']['parameters']['query']>;

export const changesPage = (client: Client, q: ChangesQuery, cursor?: string): Promise<Changes> =>
  client.unwrap(client.api.GET('/api/v1/changes', { params: { query: given<Query>({ ...q, cursor }) } }));
