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

  it('gives one handoff for 10 concurrent calls, as HubSpot retries a slow action', async () => {
    const [dealId] = (await harness.closedWonDeals(1)) as [string];
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        harness.request('POST', '/hubspot/actions/start-handoff', {
          body: actionRequest(harness, dealId),
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    const outcomes = await Promise.all(
      responses.map(
        async (r) =>
          ((await r.json()) as { outputFields: { outcome: string } }).outputFields.outcome,
      ),
    );
    expect(outcomes.filter((o) => o === 'started')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'already_started')).toHaveLength(9);
    expect(await recordsOf(harness, dealId)).toEqual({ handoffs: 1, tasks: 5 });
  });

  it('answers 5xx while the CRM fails, and HubSpot’s retry finishes the start without duplicates', async () => {
    const [dealId] = (await harness.closedWonDeals(1)) as [string];
    const sandbox = harness.target.sandbox!.instance;
    const types = await harness.target.adapter.metadata.objectTypeIds();
    // Everything up to the handoff record lands (commitments, stakeholders, the tasks); then the
    // CRM fails the handoff's own write.
    sandbox.faults.set({
      hold: { method: 'POST', pathIncludes: `/crm/v3/objects/${types.handoff}/batch/upsert` },
    });
    const failing = harness.request('POST', '/hubspot/actions/start-handoff', {
      body: actionRequest(harness, dealId),
    });
    while (sandbox.faults.held === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    sandbox.faults.set({ rate5xx: 1 });
    const failed = await failing;
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(await recordsOf(harness, dealId)).toEqual({ handoffs: 0, tasks: 5 });

    sandbox.faults.clear();
    const retried = await harness.request('POST', '/hubspot/actions/start-handoff', {
      body: actionRequest(harness, dealId),
    });
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ outputFields: { outcome: 'started' } });
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
