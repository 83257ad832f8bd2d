import { given, type Client } from '../api/client';
import type { At } from '../api/types';
import type { paths } from '../api/generated/ledger-api';

type Query = paths['/api/v1/reports/programme']['get']['parameters']['query'];
export type ReportFormat = 'html' | 'xlsx' | 'csv';
export type ReportQuery = Readonly<{ unit: string; fiscalYear: string }>;

/** The CSV tables of the programme report (`table=`); without one the API answers a ZIP of them all. */
export const REPORT_TABLES = ['info', 'households', 'indicators', 'communes', 'funds', 'projects', 'plan', 'checks'] as const;

/**
 * GET /reports/programme in one format, as a file with the name the server gives it: fetched with
 * the session's token, which an iframe or a plain link could not send.
 */
export async function programmeReport(
  client: Client,
  q: ReportQuery,
  at: At,
  format: ReportFormat,
  table?: Query['table'],
): Promise<{ blob: Blob; fileName: string | null }> {
  let fileName: string | null = null;
  const blob = await client.unwrap(
    client.api.GET('/api/v1/reports/programme', { params: { query: given<Query>({ ...q, ...at, format, table }) }, parseAs: 'blob' }).then((answer) => {
      fileName = /filename="([^"]+)"/.exec(answer.response.headers.get('content-disposition') ?? '')?.[1] ?? null;
      return answer;
    }),
  );
  return { blob: blob as Blob, fileName };
}
