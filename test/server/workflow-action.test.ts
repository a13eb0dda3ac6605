// The "Start Baton handoff" workflow action through real HTTP: HubSpot posts the enrolled deal
// and gets output fields back to branch on.
import { type Harness, recordsOf, startHarness } from './helpers/backend-harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness.close();
});

const actionRequest = (
  harness: Harness,
  dealId: string,
  overrides: Record<string, unknown> = {},
) => ({
  callbackId: `ap-${dealId}`,
  origin: { portalId: Number(harness.portalId), actionDefinitionId: 7, actionDefinitionVersion: 1 },
  object: { objectId: Number(dealId), objectType: 'DEAL' },
  inputFields: {},
  ...overrides,
});

describe('POST /hubspot/actions/start-handoff', () => {
  it('starts the handoff and returns the output fields', async () => {
    const [dealId] = (await harness.closedWonDeals(1)) as [string];
    const response = await harness.request('POST', '/hubspot/actions/start-handoff', {
      body: actionRequest(harness, dealId),
    });
    expect(response.status).toBe(200);
    const { outputFields } = (await response.json()) as {
      outputFields: Record<string, string | number | null>;
    };
    expect(outputFields).toMatchObject({
      outcome: 'started',
      status: 'draft',
      hs_execution_state: 'SUCCESS',
    });
    expect(outputFields.completeness).toBeGreaterThan(0);
    expect(outputFields.quality).toEqual(expect.any(Number));
    expect(await recordsOf(harness, dealId)).toEqual({ handoffs: 1, tasks: 5 });

    const again = await harness.request('POST', '/hubspot/actions/start-handoff', {
      body: actionRequest(harness, dealId),
    });
    expect(await again.json()).toMatchObject({ outputFields: { outcome: 'already_started' } });
    expect(await recordsOf(harness, dealId)).toEqual({ handoffs: 1, tasks: 5 });
  });

  it('refuses a request for another object type with 400 naming the field', async () => {
    const [dealId] = (await harness.closedWonDeals(1)) as [string];
    const response = await harness.request('POST', '/hubspot/actions/start-handoff', {
      body: actionRequest(harness, dealId, { object: { objectId: 1, objectType: 'CONTACT' } }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      status: 'error',
      code: 'invalid_input',
      message: 'object.objectType: Start Baton handoff runs on deals',
    });
    expect(await recordsOf(harness, dealId)).toEqual({ handoffs: 0, tasks: 0 });
  });

  it('refuses an account Baton is not installed in with 403', async () => {
    const [dealId] = (await harness.closedWonDeals(1)) as [string];
    const response = await harness.request('POST', '/hubspot/actions/start-handoff', {
      body: actionRequest(harness, dealId, { origin: { portalId: 1 } }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'not_installed' });
  });
});
