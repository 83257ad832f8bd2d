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

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An optional instant that must lie after `now` (e.g. a token's expiry): absent or null is none;
 * otherwise ISO 8601 with a time and an offset, answered in UTC.
 */
export function futureInstantOrNull(field: string, value: unknown, now: string): string | null {
  if (value === undefined || value === null) return null;
  const t = typeof value === 'string' && INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(t)) throw invalid(field, 'must be an ISO 8601 instant with a time and an offset, e.g. 2026-12-31T17:00:00Z');
  if (t <= Date.parse(now)) throw invalid(field, `must be later than now (${now})`);
  return new Date(t).toISOString();
}
