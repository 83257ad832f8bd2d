import { AuthFailures } from '../apps/api/src/http/auth-failures';

describe('failed authentications per client address', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 1_000_000));

  it('allows the allowance, then asks to wait until the oldest failure leaves the minute', () => {
    const limiter = new AuthFailures(3, clock);
    expect([limiter.fail('10.0.0.1'), limiter.fail('10.0.0.1')]).toEqual([null, null]);
    now += 20_000;
    expect(limiter.fail('10.0.0.1')).toBeNull();
    expect(limiter.fail('10.0.0.1')).toBe(40);
    now += 39_500;
    expect(limiter.fail('10.0.0.1')).toBe(1);
    now += 501;
    // The first two failures left the window: two more are allowed, the third waits for the one at +20 s.
    expect([limiter.fail('10.0.0.1'), limiter.fail('10.0.0.1'), limiter.fail('10.0.0.1')]).toEqual([null, null, 20]);
  });

  it('counts each address on its own', () => {
    const limiter = new AuthFailures(1, clock);
    expect(limiter.fail('10.0.0.1')).toBeNull();
    expect(limiter.fail('10.0.0.2')).toBeNull();
    expect(limiter.fail('10.0.0.1')).toBe(60);
  });

  it('never refuses when the allowance is 0 (switched off)', () => {
    const limiter = new AuthFailures(0, clock);
    for (let i = 0; i < 100; i++) expect(limiter.fail('10.0.0.1')).toBeNull();
  });

  it('keeps a bounded number of addresses, forgetting the quiet ones first', () => {
    const limiter = new AuthFailures(1, clock);
    expect(limiter.fail('busy')).toBeNull();
    for (let i = 0; i < 10_001; i++) limiter.fail(`10.0.${i}`);
    // 'busy' was the least recently failed: forgotten, so it is within its allowance again.
    expect(limiter.fail('busy')).toBeNull();
    expect(limiter.fail('10.0.10000')).toBe(60);
  });
});
