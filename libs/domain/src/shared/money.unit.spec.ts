import { add, percent } from './money';

describe('money', () => {
  it('rounds a rate half-up to two decimals on integers', () => {
    expect(percent(27_673, 71_570)).toBe(38.67);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(2, 3)).toBe(66.67);
    expect(percent(5, 0)).toBe(0);
  });
  it('refuses a sum beyond the safe integer range', () => {
    expect(() => add(Number.MAX_SAFE_INTEGER, 1)).toThrow(/safe integer/);
  });
});
