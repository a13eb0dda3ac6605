// How the HubSpot adapter behaves when HubSpot misbehaves, driven by the sandbox's faults:
// wrong tokens, missing records, duplicate unique values, partial batch failures, 429 storms
// and 5xx errors. Nothing may be lost and nothing written twice.
import { Client } from '@hubspot/api-client';
import { DealNotFoundError } from '../../src/crm/crm-adapter';
import { createHubSpotAdapter } from '../../src/crm/hubspot/hubspot-adapter';
import { PartialBatchError } from '../../src/crm/hubspot/hubspot-calls';
import { createHubSpotClient } from '../../src/crm/hubspot/hubspot-client';
import { taskKeyIn } from '../../src/crm/hubspot/hubspot-tasks';
import type { Faults } from '../../src/sandbox';
import { type ContractTarget, sandboxTarget } from './contract-targets';
import { tasksFor, writeFor } from './handoff-writes';
import { addClosedWonDeals } from './sandbox-deals';

let target: ContractTarget;
let deals: string[];

beforeAll(async () => {
  target = await sandboxTarget();
  await target.adapter.provision();
  // Fresh closed-won deals (copies of the seed's), one per test that needs a deal of its own.
  const stages = await target.adapter.closedWonStages();
  deals = addClosedWonDeals(
    target.sandbox!.instance,
    10,
    new Set(Object.values(stages.byPipeline).flat()),
  );
});

afterAll(async () => {
  await target.close();
});

afterEach(() => {
  target.sandbox!.instance.faults.clear();
});

function faults(value: Faults) {
  target.sandbox!.instance.faults.set(value);
}

/** The Baton task keys of the tasks on a deal, straight from the sandbox's store. */
function taskKeysOn(dealId: string): string[] {
  const { store } = target.sandbox!.instance;
  const tasks = store.type('0-27');
  return store.associations
    .targets({ objectTypeId: store.type('0-3').objectTypeId, id: dealId }, tasks.objectTypeId)
    .map((association) =>
      taskKeyIn(store.records.get(tasks, association.toId)?.properties.hs_task_body),
    )
    .filter((key): key is string => key !== null);
}

async function handOff(dealId: string, taskCount: number) {
  const context = await target.adapter.loadDealContext(dealId);
  return target.adapter.saveHandoff(writeFor(context, { tasks: taskCount }));
}

describe('the HubSpot adapter under faults', () => {
  it('surfaces a refused token as a 401 and does not retry it', async () => {
    const client = createHubSpotClient({
      accessToken: 'wrong-token',
      baseUrl: target.sandbox!.url,
    });
    const adapter = createHubSpotAdapter({ client, log: { warn: () => undefined } });
    await expect(adapter.loadDealContext(deals[0]!)).rejects.toMatchObject({ code: 401 });
    expect(adapter.calls.counter.snapshot().attempts).toBe(1);
  });

  it('reports a 404 deal as not found', async () => {
    await expect(target.adapter.loadDealContext('424242424242')).rejects.toBeInstanceOf(
      DealNotFoundError,
    );
  });

  it('refuses a second record with the same unique key (409) while upserts stay idempotent', async () => {
    await handOff(deals[1]!, 5);
    const types = await target.adapter.metadata.objectTypeIds();
    const client = new Client({ accessToken: 'sandbox-token', basePath: target.sandbox!.url });
    await expect(
      client.crm.objects.basicApi.create(types.handoff, {
        properties: {
          handoff_key: `${deals[1]}:sales_to_cs`,
          handoff_name: 'dup',
          handoff_type: 'sales_to_cs',
          deal_id: deals[1]!,
        },
        associations: [],
      }),
    ).rejects.toMatchObject({ code: 409 });
    const again = await handOff(deals[1]!, 5);
    expect(again.created).toBe(false);
  });

  it('completes through a 429 storm with nothing lost and nothing doubled', async () => {
    faults({ rate429: 0.5 });
    const saved = await handOff(deals[2]!, 20);
    faults({});
    expect(Object.keys(saved.handoff.links.tasks)).toHaveLength(20);
    expect(taskKeysOn(deals[2]!).sort()).toEqual(Object.keys(saved.handoff.links.tasks).sort());
    expect(target.sandbox!.instance.stats.snapshot().rateLimited).toBeGreaterThan(0);
  });

  it('completes through 5xx errors without creating a task twice', async () => {
    faults({ rate5xx: 0.35 });
    const saved = await handOff(deals[3]!, 20);
    faults({});
    const keys = taskKeysOn(deals[3]!);
    expect(keys).toHaveLength(20);
    expect(new Set(keys).size).toBe(20);
    expect(Object.keys(saved.handoff.links.tasks)).toHaveLength(20);
  });

  it('records the tasks a 207 accepted, reports the rest, and creates exactly those on the next save', async () => {
    const dealId = deals[4]!;
    const context = await target.adapter.loadDealContext(dealId);
    const write = writeFor(context, { tasks: 5 });
    // A CSM who has left the portal: HubSpot refuses the task assigned to them, not the batch.
    const tasks = write.tasks.map((task, i) => (i === 4 ? { ...task, ownerId: '99999999' } : task));
    await expect(target.adapter.saveHandoff({ ...write, tasks })).rejects.toBeInstanceOf(
      PartialBatchError,
    );
    const partial = await target.adapter.loadDealContext(dealId);
    expect(Object.keys(partial.handoff!.links.tasks)).toHaveLength(4);
    const fixed = await target.adapter.saveHandoff(writeFor(partial, { tasks: 5 }));
    expect(fixed.tasksCreated).toBe(1);
    expect(taskKeysOn(dealId)).toHaveLength(5);
  });

  it('writes a handoff in the same number of calls for 5, 20 and 100 tasks', async () => {
    const counts: number[] = [];
    for (const [i, n] of [5, 20, 100].entries()) {
      const context = await target.adapter.loadDealContext(deals[5 + i]!);
      const write = { ...writeFor(context), tasks: tasksFor(writeFor(context).document, n) };
      const { calls } = await target.adapter.calls.counter.measure(() =>
        target.adapter.saveHandoff(write),
      );
      counts.push(calls);
    }
    expect(new Set(counts).size).toBe(1);
  });
});
