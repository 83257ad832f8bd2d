import { CONTENT_TYPES, REPORT_FORMATS, type ReportFormat } from '../../../../../libs/ledger/src';

const BY_MEDIA_TYPE: Readonly<Record<string, ReportFormat>> = {
  'application/json': 'json',
  'text/html': 'html',
  [CONTENT_TYPES.xlsx]: 'xlsx',
  'text/csv': 'csv',
};

/**
 * `format=` wins; otherwise the first media type of `Accept` (by q, then order) the report has;
 * `*\/*`, none or only others: JSON.
 */
export function chooseFormat(format: string | undefined, accept: string | string[] | undefined): ReportFormat {
  if (format !== undefined && (REPORT_FORMATS as readonly string[]).includes(format)) return format as ReportFormat;
  const header = Array.isArray(accept) ? accept.join(',') : (accept ?? '');
  const ranked = header
    .split(',')
    .map((part, order) => {
      const [type, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { type: type!.trim(), q: q ? Number(q.slice(2)) : 1, order };
    })
    .filter((m) => m.q > 0 && BY_MEDIA_TYPE[m.type] !== undefined)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranked[0] ? BY_MEDIA_TYPE[ranked[0].type]! : 'json';
}
