// The SLA sweep against the sandbox CRM: escalations to the right manager, the meeting
// reminder, and each task created once however often the sweep runs.
import { DEFAULT_POLICY } from '../../src/core';
import { startHandoff } from '../../src/functions/closed-won';
import { InProcessLocks } from '../../src/functions/keyed-locks';
import { planSlaWork, sweepSla } from '../../src/functions/sla-sweep';
import type { TeamDirectory } from '../../src/functions/team-directory';
import { taskKeyIn } from '../../src/crm/hubspot/hubspot-tasks';
import { SEED_OWNERS } from '../../src/sandbox';
import { type ContractTarget, sandboxTarget } from '../contract/contract-targets';
import { addClosedWonDeals } from '../contract/sandbox-deals';

const HOUR = 3_600_000;
const CLOSED_WON_AT = Date.parse('2026-11-16T10:00:00Z');
const salesManager = SEED_OWNERS.find((o) => o.role === 'cs_ops')!.id;

const directory: TeamDirectory = {
  csManagers: SEED_OWNERS.filter((o) => o.role === 'cs_manager').map((o) => o.id),
  csms: SEED_OWNERS.filter((o) => o.role === 'csm').map((o) => o.id),
  csOps: [],
  salesManagers: [
    {
      managerId: salesManager,
      memberIds: SEED_OWNERS.filter((o) => o.role === 'ae').map((o) => o.id),
      teamIds: [],
    },
  ],
};

let target: ContractTarget;
let dealId: string;
const locks = new InProcessLocks();

function slaTasksOnDeal(): { key: string; ownerId: string | undefined }[] {
  const { store } = target.sandbox!.instance;
  const tasks = store.type('0-27');
  return store.associations
    .targets({ objectTypeId: '0-3', id: dealId }, tasks.objectTypeId)
    .map((link) => store.records.get(tasks, link.toId)!)
    .map((task) => ({
      key: taskKeyIn(task.properties.hs_task_body) ?? '',
      ownerId: task.properties.hubspot_owner_id,
    }))
    .filter((task) => task.key.includes(':sla:'));
}

beforeAll(async () => {
  target = await sandboxTarget();
  await target.adapter.provision();
  const stages = await target.adapter.closedWonStages();
  [dealId] = addClosedWonDeals(
    target.sandbox!.instance,
    1,
    new Set(Object.values(stages.byPipeline).flat()),
  ) as [string];
  await startHandoff(
    dealId,
    { crm: target.adapter, locks, policy: DEFAULT_POLICY, directory, now: () => CLOSED_WON_AT },
    { closedWonAt: CLOSED_WON_AT },
  );
});

afterAll(async () => {
  await target.close();
});

const deps = (now: number) => ({
  crm: target.adapter,
  policy: DEFAULT_POLICY,
  directory,
  locks,
  now: () => now,
});

describe('the SLA sweep', () => {
  it('plans nothing while every clock is young', async () => {
    const context = await target.adapter.loadDealContext(dealId);
    expect(planSlaWork(context, DEFAULT_POLICY, directory, CLOSED_WON_AT + HOUR)).toEqual([]);
  });

  it('reminds the AE 24 h before the handoff meeting is due, and warns the managers of clocks at risk', async () => {
    const context = await target.adapter.loadDealContext(dealId);
    const work = planSlaWork(context, DEFAULT_POLICY, directory, CLOSED_WON_AT + 37 * HOUR);
    const reminder = work.find((w) => w.alert.kind === 'reminder');
    expect(reminder?.task).toMatchObject({ assignee: 'sender', ownerId: context.deal.ownerId });
    const atRisk = work
      .filter((w) => w.alert.kind === 'at_risk')
      .map((w) => [w.alert.clock, w.task.assignee]);
    expect(atRisk).toEqual(
      expect.arrayContaining([
        ['handoff_meeting', 'sender_manager'],
        ['first_cs_contact', 'receiver_manager'],
      ]),
    );
  });

  it('escalates breached clocks to the owner’s manager, once however often it runs', async () => {
    const late = CLOSED_WON_AT + 60 * HOUR;
    const first = await sweepSla([dealId], deps(late));
    const tasks = slaTasksOnDeal();
    expect(first.tasks).toBe(tasks.length);
    const meeting = tasks.find(
      (t) => t.key.includes('handoff_meeting@') && t.key.endsWith(':breached'),
    );
    expect(meeting?.ownerId).toBe(salesManager);
    const csContact = tasks.find(
      (t) => t.key.includes('first_cs_contact@') && t.key.endsWith(':breached'),
    );
    expect(directory.csManagers).toContain(csContact?.ownerId);

    await sweepSla([dealId], deps(late));
    await sweepSla([dealId], deps(late + HOUR));
    expect(slaTasksOnDeal()).toHaveLength(tasks.length);
    expect(new Set(slaTasksOnDeal().map((t) => t.key)).size).toBe(tasks.length);
  });
});
