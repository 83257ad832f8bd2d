import type { Client } from '../api/client';
import type { At } from '../api/types';
import type { DisbursementTrace } from './types';

/** The trace screens' calls that the shared client does not make itself. */
export const disbursementTrace = (client: Client, id: string, at: At): Promise<DisbursementTrace> =>
  client.unwrap(client.api.GET('/api/v1/disbursements/{id}/trace', { params: { path: { id }, query: { ...at } } }));
