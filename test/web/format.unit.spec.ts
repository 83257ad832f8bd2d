import { formatDate, formatInstant, todayInVietnam } from '../../apps/web/src/format/date';
import { formatMoney, parseDong } from '../../apps/web/src/format/money';
import { barWidth, formatRate } from '../../apps/web/src/format/rate';

describe('console formatting (vi-VN)', () => {
  it('writes đồng with dot grouping and a trailing đ', () => {
    expect(formatMoney(27_673_000_000)).toBe('27.673.000.000 đ');
    expect(formatMoney(71_570_000_000)).toBe('71.570.000.000 đ');
    expect(formatMoney(0)).toBe('0 đ');
    expect(formatMoney(999)).toBe('999 đ');
    expect(formatMoney(-5_000_000_000)).toBe('-5.000.000.000 đ');
    expect(formatMoney(Number.MAX_SAFE_INTEGER)).toBe('9.007.199.254.740.991 đ');
  });

  it('writes millions of đồng exactly, without rounding', () => {
    expect(formatMoney(27_673_000_000, 'million')).toBe('27.673 triệu đồng');
    expect(formatMoney(84_530_000_000, 'million', 'en')).toBe('84.530 million đồng');
    expect(formatMoney(1_500_000, 'million')).toBe('1,5 triệu đồng');
    expect(formatMoney(1_234_567, 'million')).toBe('1,234567 triệu đồng');
    expect(formatMoney(1, 'million')).toBe('0,000001 triệu đồng');
    expect(formatMoney(-43_897_000_000, 'million')).toBe('-43.897 triệu đồng');
  });

  it('refuses an amount that is not whole đồng', () => {
    expect(() => formatMoney(0.5)).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN)).toThrow(RangeError);
    expect(() => formatMoney(2 ** 53)).toThrow(RangeError);
  });

  it('reads what an officer types as whole đồng', () => {
    expect(parseDong('27.673.000.000')).toBe(27_673_000_000);
    expect(parseDong('27673000000')).toBe(27_673_000_000);
    expect(parseDong(' 12 000 000 đ ')).toBe(12_000_000);
    expect(parseDong('1,5')).toBeNull();
    expect(parseDong('-5')).toBeNull();
    expect(parseDong('')).toBeNull();
    expect(parseDong('12abc')).toBeNull();
    expect(parseDong('99999999999999999')).toBeNull();
  });

  it('writes rates with a decimal comma and two decimals', () => {
    expect(formatRate(38.67)).toBe('38,67 %');
    expect(formatRate(80)).toBe('80,00 %');
    expect(formatRate(0)).toBe('0,00 %');
    expect(formatRate(100)).toBe('100,00 %');
    expect(() => formatRate(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('sizes bars between 0 and 100', () => {
    expect(barWidth(27_673_000_000, 71_570_000_000)).toBeCloseTo(38.666, 2);
    expect(barWidth(5, 0)).toBe(0);
    expect(barWidth(-1, 10)).toBe(0);
    expect(barWidth(20, 10)).toBe(100);
  });

  it('writes days as Vietnamese documents do, without a time zone shift', () => {
    expect(formatDate('2022-06-30')).toBe('30/6/2022');
    expect(formatDate('2022-01-01')).toBe('1/1/2022');
    expect(formatDate('2022-12-31')).toBe('31/12/2022');
    expect(() => formatDate('2022-02-30')).toThrow(RangeError);
    expect(() => formatDate('30/6/2022')).toThrow(RangeError);
  });

  it('writes instants in Asia/Ho_Chi_Minh', () => {
    expect(formatInstant('2022-06-30T17:05:09Z')).toBe('00:05:09 1/7/2022');
    expect(formatInstant('2022-06-30T07:05:09.123+00:00')).toBe('14:05:09 30/6/2022');
    expect(() => formatInstant('yesterday')).toThrow(RangeError);
  });

  it('knows the ledger’s day in Viet Nam', () => {
    expect(todayInVietnam(new Date('2022-06-30T17:30:00Z'))).toBe('2022-07-01');
    expect(todayInVietnam(new Date('2022-06-30T16:59:59Z'))).toBe('2022-06-30');
  });
});
