import type { Cell, Table } from './table';

const BOM = '\uFEFF';

const field = (v: Cell): string => {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * One table as CSV (RFC 4180, CRLF), UTF-8 with a byte-order mark so Excel opens Vietnamese text
 * correctly. Amounts are whole đồng and rates percent with a dot, as in the JSON.
 */
export function renderCsv(t: Table): string {
  const lines = [t.columns.map((c) => field(c.header)).join(','), ...t.rows.map((r) => r.cells.map(field).join(','))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export const csvFileName = (t: Table): string => `${t.section.replace(/\./g, '_')}-${t.id}.csv`;
