// Closed-won automation against the sandbox CRM, through the real HubSpot adapter.
import { DEFAULT_POLICY, handoffRulesOf, toIso } from '../../src/core';
import { actOnCard } from '../../src/functions/card-api';
import { startHandoff } from '../../src/functions/closed-won';
import { requestPreClose } from '../../src/functions/pre-close';
import { InProcessLocks } from '../../src/functions/keyed-locks';
import type { TeamDirectory } from '../../src/functions/team-directory';
import { seedTeamDirectory } from '../../src/cli/commands/start.command';
import { latestStageChanges, webhookBatchSchema } from '../../src/functions/webhook-events';
import {
  workflowActionRequestSchema,
  workflowActionResponse,
} from '../../src/functions/workflow-action';
import { type ContractTarget, sandboxTarget } from '../contract/contract-targets';
import { NOW } from '../contract/handoff-writes';
import { addClosedWonDeals } from '../contract/sandbox-deals';

const directory: TeamDirectory = seedTeamDirectory();

let target: ContractTarget;
let deals: string[];

beforeAll(async () => {
  target = await sandboxTarget();
  await target.adapter.provision();
  const stages = await target.adapter.closedWonStages();
  deals = addClosedWonDeals(
    target.sandbox!.instance,
    6,
    new Set(Object.values(stages.byPipeline).flat()),
  );
});

afterAll(async () => {
  await target.close();
});

const locks = new InProcessLocks();
const deps = () => ({
  crm: target.adapter,
  locks,
  policy: DEFAULT_POLICY,
  directory,
  now: () => NOW,
});

