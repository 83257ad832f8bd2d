import { DomainError, invalid } from './errors';

/**
 * Money is whole đồng held in a JS number that must stay a safe integer (VND has no minor unit;
 * the national programme's whole budget is ~10^14 đ, far below 2^53). Every sum is checked so an
 * overflow is refused instead of silently rounded.
 */
export type Dong = number;

export function assertPositiveAmount(field: string, value: unknown): asserts value is Dong {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw invalid(field, 'must be a positive whole number of đồng (a safe integer)');
  }
}

export function add(a: Dong, b: Dong): Dong {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) {
    throw new DomainError('AMOUNT_OUT_OF_RANGE', `sum ${a} + ${b} exceeds the safe integer range`);
  }
  return sum;
}

export const subtract = (a: Dong, b: Dong): Dong => add(a, -b);

export const sum = (values: Iterable<Dong>): Dong => {
  let total = 0;
  for (const v of values) total = add(total, v);
  return total;
};

/** part ÷ whole as a percent rounded half-up to two decimals, computed on integers. */
export function percent(part: Dong, whole: Dong): number {
  if (whole <= 0) return 0;
  const scaled = (BigInt(part) * 20000n + BigInt(whole)) / (2n * BigInt(whole));
  return Number(scaled) / 100;
}
