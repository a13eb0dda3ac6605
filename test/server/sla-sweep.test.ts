// The SLA sweep through the backend: the handoff index says which handoffs are due, the sweep
// raises each alert once and its escalation or reminder becomes one task on the deal, however
// often the sweep runs and however many backend copies run it at once.
import { MS_PER_HOUR } from '../../src/core';
import { planSlaWork } from '../../src/functions/sla-sweep';
import { createBackendRuntime, createLogger, singlePortal } from '../../src/server';
import {
  type Harness,
  NOW,
  PUBLIC_URL,
  SECRET,
  directory,
  recordsOf,
  stageChangeEvent,
  startHarness,
} from './helpers/backend-harness';

let clock = NOW;
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ now: () => clock });
});

afterAll(async () => {
  await harness.close();
});

async function startedDeal(): Promise<string> {
  const [dealId] = (await harness.closedWonDeals(1)) as [string];
  await harness.request('POST', '/hubspot/webhooks', { body: [stageChangeEvent(harness, dealId)] });
  await harness.drain();
  return dealId;
}

async function alertsOf(dealId: string): Promise<string[]> {
  const rows = await harness.storage.db.query<{ alert_key: string }>(
    'SELECT alert_key FROM sla_alerts WHERE handoff_key LIKE $1 ORDER BY alert_key',
    [`${dealId}:%`],
  );
  return rows.map((row) => row.alert_key);
}

async function sweep(): Promise<void> {
  await harness.runtime.sweepSla();
  await harness.drain();
}

describe('the SLA sweep', () => {
  // The webhook's event says the deal closed a second before NOW; the meeting is due 48 h later.
  const closed = NOW - 1_000;
  const afterClose = (hours: number) => closed + hours * MS_PER_HOUR;

  beforeEach(() => {
    clock = NOW;
  });

  it('indexes a new handoff with the first instant an alert falls due', async () => {
    const dealId = await startedDeal();
    const [entry] = (
      await harness.storage.handoffIndex.dueBefore(new Date(afterClose(1000)), 1000)
    ).filter((e) => e.dealId === dealId);
    expect(entry).toMatchObject({ state: 'draft', portalId: harness.portalId });
    // The meeting reminder, 24 h before the meeting is due (48 h after the close); the
    // clocks turn at risk later, at 75 % of their windows.
    expect(entry!.nextDueAt!.getTime()).toBe(afterClose(24));
    clock = afterClose(23);
    await sweep();
    expect(await alertsOf(dealId)).toEqual([]);
    clock = afterClose(24);
    await sweep();
    expect(await alertsOf(dealId)).toEqual([
      expect.stringMatching(/^handoff_meeting@.*:reminder$/),
    ]);
  });

  it('raises each alert once, as one task on the deal, however often it sweeps', async () => {
    const dealId = await startedDeal();
    clock = afterClose(37);
    await sweep();
    const atRisk = await alertsOf(dealId);
    expect(atRisk.length).toBeGreaterThan(0);
    expect(atRisk.every((key) => key.endsWith(':at_risk') || key.endsWith(':reminder'))).toBe(true);
    expect(await recordsOf(harness, dealId)).toEqual({ handoffs: 1, tasks: 5 + atRisk.length });

    await sweep();
    await sweep();
    expect(await alertsOf(dealId)).toEqual(atRisk);
    expect((await recordsOf(harness, dealId)).tasks).toBe(5 + atRisk.length);

    clock = afterClose(49);
    const context = await harness.target.adapter.loadDealContext(dealId);
    const due = planSlaWork(context, harness.deps.policy, directory, clock).map((w) => w.alert.key);
    await sweep();
    const all = await alertsOf(dealId);
    expect(all).toEqual([...new Set([...atRisk, ...due])].sort());
    expect(all.some((key) => key.endsWith(':breached'))).toBe(true);
    expect((await recordsOf(harness, dealId)).tasks).toBe(5 + all.length);

    // The escalation goes to the manager of the side that must act.
    const tasks = harness.target
      .sandbox!.instance.store.records.list(harness.target.sandbox!.instance.store.type('0-27'))
      .filter((task) => task.properties.hs_task_subject?.startsWith('SLA breached'));
    expect(tasks.length).toBeGreaterThan(0);
  });

  it('escalates once when two backend copies sweep at the same moment', async () => {
    const dealId = await startedDeal();
    const copy = createBackendRuntime({
      storage: harness.storage,
      crmFor: singlePortal(harness.target.adapter, harness.portalId),
      directory,
      publicUrl: PUBLIC_URL,
      clientSecret: SECRET,
      now: () => clock,
      log: createLogger({ level: 'silent' }),
      worker: { retry: { baseDelayMs: 1, maxDelayMs: 5 }, pollMs: 20 },
      slaSweepIntervalMs: null,
    });
    copy.start();
    try {
      clock = afterClose(49);
      await Promise.all([harness.runtime.sweepSla(), copy.sweepSla(), harness.runtime.sweepSla()]);
      await Promise.all([harness.drain(), copy.worker.drain()]);
      const alerts = await alertsOf(dealId);
      expect(alerts.length).toBeGreaterThan(0);
      expect((await recordsOf(harness, dealId)).tasks).toBe(5 + alerts.length);
    } finally {
      await copy.stop();
    }
  });

  it('stops looking at a handoff once it is completed', async () => {
    const dealId = await startedDeal();
    await harness.storage.handoffIndex.upsert({
      portalId: harness.portalId,
      handoffKey: `${dealId}:sales_to_cs`,
      dealId,
      state: 'completed',
      nextDueAt: null,
      updatedAt: new Date(afterClose(2)),
    });
    clock = afterClose(100);
    const due = await harness.storage.handoffIndex.dueBefore(new Date(clock), 10_000);
    expect(due.find((entry) => entry.dealId === dealId)).toBeUndefined();
  });
});
