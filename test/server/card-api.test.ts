// The card API through real HTTP, as the card's `hubspot.fetch` calls it: signed, with the user
// in the signed query, and the role from the team directory.
import { SEED_OWNERS, type SeedOwner } from '../../src/sandbox';
import { exampleJson } from '../helpers/handoff-factory';
import {
  type Harness,
  asUser,
  directory,
  ownerOf,
  recordsOf,
  startHarness,
} from './helpers/backend-harness';

let harness: Harness;
let dealId: string;
let ae: SeedOwner;
let csm: SeedOwner;

const EDITABLE = [
  'customerContext',
  'stakeholders',
  'objectives',
  'commitments',
  'technical',
  'implementation',
  'commercial',
  'risks',
];

interface CardBody {
  handoff: {
    version: number;
    state: string;
    canEdit: boolean;
    completeness: { score: number };
  } | null;
}

beforeAll(async () => {
  harness = await startHarness();
  [dealId] = (await harness.closedWonDeals(1)) as [string];
  ae = ownerOf(harness, dealId);
  csm = SEED_OWNERS.find((o) => o.id === directory.csms[0])!;
  const started = await harness.request(
    'POST',
    `/api/deals/${dealId}/handoff/start${asUser(harness, ae)}`,
  );
  expect(started.status).toBe(201);
});

afterAll(async () => {
  await harness.close();
});

const card = (person: SeedOwner) => `/api/deals/${dealId}/handoff${asUser(harness, person)}`;

async function version(): Promise<number> {
  const response = await harness.request('GET', card(ae));
  return ((await response.json()) as CardBody).handoff!.version;
}

describe('the card API', () => {
  it('loads the card for the AE who owns the deal', async () => {
    const response = await harness.request('GET', card(ae));
    expect(response.status).toBe(200);
    const body = (await response.json()) as CardBody & { dealId: string };
    expect(body.dealId).toBe(dealId);
    expect(body.handoff).toMatchObject({ state: 'draft', canEdit: true });
  });

  it('lets a CSM look but not edit', async () => {
    const response = await harness.request('GET', card(csm));
    expect(((await response.json()) as CardBody).handoff!.canEdit).toBe(false);
  });

  it('refuses a save with a bad field with 400 naming it, and writes nothing', async () => {
    const base = await version();
    const response = await harness.request('PUT', card(ae), {
      body: { baseVersion: base, sections: { risks: { churnRisk: 'extreme' } } },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.code).toBe('invalid_input');
    expect(body.message).toContain('sections.risks.churnRisk');
    expect(await version()).toBe(base);
  });

  it('saves one of two concurrent saves from the same version and refuses the other with 409', async () => {
    const base = await version();
    const complete = exampleJson('complete') as Record<string, unknown>;
    const sections = Object.fromEntries(EDITABLE.map((key) => [key, complete[key]]));
    const [first, second] = await Promise.all([
      harness.request('PUT', card(ae), { body: { baseVersion: base, sections } }),
      harness.request('PUT', card(ae), {
        body: { baseVersion: base, sections: { risks: { churnRisk: 'high' } } },
      }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const refused = first.status === 409 ? first : second;
    expect(await refused.json()).toMatchObject({ status: 'error', code: 'conflict' });
    expect(await version()).toBe(base + 1);
  });

  it('lets the CSM accept a submitted handoff and refuses the AE with 403 and the reason', async () => {
    // Make sure the complete sections are in, whichever save won above.
    const complete = exampleJson('complete') as Record<string, unknown>;
    const sections = Object.fromEntries(EDITABLE.map((key) => [key, complete[key]]));
    const saved = await harness.request('PUT', card(ae), {
      body: { baseVersion: await version(), sections },
    });
    expect(saved.status).toBe(200);

    const act = (person: SeedOwner, action: unknown, baseVersion: number) =>
      harness.request('POST', `/api/deals/${dealId}/handoff/actions${asUser(harness, person)}`, {
        body: { baseVersion, action },
      });
    const submitted = await act(ae, { type: 'submit' }, await version());
    expect(submitted.status).toBe(200);
    expect(((await submitted.json()) as { card: CardBody }).card.handoff!.state).toBe('submitted');

    const refused = await act(ae, { type: 'accept' }, await version());
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      status: 'error',
      code: 'forbidden',
      message: expect.stringContaining('only the receiving side'),
    });

    const accepted = await act(csm, { type: 'accept' }, await version());
    expect(accepted.status).toBe(200);
    const body = (await accepted.json()) as { card: CardBody; events: { type: string }[] };
    expect(body.card.handoff!.state).toBe('accepted');
    expect(body.events.map((e) => e.type)).toEqual(['handoff.accepted', 'ownership.transferred']);

    const transitions = (await harness.auditOf(dealId))
      .filter((e) => e.action !== 'handoff.created')
      .map((e) => [e.action, e.actor.id, e.fromState, e.toState]);
    expect(transitions).toEqual([
      ['handoff.submitted', ae.id, 'draft', 'submitted'],
      ['handoff.accepted', csm.id, 'submitted', 'accepted'],
      ['ownership.transferred', csm.id, 'submitted', 'accepted'],
    ]);
  });

  it('drafts the intro email', async () => {
    const response = await harness.request(
      'GET',
      `/api/deals/${dealId}/handoff/intro-email${asUser(harness, ae)}`,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      subject: expect.any(String),
      body: expect.any(String),
    });
  });

  it('starts a handoff from the card once, and says so', async () => {
    const [other] = (await harness.closedWonDeals(1)) as [string];
    const path = `/api/deals/${other}/handoff/start${asUser(harness, ownerOf(harness, other))}`;
    const first = await harness.request('POST', path);
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({
      outcome: 'started',
      card: { handoff: { state: 'draft' } },
    });
    const again = await harness.request('POST', path);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ outcome: 'already_started' });
    expect(await recordsOf(harness, other)).toEqual({ handoffs: 1, tasks: 5 });
  });

  it('refuses to start a handoff for a deal that is not closed-won (409)', async () => {
    const { store } = harness.target.sandbox!.instance;
    const open = store.records
      .list(store.type('0-3'))
      .find((d) => d.properties.hs_is_closed === 'false')!;
    const response = await harness.request(
      'POST',
      `/api/deals/${open.id}/handoff/start${asUser(harness, ae)}`,
    );
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'invalid_state' });
  });

  it('refuses a request without the signed user with 400 naming the field', async () => {
    const response = await harness.request(
      'GET',
      `/api/deals/${dealId}/handoff?portalId=${harness.portalId}`,
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'invalid_input',
      message: 'userId: required',
    });
  });

  it('refuses a deal id that is not one with 400', async () => {
    const response = await harness.request('GET', `/api/deals/abc/handoff${asUser(harness, ae)}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      message: 'dealId: expected the numeric HubSpot deal id',
    });
  });

  it('refuses an account Baton is not installed in with 403', async () => {
    const response = await harness.request(
      'GET',
      `/api/deals/${dealId}/handoff?portalId=1&userId=${ae.userId}&userEmail=${encodeURIComponent(ae.email)}`,
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'not_installed' });
  });

  it('answers 404 for a deal without a handoff', async () => {
    const { store } = harness.target.sandbox!.instance;
    const open = store.records
      .list(store.type('0-3'))
      .find((d) => d.properties.hs_is_closed === 'false')!;
    const response = await harness.request(
      'GET',
      `/api/deals/${open.id}/handoff/intro-email${asUser(harness, ae)}`,
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ status: 'error', code: 'not_found' });
  });
});
