import type { AuditEntry } from '../api/types';
import { formatDate, formatInstant } from '../format/date';
import type { Lang } from '../i18n/lang';
import { translate, translateCode, type MessageKey } from '../i18n/messages';

const BOM = '\uFEFF';

/**
 * A spreadsheet reads a cell starting with = + - @ (or a tab or CR) as a formula: text typed by a
 * user (a reason, a payee) is prefixed with an apostrophe so that it stays text (OWASP, CSV
 * injection). Numbers are written as numbers.
 */
function cell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The amount an entry moves, in whole đồng: a payment, a grant or passing down, an adjustment's delta. */
export function entryAmount(e: AuditEntry): number | null {
  const d = e.data;
  if (typeof d.amount === 'number') return d.amount;
  if (typeof d.delta === 'number') return d.delta;
  return null;
}

const COLUMNS: readonly MessageKey[] = [
  'position',
  'csvRecordedAt',
  'when',
  'actor',
  'csvRole',
  'csvEventType',
  'what',
  'navAllocation',
  'household',
  'disbursement',
  'amount',
  'csvDecisionNumber',
  'csvDecisionDate',
  'csvDecisionIssuer',
  'why',
  'csvData',
];

/**
 * The filtered trail as CSV (RFC 4180, CRLF), UTF-8 with a byte-order mark so that Excel shows
 * Vietnamese as it is; amounts whole đồng, the instant both as recorded (UTC) and in Viet Nam,
 * and the event's whole payload as JSON so that nothing of the entry is lost.
 */
export function auditCsv(entries: readonly AuditEntry[], lang: Lang): string {
  const head = COLUMNS.map((k) => cell(translate(lang, k))).join(',');
  const rows = entries.map((e) => {
    const d = e.data;
    const dec = e.metadata.decision;
    return [
      e.position,
      e.recordedAt,
      formatInstant(e.recordedAt),
      e.actor.userId,
      translateCode(lang, 'role_', e.actor.role),
      e.type,
      translateCode(lang, 'evt_', e.type),
      text(d.allocationId),
      text(d.householdId),
      text(d.disbursementId),
      entryAmount(e),
      dec?.number,
      dec ? formatDate(dec.date) : null,
      dec?.issuer,
      e.metadata.reason,
      JSON.stringify(d),
    ]
      .map(cell)
      .join(',');
  });
  return `${BOM}${[head, ...rows].join('\r\n')}\r\n`;
}
