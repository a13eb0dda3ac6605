// The backfill after install: every closed-won deal without a handoff gets one, in batches.
import { DEFAULT_POLICY } from '../../src/core';
import { runBackfill } from '../../src/functions/backfill';
import { type ContractTarget, sandboxTarget } from './contract-targets';
import { NOW } from './handoff-writes';
import { addClosedWonDeals } from './sandbox-deals';

let target: ContractTarget;

beforeAll(async () => {
  target = await sandboxTarget();
  await target.adapter.provision();
});

afterAll(async () => {
  await target.close();
});

describe('backfill', () => {
  it('hands off every closed-won deal once, in calls that grow with batches, not deals', async () => {
    const stages = await target.adapter.closedWonStages();
    const won = new Set(Object.values(stages.byPipeline).flat());
    addClosedWonDeals(target.sandbox!.instance, 250, won);
    const { store } = target.sandbox!.instance;
    const closedWon = store.records
      .list(store.type('0-3'))
      .filter((d) => won.has(d.properties.dealstage ?? ''));

    const { result, calls } = await target.adapter.calls.counter.measure(() =>
      runBackfill(target.adapter.backfill, { policy: DEFAULT_POLICY, now: NOW }),
    );
    expect(result.deals).toBe(closedWon.length);
    expect(result.handoffs).toBe(closedWon.length);
    expect(result.tasks).toBe(closedWon.length * 5);
    // Three pages of at most 100 deals, about twenty batch calls each.
    expect(calls).toBeLessThan(100);

    const handedOff = store.records
      .list(store.type('0-3'))
      .filter((d) => won.has(d.properties.dealstage ?? ''));
    expect(
      handedOff.every(
        (deal) =>
          deal.properties.baton_handoff_key === `${deal.id}:sales_to_cs` ||
          deal.properties.baton_handoff_key === `${deal.id}:poc_to_paid`,
      ),
    ).toBe(true);

    const types = await target.adapter.metadata.objectTypeIds();
    const stakeholders = store.records.list(store.type(types.stakeholder));
    expect(stakeholders.length).toBeGreaterThanOrEqual(closedWon.length * 2);

    const again = await runBackfill(target.adapter.backfill, { policy: DEFAULT_POLICY, now: NOW });
    expect(again).toEqual({ deals: 0, handoffs: 0, tasks: 0 });
  });

  it('gives each backfilled deal a handoff the single-deal path reads back', async () => {
    const stages = await target.adapter.closedWonStages();
    const won = new Set(Object.values(stages.byPipeline).flat());
    const [dealId] = addClosedWonDeals(target.sandbox!.instance, 1, won);
    await runBackfill(target.adapter.backfill, { policy: DEFAULT_POLICY, now: NOW });
    const context = await target.adapter.loadDealContext(dealId!);
    expect(context.handoff?.version).toBe(1);
    expect(Object.keys(context.handoff?.links.tasks ?? {})).toHaveLength(5);
    expect(context.handoff?.document.stakeholders?.length).toBeGreaterThan(0);
  });
});
