/** A disbursement rate as the API gives it (a percentage with two decimals): "38,67 %". */
const RATE = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatRate(percent: number): string {
  if (!Number.isFinite(percent)) throw new RangeError(`a rate must be a finite number, got ${percent}`);
  return `${RATE.format(percent)} %`;
}

/**
 * A bar's length for a part of a whole, in percent from 0 to 100 (display only: money is never
 * derived from it).
 */
export function barWidth(part: number, whole: number): number {
  if (whole <= 0 || part <= 0) return 0;
  return Math.min(100, (part / whole) * 100);
}
