// The pacer keeps requests to one account inside its limit: at most `perSecond` start in any
// one-second window, in the order they asked, and a request within the budget never waits.
import { RequestPacer } from '../../src/crm/hubspot/request-pacer';

describe('RequestPacer', () => {
  beforeEach(() => jest.useFakeTimers({ now: Date.parse('2026-11-23T12:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('starts requests within the budget at once and the rest in later windows, in order', async () => {
    const pacer = new RequestPacer(3);
    const started: { id: number; at: number }[] = [];
    const all = Array.from({ length: 8 }, (_, id) =>
      pacer.take().then(() => started.push({ id, at: Date.now() })),
    );
    await Promise.resolve();
    await Promise.resolve();
    expect(started.map((s) => s.id)).toEqual([0, 1, 2]);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(started.map((s) => s.id)).toEqual([0, 1, 2, 3, 4, 5]);
    await jest.advanceTimersByTimeAsync(1_000);
    await Promise.all(all);
    expect(started.map((s) => s.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // No one-second window holds more than three starts.
    for (const first of started) {
      const inWindow = started.filter((s) => s.at >= first.at && s.at < first.at + 1_000);
      expect(inWindow.length).toBeLessThanOrEqual(3);
    }
  });

  it('starts a fresh window after a quiet spell without waiting', async () => {
    const pacer = new RequestPacer(2);
    await pacer.take();
    await pacer.take();
    jest.advanceTimersByTime(5_000);
    let started = false;
    void pacer.take().then(() => (started = true));
    await Promise.resolve();
    expect(started).toBe(true);
  });

  it('refuses a budget below one request a second', () => {
    expect(() => new RequestPacer(0)).toThrow('perSecond must be a whole number of at least 1');
  });
});
