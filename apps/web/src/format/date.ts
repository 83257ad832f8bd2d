/**
 * Dates as Vietnamese documents write them: 30/6/2022 (no leading zeros). A day (YYYY-MM-DD) is a
 * calendar day and is printed as is, without passing through a time zone; an instant is shown in
 * Asia/Ho_Chi_Minh, where the ledger's days are counted.
 */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FORMAT = new Intl.DateTimeFormat('vi-VN', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' });
const INSTANT_FORMAT = new Intl.DateTimeFormat('vi-VN', {
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
  timeZone: 'Asia/Ho_Chi_Minh',
});

export function formatDate(day: string): string {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`a day must be YYYY-MM-DD, got '${day}'`);
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(t);
  if (back.getUTCFullYear() !== Number(m[1]) || back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) {
    throw new RangeError(`no such day: '${day}'`);
  }
  return DAY_FORMAT.format(t);
}

/** "14:05:09 30/6/2022" for an ISO instant, in Asia/Ho_Chi_Minh. */
export function formatInstant(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new RangeError(`not an ISO instant: '${iso}'`);
  return INSTANT_FORMAT.format(t);
}

/** Today in Asia/Ho_Chi_Minh as YYYY-MM-DD (the ledger's day), for a form's default value date. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}
