/** One refused row of a review file, as `details.errors` of the 400 lists it. */
export type ImportRowError = Readonly<{ row: number; field: string; message: string }>;

/**
 * The refused rows of a review file as a CSV an officer opens in a spreadsheet beside the file:
 * UTF-8 with a byte-order mark (so Excel reads the Vietnamese right), CRLF lines (RFC 4180), and
 * a cell that a spreadsheet would take for a formula is prefixed with an apostrophe (the server's
 * messages quote what the file said, and a file may say anything).
 */
export function badRowsCsv(errors: readonly ImportRowError[], header: readonly [string, string, string] = ['row', 'field', 'message']): string {
  const lines = [header, ...errors.map((e) => [String(e.row), e.field, e.message] as const)].map((cells) => cells.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The download's name beside the file it is about: `xa-ma-li-pho-2023.csv` → `xa-ma-li-pho-2023.errors.csv`. */
export function badRowsFileName(fileName: string): string {
  const base = fileName.replace(/\.[^./\\]*$/, '') || 'review-file';
  return `${base}.errors.csv`;
}

/** The rows of `details.errors` of a refused import, or null when the refusal is not about rows. */
export function rowErrorsOf(details: Readonly<Record<string, unknown>> | undefined): { errors: ImportRowError[]; count: number } | null {
  const list = details?.errors;
  if (!Array.isArray(list)) return null;
  const errors = list.filter(
    (e): e is ImportRowError =>
      typeof e === 'object' && e !== null && typeof e.row === 'number' && typeof e.field === 'string' && typeof e.message === 'string',
  );
  const count = typeof details?.errorCount === 'number' ? details.errorCount : errors.length;
  return { errors, count };
}
