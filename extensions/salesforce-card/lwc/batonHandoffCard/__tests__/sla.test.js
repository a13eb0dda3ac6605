// The card's SLA clocks and quality score: met, at risk and breached with their due times, the
// alerts of the ones that need someone, and the quality total, band and breakdown.
import { DEFAULT_POLICY, analyzeHandoff } from 'c/batonCore';
import {
  OTHER_AE_ID,
  USER_ID,
  completeDraft,
  completeExample,
  handoffRecord,
  opportunityRecord,
  thinDraft,
} from './data/records';
import { byId, emitHandoff, loadCard, textOf, unmountAll } from './data/mount';

const asAe = opportunityRecord({ ownerId: USER_ID });

afterEach(() => {
  unmountAll();
  jest.useRealTimers();
});

/** Each clock's row: label, status and times, as the card shows them. */
function clockRows(card) {
  return [...byId(card, 'sla-clocks').querySelectorAll('li')].map((li) => ({
    name: li.dataset.clock,
    status: li.querySelector('lightning-badge').label,
    theme: li.querySelector('lightning-badge').className,
    times: li.querySelector('.slds-text-body_small').textContent.trim(),
  }));
}

describe('SLA clocks', () => {
  it('shows breached and at-risk clocks with their due times, and an alert for each', async () => {
    // The thin example closed won 2026-11-20 16:30 UTC: 67.5 hours later nothing is done.
    jest.useFakeTimers().setSystemTime(Date.parse('2026-11-23T12:00:00Z'));
    const card = await loadCard(asAe, handoffRecord(thinDraft(USER_ID)));

    const rows = clockRows(card);
    expect(rows.find((row) => row.name === 'handoff_meeting')).toEqual({
      name: 'handoff_meeting',
      status: 'Breached',
      theme: 'slds-theme_error',
      times: 'Due 2026-11-22 16:30 UTC · Done —',
    });
    expect(rows.find((row) => row.name === 'cs_prep')).toMatchObject({
      status: 'At risk',
      theme: 'slds-theme_warning',
      times: 'Due 2026-11-23 16:30 UTC · Done —',
    });
    expect(rows.find((row) => row.name === 'kickoff_held')).toMatchObject({ status: 'Pending' });
    expect(byId(card, 'sla-state').label).toBe('SLA breached');

    const alerts = [...card.shadowRoot.querySelectorAll('[data-id="sla-alert"]')].map((alert) =>
      alert.textContent.trim(),
    );
    expect(alerts).toContain(
      'SLA breachedInternal handoff meeting is overdue (was due 2026-11-22T16:30:00Z)',
    );
    expect(alerts).toContain(
      'SLA at riskCS internal prep (success plan ready) is due 2026-11-23T16:30:00Z',
    );
  });

  it('shows met clocks with when they were done, and no alert', async () => {
    jest.useFakeTimers().setSystemTime(Date.parse('2026-11-03T16:00:00Z'));
    const onTime = {
      ...completeDraft(USER_ID),
      meeting: { heldAt: '2026-11-03T15:00:00Z', participants: ['ae', 'csm'] },
      timeline: { introSentAt: '2026-11-03T10:00:00Z' },
    };
    const card = await loadCard(asAe, handoffRecord(onTime));
    expect(clockRows(card).find((row) => row.name === 'handoff_meeting')).toMatchObject({
      status: 'Met',
      theme: 'slds-theme_success',
      times: 'Due 2026-11-04 10:00 UTC · Done 2026-11-03 15:00 UTC',
    });
    expect(byId(card, 'sla-state').label).toBe('SLA on track');
    expect(card.shadowRoot.querySelectorAll('[data-id="sla-alert"]')).toHaveLength(0);
  });

  it('reads the clocks again when a new record arrives', async () => {
    jest.useFakeTimers().setSystemTime(Date.parse('2026-11-21T12:00:00Z'));
    const card = await loadCard(asAe, handoffRecord(thinDraft(USER_ID)));
    expect(byId(card, 'sla-state').label).toBe('SLA on track');
    jest.setSystemTime(Date.parse('2026-11-23T12:00:00Z'));
    await emitHandoff(handoffRecord(thinDraft(USER_ID), { version: 4 }));
    expect(byId(card, 'sla-state').label).toBe('SLA breached');
  });
});

describe('quality', () => {
  it('shows the total, the band and what the score is made of', async () => {
    jest.useFakeTimers().setSystemTime(Date.parse('2026-11-23T12:00:00Z'));
    const card = await loadCard(asAe, handoffRecord(thinDraft(USER_ID)));
    expect(textOf(card, 'quality-total')).toMatch(/^Quality \d+ \/ 100$/);
    expect(byId(card, 'quality-band').label).toBe('Substandard: needs remediation');
    expect(byId(card, 'quality-band').className).toBe('slds-theme_error');
    const parts = [...byId(card, 'quality-parts').querySelectorAll('div')].map((part) => [
      part.querySelector('dt').textContent,
      part.querySelector('dd').textContent,
    ]);
    expect(parts).toHaveLength(9);
    expect(parts[0]?.[0]).toBe('Deal summary complete');
    expect(parts.find(([label]) => label === 'Handoff within SLA')?.[1]).toMatch(/^0 \/ 15 \(/);
  });

  it('bands a complete handoff, met on time, excellent', async () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    jest.useFakeTimers().setSystemTime(now);
    const example = completeExample(OTHER_AE_ID);
    const card = await loadCard(asAe, handoffRecord(example));
    const { quality } = analyzeHandoff(example, DEFAULT_POLICY, now);
    expect(quality.total).toBeGreaterThanOrEqual(90);
    expect(textOf(card, 'quality-total')).toBe(`Quality ${quality.total} / 100`);
    expect(byId(card, 'quality-band').label).toBe('Excellent');
    expect(byId(card, 'quality-band').className).toBe('slds-theme_success');
    expect(textOf(card, 'ownership')).toBe('CS owns the customer (accepted from AE)');
  });
});
