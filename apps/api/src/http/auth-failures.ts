const WINDOW_MS = 60_000;
const MAX_ADDRESSES = 10_000;

/**
 * Failed authentications per client address over the last minute (a sliding window). Once an
 * address has used its allowance, each further failure is answered 429 and not counted, so it may
 * try again as soon as its oldest failure leaves the window. Successes are never counted or
 * refused: a colleague at the same office address signs in while someone else mistypes.
 */
export class AuthFailures {
  private readonly recent = new Map<string, number[]>();

  constructor(
    readonly perMinute: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Records a failure of `address`; null if it is within the allowance, else the whole seconds to wait. */
  fail(address: string): number | null {
    if (this.perMinute <= 0) return null;
    const now = this.clock();
    const times = (this.recent.get(address) ?? []).filter((t) => t > now - WINDOW_MS);
    if (times.length >= this.perMinute) {
      this.recent.set(address, times);
      return Math.max(1, Math.ceil((times[0]! + WINDOW_MS - now) / 1000));
    }
    times.push(now);
    this.recent.delete(address);
    this.recent.set(address, times);
    if (this.recent.size > MAX_ADDRESSES) this.forgetOldest(now);
    return null;
  }

  /** Addresses with no failure in the window go first; beyond that, the least recently failed. */
  private forgetOldest(now: number): void {
    for (const [address, times] of this.recent) if (times[times.length - 1]! <= now - WINDOW_MS) this.recent.delete(address);
    while (this.recent.size > MAX_ADDRESSES) this.recent.delete(this.recent.keys().next().value!);
  }
}
