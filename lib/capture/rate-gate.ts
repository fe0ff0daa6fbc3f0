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

  /** Resolves when the caller may make its call, and books the slot. */
  async acquire(): Promise<void> {
    const at = Math.max(this.now(), this.nextAllowedAt);
    this.nextAllowedAt = at + this.intervalMs;
    const wait = at - this.now();
    if (wait > 0) await this.sleep(wait);
  }
}

export const CAPTURE_INTERVAL_MS = 550;

export function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
