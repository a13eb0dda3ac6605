// Keeps Baton's requests to one HubSpot account inside the account's rolling 10-second limit.
// HubSpot counts any 10 seconds, so a budget refilled once per 10 s would let a burst at the end
// of one refill and another at the start of the next both through. Here at most `perSecond`
// requests start in any one-second window; windows start when a request comes after a quiet
// spell, and any 10 s touch at most 11 of them, hence the caller's 10 % headroom.
//
// A request within the budget starts at once, with no timer: the pacer costs nothing until
// the budget runs out. (The HubSpot client's own limiter, Bottleneck, yields to a timer at
// every step, adding ~6 ms to every request even with room to spare.)

const WINDOW_MS = 1_000;

export class RequestPacer {
  private windowStart = Number.NEGATIVE_INFINITY;
  private used = 0;
  private readonly waiting: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly perSecond: number,
    private readonly clock: () => number = Date.now,
  ) {
    if (!Number.isInteger(perSecond) || perSecond < 1)
      throw new Error(`perSecond must be a whole number of at least 1, got ${perSecond}`);
  }

  /** Resolves when this request may start. Requests start in the order they asked. */
  take(): Promise<void> {
    if (this.waiting.length === 0 && this.tryStart()) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private tryStart(): boolean {
    const now = this.clock();
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now;
      this.used = 0;
    }
    if (this.used >= this.perSecond) return false;
    this.used++;
    return true;
  }

  private schedule(): void {
    if (this.timer !== null) return;
    const wait = Math.max(0, this.windowStart + WINDOW_MS - this.clock());
    this.timer = setTimeout(() => {
      this.timer = null;
      while (this.waiting.length > 0 && this.tryStart()) this.waiting.shift()!();
      if (this.waiting.length > 0) this.schedule();
    }, wait);
  }
}
