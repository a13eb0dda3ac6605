import fc from 'fast-check';
import {
  DEFAULT_POLICY,
  type HandoffDocument,
  MS_PER_HOUR,
  type Policy,
  analyzeHandoff,
} from '../../src/core';
import { handoff, policyWith } from '../helpers/handoff-factory';

// The factory's handoffs close on Monday 2026-11-02 10:00 UTC; the meeting is due 48 h later.
const CLOSED = Date.parse('2026-11-02T10:00:00Z');
const at = (hours: number) => CLOSED + hours * MS_PER_HOUR;

const alertKeys = (doc: HandoffDocument, now: number, policy: Policy = DEFAULT_POLICY) =>
  analyzeHandoff(doc, policy, now)
    .alerts.map((alert) => alert.key)
    .sort();

describe('nextSlaCheckAt', () => {
  it('is the first instant a clock of a fresh handoff turns at risk', () => {
    const analysis = analyzeHandoff(handoff(), DEFAULT_POLICY, at(1));
    const next = analysis.nextSlaCheckAt!;
    expect(next).toBeGreaterThan(at(1));
    expect(alertKeys(handoff(), next - 1)).toEqual([]);
    expect(alertKeys(handoff(), next).length).toBeGreaterThan(0);
  });

  it('moves on from one alert instant to the next until every clock is breached', () => {
    const doc = handoff();
    const seen: number[] = [];
    let now = at(0);
    for (let step = 0; step < 50; step++) {
      const next = analyzeHandoff(doc, DEFAULT_POLICY, now).nextSlaCheckAt;
      if (next === null) break;
      expect(next).toBeGreaterThan(now);
      seen.push(next);
      now = next;
    }
    expect(seen.length).toBeGreaterThan(2);
    const end = analyzeHandoff(doc, DEFAULT_POLICY, now);
    expect(end.nextSlaCheckAt).toBeNull();
    expect(
      end.clocks.filter((c) => c.startedAt !== null).every((c) => c.status === 'breached'),
    ).toBe(true);
  });

  it('finds the at-risk instant on business days across a weekend', () => {
    const policy = policyWith({ timeBasis: 'business_days' });
    // Closed on a Friday: the window runs over Saturday and Sunday, which do not count.
    const friday = handoff({ deal: { ...handoff().deal, closedWonAt: '2026-11-06T10:00:00Z' } });
    const next = analyzeHandoff(friday, policy, Date.parse('2026-11-06T11:00:00Z')).nextSlaCheckAt!;
    expect(alertKeys(friday, next - 1, policy)).toEqual([]);
    expect(alertKeys(friday, next, policy).length).toBeGreaterThan(0);
    expect(new Date(next).getUTCDay()).not.toBe(6);
    expect(new Date(next).getUTCDay()).not.toBe(0);
  });

  it('never lets an alert appear between now and the next check (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 24 * 14 }),
        fc.integer({ min: 1, max: 1000 }),
        (h, f) => {
          const doc = handoff();
          const now = at(h);
          const next = analyzeHandoff(doc, DEFAULT_POLICY, now).nextSlaCheckAt;
          const before = alertKeys(doc, now);
          const probe = next === null ? now + f * MS_PER_HOUR : now + ((next - now) * f) / 1001;
          expect(alertKeys(doc, Math.floor(probe))).toEqual(before);
        },
      ),
    );
  });
});
