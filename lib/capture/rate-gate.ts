/**
 * Spaces calls so that no two start closer than `intervalMs`. Chrome refuses more than two
 * captureVisibleTab calls per second; a little more than 500 ms between calls keeps clear of it.
 */
export class RateGate {
  private nextAllowedAt = 0;

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = defaultSleep,
  ) {}

  private lastCallAt = -Infinity;

  /** Resolves when the caller may start its work towards a call, and books the slot. */
  async acquire(): Promise<void> {
    const at = Math.max(this.now(), this.nextAllowedAt);
    this.nextAllowedAt = at + this.intervalMs;
    const wait = at - this.now();
    if (wait > 0) await this.sleep(wait);
  }

  /**
   * Right before the call itself: the work between `acquire` and the call (masking the page)
   * takes longer some times than others, so calls can come closer than their slots did. This
   * waits out what is left of the interval since the last call (usually nothing), and notes this one.
   */
  async beforeCall(): Promise<void> {
    const wait = this.lastCallAt + this.intervalMs - this.now();
    if (wait > 0) await this.sleep(wait);
    this.lastCallAt = this.now();
  }
}

export const CAPTURE_INTERVAL_MS = 550;

export function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
