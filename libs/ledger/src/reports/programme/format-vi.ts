/** Figures as officers write them: 27.673 triệu đồng, 38,67%, 20/12/2022 (vi-VN, Asia/Ho_Chi_Minh). */
const millions = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 });
const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Whole đồng in millions, up to three decimals (one thousand đồng): display only, never summed. */
export const formatMillions = (dong: number): string => millions.format(dong / 1_000_000);
export const formatCount = (n: number): string => integer.format(n);
export const formatRate = (rate: number | null): string => (rate === null ? '–' : `${twoDecimals.format(rate)}%`);

/** `2022-12-20` → `20/12/2022`. */
export const formatDay = (day: string): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** An instant in Asia/Ho_Chi_Minh (UTC+7, no daylight saving): `20/12/2022 17:05`. */
export function formatInstant(iso: string): string {
  const local = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return `${formatDay(local.slice(0, 10))} ${local.slice(11, 16)}`;
}