describe('startHandoff', () => {
  it('creates the handoff, assigns a CSM, plans the five tasks and writes the scores back to the deal', async () => {
    const result = await startHandoff(deals[0]!, deps(), {
      closedWonAt: Date.parse('2026-11-20T10:00:00Z'),
    });
    expect(result.outcome).toBe('started');
    if (result.outcome !== 'started') return;
    expect(result.tasks).toBe(5);
    expect(directory.csms).toContain(result.receiverId);
    const { store } = target.sandbox!.instance;
    const deal = store.records.get(store.type('0-3'), deals[0]!);
    expect(deal?.properties.baton_status).toBe('draft');
    expect(Number(deal?.properties.baton_completeness)).toBe(result.summary.completeness);
    const context = await target.adapter.loadDealContext(deals[0]!);
    expect(context.handoff?.document.deal.closedWonAt).toBe('2026-11-20T10:00:00Z');
    // The rules it runs by are stored beside the document.
    const handoff = store.records.get(
      store.type((await target.adapter.metadata.objectTypeIds()).handoff),
      context.handoff!.recordId,
    );
    expect(JSON.parse(handoff!.properties.handoff_rules!)).toEqual(
      handoffRulesOf(DEFAULT_POLICY, 'sales_to_cs'),
    );
  });

  it('changes nothing when the same deal is started again', async () => {
    const again = await startHandoff(deals[0]!, deps());
    expect(again.outcome).toBe('already_started');
  });

  it('assigns the same CSM to a deal however often it is retried', async () => {
    const first = await startHandoff(deals[1]!, deps());
    const context = await target.adapter.loadDealContext(deals[1]!);
    expect(first.outcome).toBe('started');
    if (first.outcome === 'started') expect(context.handoff?.document.deal.id).toBe(deals[1]);
    const taskOwners = Object.keys(context.handoff?.links.tasks ?? {});
    expect(taskOwners).toHaveLength(5);
  });

  it('does nothing for a deal that is not closed-won now, whatever the event said', async () => {
    const { store } = target.sandbox!.instance;
    const open = store.records
      .list(store.type('0-3'))
      .find((d) => d.properties.hs_is_closed === 'false')!;
    const result = await startHandoff(open.id, deps());
    expect(result).toEqual({
      outcome: 'not_closed_won',
      dealId: open.id,
      stageId: open.properties.dealstage,
    });
  });

  it('survives two deliveries of the same event at once: one handoff, one set of tasks', async () => {
    const results = await Promise.all([
      startHandoff(deals[2]!, deps()),
      startHandoff(deals[2]!, deps()),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['already_started', 'started']);
    const context = await target.adapter.loadDealContext(deals[2]!);
    const { store } = target.sandbox!.instance;
    const tasks = store.associations.targets({ objectTypeId: '0-3', id: deals[2]! }, '0-27');
    expect(tasks).toHaveLength(5);
    expect(Object.keys(context.handoff!.links.tasks)).toHaveLength(5);
  });
});

describe('webhook batches', () => {
  it('keeps the latest stage change per deal, whatever order HubSpot sent them in', () => {
    const events = webhookBatchSchema.parse([
      {
        eventId: 3,
        portalId: 1,
        occurredAt: 300,
        subscriptionType: 'deal.propertyChange',
        objectId: 9,
        propertyName: 'dealstage',
        propertyValue: 'closedwon',
      },
      {
        eventId: 2,
        portalId: 1,
        occurredAt: 100,
        subscriptionType: 'deal.propertyChange',
        objectId: 9,
        propertyName: 'dealstage',
        propertyValue: 'contractsent',
      },
      {
        eventId: 4,
        portalId: 1,
        occurredAt: 200,
        subscriptionType: 'object.propertyChange',
        objectTypeId: '0-3',
        objectId: 8,
        propertyName: 'dealstage',
        propertyValue: '1187654326',
      },
      {
        eventId: 5,
        portalId: 1,
        occurredAt: 200,
        subscriptionType: 'deal.propertyChange',
        objectId: 7,
        propertyName: 'amount',
        propertyValue: '100',
      },
    ]);
    expect(latestStageChanges(events)).toEqual([
      { eventId: '3', portalId: '1', dealId: '9', stageId: 'closedwon', occurredAt: 300 },
      { eventId: '4', portalId: '1', dealId: '8', stageId: '1187654326', occurredAt: 200 },
    ]);
  });

  it('refuses a malformed batch naming the field', () => {
    const result = webhookBatchSchema.safeParse([{ eventId: 'x', portalId: 1 }]);
    expect(result.success).toBe(false);
  });
});

describe('the Start Baton handoff workflow action', () => {
  it('starts the handoff and returns output fields to branch on', async () => {
    const request = workflowActionRequestSchema.parse({
      callbackId: 'ap-1',
      origin: { portalId: 22334455, actionDefinitionId: 7 },
      object: { objectId: Number(deals[3]), objectType: 'DEAL' },
      inputFields: {},
    });
    const response = workflowActionResponse(await startHandoff(request.object.objectId, deps()));
    expect(response.outputFields).toMatchObject({
      outcome: 'started',
      status: 'draft',
      hs_execution_state: 'SUCCESS',
    });
    expect(response.outputFields.completeness).toBeGreaterThan(0);
    const again = workflowActionResponse(await startHandoff(request.object.objectId, deps()));
    expect(again.outputFields.outcome).toBe('already_started');
  });

  it('refuses a non-deal object', () => {
    const result = workflowActionRequestSchema.safeParse({
      callbackId: 'a',
      origin: { portalId: 1 },
      object: { objectId: 1, objectType: 'CONTACT' },
    });
    expect(result.success).toBe(false);
  });
});

describe('startHandoff on a deal whose AE requested a pre-close handoff', () => {
  const HOUR = 3_600_000;
  const CLOSE = Date.parse('2026-11-24T09:00:00Z');
  const csManager = { id: directory.csManagers[0]!, role: 'cs_manager' as const };
  let requested: string[];

  /** Moves a deal to the last open stage, or the won one, of its pipeline. */
  function moveDeal(dealId: string, won: boolean): void {
    const { store } = target.sandbox!.instance;
    const deal = store.records.get(store.type('0-3'), dealId)!;
    const pipeline = store.pipelines.find((p) => p.id === deal.properties.pipeline)!;
    const stages = pipeline.stages.filter((s) =>
      won
        ? s.metadata.isClosed === 'true' && Number(s.metadata.probability) === 1
        : s.metadata.isClosed !== 'true',
    );
    store.records.update(store.type('0-3'), deal, { dealstage: stages.at(-1)!.id });
  }

  function tasksOn(dealId: string) {
    const { store } = target.sandbox!.instance;
    return store.associations
      .targets({ objectTypeId: '0-3', id: dealId }, '0-27')
      .map((association) => store.records.get(store.type('0-27'), association.toId)!.properties);
  }

  const approve = async (dealId: string) => {
    const context = await target.adapter.loadDealContext(dealId);
    const cardDeps = { crm: target.adapter, policy: DEFAULT_POLICY, locks, now: () => NOW };
    await actOnCard(
      dealId,
      csManager,
      { baseVersion: context.handoff!.version, action: { type: 'approve' } },
      cardDeps,
    );
  };

  beforeAll(async () => {
    const stages = await target.adapter.closedWonStages();
    requested = addClosedWonDeals(
      target.sandbox!.instance,
      3,
      new Set(Object.values(stages.byPipeline).flat()),
    );
    for (const dealId of requested) {
      moveDeal(dealId, false);
      const { deal } = await target.adapter.loadDealContext(dealId);
      const ae = { id: deal.ownerId!, role: 'ae' as const };
      const result = await requestPreClose(dealId, ae, undefined, { ...deps(), directory });
      expect(result.outcome).toBe('requested');
    }
  });

  it('leaves the request alone while the deal is still open', async () => {
    const result = await startHandoff(requested[0]!, deps());
    expect(result).toMatchObject({
      outcome: 'already_started',
      handoffKey: `${requested[0]}:pre_close`,
    });
    expect(tasksOn(requested[0]!)).toHaveLength(1);
  });

  it('adopts an approved request at the close: the close stamped, no second handoff, no task twice', async () => {
    const dealId = requested[1]!;
    await approve(dealId);
    expect(tasksOn(dealId)).toHaveLength(6);
    moveDeal(dealId, true);

    const result = await startHandoff(dealId, deps(), { closedWonAt: CLOSE });
    expect(result).toMatchObject({
      outcome: 'started',
      adoptedPreClose: true,
      handoffKey: `${dealId}:pre_close`,
      tasks: 6,
      summary: { state: 'draft' },
    });
    const context = await target.adapter.loadDealContext(dealId);
    expect(context.handoff!.document).toMatchObject({
      handoffType: 'pre_close',
      deal: { closedWonAt: toIso(CLOSE) },
    });
    expect(tasksOn(dealId)).toHaveLength(6);

    const again = await startHandoff(dealId, deps(), { closedWonAt: CLOSE + HOUR });
    expect(again.outcome).toBe('already_started');
    expect(tasksOn(dealId)).toHaveLength(6);
    const { store } = target.sandbox!.instance;
    const handoffs = store.records
      .list(store.type((await target.adapter.metadata.objectTypeIds()).handoff))
      .filter((record) => record.properties.deal_id === dealId);
    expect(handoffs).toHaveLength(1);
  });

  it('stamps the close on a request not approved yet; approval then plans the tasks from the close', async () => {
    const dealId = requested[2]!;
    moveDeal(dealId, true);
    const result = await startHandoff(dealId, deps(), { closedWonAt: CLOSE });
    expect(result).toMatchObject({
      outcome: 'started',
      adoptedPreClose: true,
      tasks: 1,
      summary: { state: 'pending_approval' },
    });
    expect(tasksOn(dealId)).toHaveLength(1);

    await approve(dealId);
    const tasks = tasksOn(dealId);
    expect(tasks).toHaveLength(6);
    const holdKickoff = tasks.find((t) => t.hs_task_subject?.startsWith('Hold the kickoff'))!;
    const due = holdKickoff.hs_timestamp!;
    expect(/^\d+$/.test(due) ? Number(due) : Date.parse(due)).toBe(CLOSE + 240 * HOUR);
  });
});
