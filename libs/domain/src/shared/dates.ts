import { invalid } from './errors';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day `YYYY-MM-DD` that exists (no 2023-02-30). */
export function assertDay(field: string, value: unknown): asserts value is string {
  const m = typeof value === 'string' ? DAY.exec(value) : null;
  if (!m) throw invalid(field, 'must be a date YYYY-MM-DD');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw invalid(field, `${value} is not a calendar date`);
  }
}

/** The day (YYYY-MM-DD) of an instant in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export function vietnamDay(isoInstant: string): string {
  const t = Date.parse(isoInstant) + 7 * 3600_000;
  return new Date(t).toISOString().slice(0, 10);
}
