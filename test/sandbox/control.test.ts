// The control surface: request counts by route template, and reset to the seed.
import { defineHandoff } from './helpers/handoff-schema';
import { type Harness, startSandbox } from './helpers/sandbox-harness';

interface Stats {
  total: number;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  rateLimited: number;
  since: string;
}

describe('control routes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox();
  });
  afterAll(() => h.close());
  beforeEach(() => h.api('POST', '/__sandbox/reset', undefined, null));

  const stats = async () => (await h.api('GET', '/__sandbox/stats', undefined, null)).body as Stats;

  it('counts API requests by route template and status, not control requests', async () => {
    const type = await defineHandoff(h.client);
    await h.client.crm.objects.batchApi.upsert(type, {
      inputs: [{ id: 'a', idProperty: 'handoff_key', properties: {} }],
    });
    await h.client.crm.objects.batchApi.upsert(type, {
      inputs: [{ id: 'b', idProperty: 'handoff_key', properties: {} }],
    });
    await h.client.crm.deals.basicApi.getPage();
    await h.api('GET', '/crm/v3/owners', undefined, null);
    await h.api('GET', '/crm/v3/nowhere');
    const counted = await stats();
    expect(counted.byRoute).toEqual({
      'POST /crm-object-schemas/v3/schemas': 1,
      'POST /crm/v3/objects/{type}/batch/upsert': 2,
      'GET /crm/v3/objects/{type}': 1,
      'GET /crm/v3/owners': 1,
      'GET (unmatched)': 1,
    });
    expect(counted.total).toBe(6);
    expect(counted.byStatus).toEqual({ '200': 3, '201': 1, '401': 1, '404': 1 });
  });

  it('resets to the seed: new records gone, counters zeroed', async () => {
    const company = await h.client.crm.companies.basicApi.create({
      properties: { name: 'Temporary' },
      associations: [],
    });
    const reset = await h.api('POST', '/__sandbox/reset', undefined, null);
    expect(reset.body).toEqual({
      reset: true,
      records: { contacts: 356, companies: 60, deals: 420, tasks: 0 },
    });
    expect((await stats()).total).toBe(0);
    expect((await h.api('GET', `/crm/v3/objects/companies/${company.id}`)).status).toBe(404);
  });
});
