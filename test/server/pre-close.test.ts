// The pre-close request through real HTTP, as the card's `hubspot.fetch` calls it: an AE asks CS
// to engage before an open deal closes, a CS manager approves, and when the deal then closes won
// the closed-won automation adopts that handoff instead of starting a second one.
import { toIso } from '../../src/core';
import { SEED_OWNERS, type SeedOwner } from '../../src/sandbox';
import {
  type Harness,
  NOW,
  asUser,
  directory,
  ownerOf,
  recordsOf,
  stageChangeEvent,
  startHarness,
} from './helpers/backend-harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness.close();
});

interface CardBody {
  canRequestPreClose: boolean;
  handoff: {
    version: number;
    state: string;
    canEdit: boolean;
    document: { handoffType: string; deal: { closedWonAt?: string | null } };
    completeness: { missing: { path: string }[] };
    actions: { action: string; allowed: boolean; reason: string | null }[];
    nextAction: string | null;
  } | null;
}

const csManager = SEED_OWNERS.find((o) => o.id === directory.csManagers[0])!;
const csm = SEED_OWNERS.find((o) => o.id === directory.csms[0])!;

type StageKind = 'open' | 'won' | 'lost';

/** A stage of the deal's pipeline: the last open one, or the closed won or lost one. */
function moveDeal(dealId: string, kind: StageKind): void {
  const { store } = harness.target.sandbox!.instance;
  const deals = store.type('0-3');
  const deal = store.records.get(deals, dealId)!;
  const pipeline = store.pipelines.find((p) => p.id === deal.properties.pipeline)!;
  const stage = pipeline.stages.filter((s) => {
    const closed = s.metadata.isClosed === 'true';
    const won = Number(s.metadata.probability) === 1;
    return kind === 'open' ? !closed : closed && won === (kind === 'won');
  });
  store.records.update(deals, deal, { dealstage: stage.at(-1)!.id });
}

/** Deals like the seed's closed-won ones (company, contacts, owner), still open. */
async function openDeals(count: number): Promise<string[]> {
  const ids = await harness.closedWonDeals(count);
  for (const id of ids) moveDeal(id, 'open');
  return ids;
}

const preClose = (dealId: string, person: SeedOwner, body?: unknown) =>
  harness.request('POST', `/api/deals/${dealId}/handoff/pre-close${asUser(harness, person)}`, {
    ...(body === undefined ? {} : { body }),
  });

async function cardOf(dealId: string, person: SeedOwner): Promise<CardBody> {
  const response = await harness.request(
    'GET',
    `/api/deals/${dealId}/handoff${asUser(harness, person)}`,
  );
  expect(response.status).toBe(200);
  return (await response.json()) as CardBody;
}

const act = (dealId: string, person: SeedOwner, baseVersion: number, action: unknown) =>
  harness.request('POST', `/api/deals/${dealId}/handoff/actions${asUser(harness, person)}`, {
    body: { baseVersion, action },
  });

/** The deal's tasks in the sandbox, by the plan key Baton gave each. */
async function tasksOf(dealId: string) {
  const { store } = harness.target.sandbox!.instance;
  const context = await harness.target.adapter.loadDealContext(dealId);
  return Object.entries(context.handoff?.links.tasks ?? {}).map(([key, id]) => {
    const task = store.records.get(store.type('0-27'), id)!;
    return {
      key: key.slice(key.indexOf(':') + 1),
      subject: task.properties.hs_task_subject,
      ownerId: task.properties.hubspot_owner_id,
      dueAt: task.properties.hs_timestamp,
    };
  });
}

async function closeWon(dealId: string, eventId: number): Promise<void> {
  moveDeal(dealId, 'won');
  const response = await harness.request('POST', '/hubspot/webhooks', {
    body: [stageChangeEvent(harness, dealId, { eventId })],
  });
  expect(response.status).toBe(200);
  await harness.drain();
}

