import type { Client } from '../api/client';
import type { At } from '../api/types';

export type ReportFormat = 'html' | 'xlsx' | 'csv';

/** The CSV tables of the programme report (`table=`); without one the API answers a ZIP of them all. */
export const REPORT_TABLES = ['info', 'households', 'indicators', 'communes', 'funds', 'projects', 'plan', 'checks'] as const;

export type ReportQuery = Readonly<{ unit: string; fiscalYear: string }>;

/** GET /reports/programme in one format, with the session's token (an iframe or a link could not send it). */
export const programmeReport = (client: Client, q: ReportQuery, at: At, format: ReportFormat, table?: string) =>
  client.file('/reports/programme', { ...q, ...at, format, table });
