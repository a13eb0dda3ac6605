// SLA alerts: each escalation or reminder exactly once, however often the sweep sees it.
import type { SlaAlert } from '../../../src/core';
import { createSlaAlertsRepository } from '../../../src/server/db';
import { BACKENDS, NOW, OPEN_TIMEOUT_MS, type TestDatabase, minutesAfter } from './test-databases';

const HANDOFF = { portalId: '4242', handoffKey: 'deal-1:sales_to_cs' };

const alert = (overrides: Partial<SlaAlert> = {}): SlaAlert => ({
  key: 'acceptance@2026-11-20T10:00:00.000Z:breached',
  kind: 'breached',
  clock: 'acceptance',
  notify: 'receiver_manager',
  dueAt: '2026-11-22T10:00:00.000Z',
  message: 'Acceptance is overdue (was due 2026-11-22T10:00:00.000Z)',
  ...overrides,
});

describe.each(BACKENDS)('the SLA alerts repository on $name', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await backend.open();
  }, OPEN_TIMEOUT_MS);
  afterAll(() => t.dispose());
  beforeEach(() => t.reset());

  const alerts = () => createSlaAlertsRepository(t.db);

  it('raises an alert the first time only', async () => {
    expect(await alerts().raiseOnce(HANDOFF, alert(), NOW)).toBe(true);
    expect(await alerts().raiseOnce(HANDOFF, alert(), minutesAfter(NOW, 15))).toBe(false);
    expect(await alerts().listFor(HANDOFF)).toEqual([{ alert: alert(), raisedAt: NOW }]);
  });

  it('raises an alert once when sweeps on several copies see it at the same moment', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => alerts().raiseOnce(HANDOFF, alert(), NOW)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('treats another alert, or the same alert of another handoff, as new', async () => {
    const atRisk = alert({
      key: 'acceptance@2026-11-20T10:00:00.000Z:at_risk',
      kind: 'at_risk',
    });
    expect(await alerts().raiseOnce(HANDOFF, atRisk, NOW)).toBe(true);
    expect(await alerts().raiseOnce(HANDOFF, alert(), minutesAfter(NOW, 1))).toBe(true);
    const other = { ...HANDOFF, handoffKey: 'deal-2:sales_to_cs' };
    expect(await alerts().raiseOnce(other, alert(), NOW)).toBe(true);
    expect((await alerts().listFor(HANDOFF)).map((a) => a.alert.kind)).toEqual([
      'at_risk',
      'breached',
    ]);
  });

  it("refuses an alert that is not one of core's, and records nothing", async () => {
    const bogus = { ...alert(), clock: 'coffee_break' } as unknown as SlaAlert;
    await expect(alerts().raiseOnce(HANDOFF, bogus, NOW)).rejects.toThrow(
      /clock: expected one of handoff_meeting/,
    );
    expect(await alerts().listFor(HANDOFF)).toEqual([]);
  });
});