describe('POST /api/deals/:dealId/handoff/pre-close', () => {
  it('offers the request to the AE of an open deal, and to nobody on the CS side', async () => {
    const [dealId] = (await openDeals(1)) as [string];
    expect(await cardOf(dealId, ownerOf(harness, dealId))).toMatchObject({
      handoff: null,
      canRequestPreClose: true,
    });
    expect((await cardOf(dealId, csm)).canRequestPreClose).toBe(false);
    expect((await cardOf(dealId, csManager)).canRequestPreClose).toBe(false);
  });

  it('creates a pre_close handoff pending approval and contract, with one task for a CS manager', async () => {
    const [dealId] = (await openDeals(1)) as [string];
    const ae = ownerOf(harness, dealId);
    const response = await preClose(dealId, ae);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { outcome: string; card: CardBody };
    expect(body.outcome).toBe('requested');
    expect(body.card.handoff).toMatchObject({
      state: 'pending_approval',
      canEdit: true,
      // The open deal's close date in the CRM is only the expected one: no contract yet.
      document: { handoffType: 'pre_close', deal: { closedWonAt: null } },
    });
    expect(body.card.handoff!.completeness.missing.map((m) => m.path)).toContain(
      'deal.closedWonAt',
    );
    expect(body.card.handoff!.actions.find((a) => a.action === 'approve')).toMatchObject({
      allowed: false,
      reason: 'only cs_manager can approve a Pre-close (strategic deals) handoff',
    });

    expect(await recordsOf(harness, dealId)).toEqual({ handoffs: 1, tasks: 1 });
    const [task] = await tasksOf(dealId);
    expect(task!.key).toBe('pre_close:approve_pre_close');
    expect(task!.subject).toMatch(/^Approve the pre-close handoff for /);
    expect(directory.csManagers).toContain(task!.ownerId);

    const { store } = harness.target.sandbox!.instance;
    expect(store.records.get(store.type('0-3'), dealId)?.properties.baton_status).toBe(
      'pending_approval',
    );
    const [created] = await harness.auditOf(dealId);
    expect(created).toMatchObject({
      action: 'handoff.created',
      actor: { id: ae.id, role: 'ae' },
      fromState: null,
      toState: 'pending_approval',
      details: { source: 'card', dealId, tasks: 1, approverId: task!.ownerId },
    });
  });

  it('answers a repeated request with the same handoff, and makes one of concurrent requests', async () => {
    const [dealId] = (await openDeals(1)) as [string];
    const ae = ownerOf(harness, dealId);
    const responses = await Promise.all(Array.from({ length: 5 }, () => preClose(dealId, ae)));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const outcomes = await Promise.all(
      responses.map(async (r) => ((await r.json()) as { outcome: string }).outcome),
    );
    expect(outcomes.sort()).toEqual([...Array(4).fill('already_requested'), 'requested']);

    const again = await preClose(dealId, ae);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({
      outcome: 'already_requested',
      card: { handoff: { state: 'pending_approval', version: 1 } },
    });
    expect(await recordsOf(harness, dealId)).toEqual({ handoffs: 1, tasks: 1 });
    expect((await harness.auditOf(dealId)).map((e) => e.action)).toEqual(['handoff.created']);
  });

  it('refuses a CSM, and an AE who does not own the deal, with 403 and writes nothing', async () => {
    const [dealId] = (await openDeals(1)) as [string];
    const refused = await preClose(dealId, csm);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      status: 'error',
      code: 'forbidden',
      message: 'only the sending side (ae or sales_manager) can do this',
    });
    const otherAe = SEED_OWNERS.find(
      (o) => o.role === 'ae' && o.id !== ownerOf(harness, dealId).id,
    )!;
    const notTheirs = await preClose(dealId, otherAe);
    expect(notTheirs.status).toBe(403);
    expect(await notTheirs.json()).toMatchObject({
      message: 'only the deal owner or their manager can do this',
    });
    expect(await recordsOf(harness, dealId)).toEqual({ handoffs: 0, tasks: 0 });
  });

  it('refuses a closed-won and a closed-lost deal with 409 and writes nothing', async () => {
    const [won] = (await harness.closedWonDeals(1)) as [string];
    const wonResponse = await preClose(won, ownerOf(harness, won));
    expect(wonResponse.status).toBe(409);
    expect(await wonResponse.json()).toEqual({
      status: 'error',
      code: 'invalid_state',
      message: `deal ${won} is closed-won: its handoff starts from the close, not before it`,
    });

    const [lost] = (await openDeals(1)) as [string];
    moveDeal(lost, 'lost');
    const lostResponse = await preClose(lost, ownerOf(harness, lost));
    expect(lostResponse.status).toBe(409);
    expect(await lostResponse.json()).toMatchObject({
      code: 'invalid_state',
      message: `deal ${lost} is closed lost: there is no contract to prepare CS for`,
    });
    expect(await recordsOf(harness, won)).toEqual({ handoffs: 0, tasks: 0 });
    expect(await recordsOf(harness, lost)).toEqual({ handoffs: 0, tasks: 0 });
  });

  it('refuses a body with a field it does not know with 400 naming it', async () => {
    const [dealId] = (await openDeals(1)) as [string];
    const response = await preClose(dealId, ownerOf(harness, dealId), { reason: 'big deal' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'invalid_input',
      message: 'reason: unknown field',
    });
    expect(await recordsOf(harness, dealId)).toEqual({ handoffs: 0, tasks: 0 });
  });
});

