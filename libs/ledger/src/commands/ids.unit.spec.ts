import { uuidv7 } from './ids';

describe('uuidv7', () => {
  it('is a version 7, variant 1 UUID carrying the millisecond it was made', () => {
    const at = Date.parse('2026-12-01T09:00:00.000Z');
    const id = uuidv7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts in the order the ids were made, within a millisecond and across them, and never repeats', () => {
    const ids: string[] = [];
    const start = Date.parse('2027-01-01T00:00:00.000Z');
    for (let i = 0; i < 20_000; i++) ids.push(uuidv7(start + Math.floor(i / 5000)));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('stays in order when the clock steps back', () => {
    const t = Date.parse('2028-01-01T00:00:00.000Z');
    const a = uuidv7(t);
    const b = uuidv7(t - 1000);
    expect(b > a).toBe(true);
  });
});
