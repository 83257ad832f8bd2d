import { invalid } from '../../../../domain/src';
import type { ProgrammeReport } from './programme-report.model';
import { csvFileName, renderCsv } from './render-csv';
import { renderHtml } from './render-html';
import { renderXlsx } from './render-xlsx';
import { TABLE_IDS, type Table } from './table';
import { zipStore } from './zip';

export const REPORT_FORMATS = ['json', 'html', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Readonly<Record<ReportFormat | 'zip', string>> = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  zip: 'application/zip',
};

export type RenderedReport = Readonly<{ contentType: string; fileName: string; body: Buffer | string | ProgrammeReport }>;

/** `bao-cao-PHONG-THO-2022-p1234`: the unit, the year and the log position the figures are from. */
export const reportBaseName = (r: ProgrammeReport) => `bao-cao-chuong-trinh-${r.header.unit.code}-${r.header.fiscalYear}-p${r.header.asOf.position}`;

/** One format of the report; CSV is one table (`table`), or a ZIP of every table without it. */
export async function renderReport(report: ProgrammeReport, tables: readonly Table[], format: ReportFormat, table?: string): Promise<RenderedReport> {
  if (table !== undefined && format !== 'csv') throw invalid('table', 'only applies to format=csv');
  if (table !== undefined && !TABLE_IDS.includes(table as (typeof TABLE_IDS)[number])) throw invalid('table', `must be one of ${TABLE_IDS.join(', ')}`);
  const base = reportBaseName(report);
  switch (format) {
    case 'json':
      return { contentType: CONTENT_TYPES.json, fileName: `${base}.json`, body: report };
    case 'html':
      return { contentType: CONTENT_TYPES.html, fileName: `${base}.html`, body: renderHtml(report, tables) };
    case 'xlsx':
      return {
        contentType: CONTENT_TYPES.xlsx,
        fileName: `${base}.xlsx`,
        body: await renderXlsx(tables, { title: base, created: new Date(report.header.generatedAt) }),
      };
    case 'csv': {
      if (table !== undefined) {
        const t = tables.find((x) => x.id === table)!;
        return { contentType: CONTENT_TYPES.csv, fileName: `${base}-${csvFileName(t)}`, body: renderCsv(t) };
      }
      const files = tables.map((t) => ({ name: csvFileName(t), data: Buffer.from(renderCsv(t), 'utf8') }));
      return { contentType: CONTENT_TYPES.zip, fileName: `${base}-csv.zip`, body: zipStore(files, new Date(report.header.generatedAt)) };
    }
    default: {
      const _exhaustive: never = format;
      return _exhaustive;
    }
  }
}