describe('a pre-close handoff from approval to the close', () => {
  let dealId: string;
  let ae: SeedOwner;

  beforeAll(async () => {
    [dealId] = (await openDeals(1)) as [string];
    ae = ownerOf(harness, dealId);
    expect((await preClose(dealId, ae)).status).toBe(201);
  });

  it('shows the CS manager the approval as their next action, and refuses it to the AE', async () => {
    const card = await cardOf(dealId, csManager);
    expect(card.handoff).toMatchObject({ state: 'pending_approval', nextAction: 'approve' });
    const refused = await act(dealId, ae, card.handoff!.version, { type: 'approve' });
    expect(refused.status).toBe(403);
  });

  it('starts the handoff when the CS manager approves it, and brings the rest of its tasks', async () => {
    const { version } = (await cardOf(dealId, csManager)).handoff!;
    const response = await act(dealId, csManager, version, { type: 'approve' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { card: CardBody; events: { type: string }[] };
    expect(body.events.map((e) => e.type)).toEqual(['handoff.approved']);
    expect(body.card.handoff!.state).toBe('draft');

    expect(await recordsOf(harness, dealId)).toEqual({ handoffs: 1, tasks: 6 });
    const aeCard = await cardOf(dealId, ae);
    // Submitting now waits only for the handoff to be filled in, no longer for an approval.
    expect(aeCard.handoff!.actions.find((a) => a.action === 'submit')!.reason).toMatch(
      /^completeness is \d+%/,
    );
    const approved = (await harness.auditOf(dealId)).find((e) => e.action === 'handoff.approved');
    expect(approved).toMatchObject({
      actor: { id: csManager.id, role: 'cs_manager' },
      fromState: 'pending_approval',
      toState: 'draft',
    });
  });

  it('adopts the handoff when the deal closes won: still one handoff, the closed-won tasks once', async () => {
    const before = await tasksOf(dealId);
    await closeWon(dealId, Number(dealId) * 10 + 1);
    await closeWon(dealId, Number(dealId) * 10 + 2);

    expect(await recordsOf(harness, dealId)).toEqual({ handoffs: 1, tasks: 6 });
    expect((await tasksOf(dealId)).map((t) => t.key).sort()).toEqual(
      [
        'pre_close:approve_pre_close',
        'pre_close:handoff_meeting',
        'pre_close:intro_email',
        'pre_close:cs_prep',
        'pre_close:schedule_kickoff',
        'pre_close:hold_kickoff',
      ].sort(),
    );
    expect(await tasksOf(dealId)).toEqual(before);

    const card = await cardOf(dealId, ae);
    expect(card.handoff).toMatchObject({
      state: 'draft',
      // The signed contract: the close the webhook reported.
      document: { handoffType: 'pre_close', deal: { closedWonAt: toIso(NOW - 1_000) } },
    });
    expect(card.handoff!.completeness.missing.map((m) => m.path)).not.toContain('deal.closedWonAt');
    const adopted = (await harness.auditOf(dealId)).filter(
      (e) => e.action === 'handoff.closed_won',
    );
    expect(adopted).toEqual([
      expect.objectContaining({
        actor: { id: 'baton', role: 'system' },
        fromState: 'draft',
        toState: 'draft',
        handoffKey: `${dealId}:pre_close`,
      }),
    ]);
    const actions = (await harness.auditOf(dealId)).map((e) => e.action);
    expect(actions.filter((action) => action === 'handoff.created')).toHaveLength(1);
  });
});
