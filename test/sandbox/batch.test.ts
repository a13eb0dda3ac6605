// Batch endpoints through the real client: reads, creates, updates, upserts by a unique value
// and archives; 207 partial failures; the 100-input limit; all-or-nothing validation.
import {
  AssociationSpecAssociationCategoryEnum as Category,
  type BatchResponseSimplePublicObjectWithErrors,
  type BatchResponseSimplePublicUpsertObjectWithErrors,
  type SimplePublicObjectBatchInputUpsert,
} from '@hubspot/api-client/lib/codegen/crm/objects';
import { defineHandoff } from './helpers/handoff-schema';
import { type Harness, expectErrorBody, failure, startSandbox } from './helpers/sandbox-harness';

const hasErrors = <T extends object>(
  response: T,
): response is T & { errors: unknown[]; numErrors: number } =>
  'errors' in response && Array.isArray((response as { errors?: unknown }).errors);

describe('batch endpoints', () => {
  let h: Harness;
  let handoffs: string;
  let dealIds: string[];

  beforeAll(async () => {
    h = await startSandbox();
    handoffs = await defineHandoff(h.client);
    dealIds = (await h.client.crm.deals.basicApi.getPage(5)).results.map((d) => d.id);
  });
  afterAll(() => h.close());

  it('reads a batch and reports missing ids in a 207', async () => {
    const response = await h.api('POST', '/crm/v3/objects/deals/batch/read', {
      inputs: [{ id: dealIds[0] }, { id: '404' }, { id: dealIds[1] }, { id: '405' }],
      properties: ['dealname'],
    });
    expect(response.status).toBe(207);
    const read = (await h.client.crm.deals.batchApi.read({
      inputs: [{ id: dealIds[0] ?? '' }, { id: '404' }],
      properties: ['dealname'],
      propertiesWithHistory: [],
    })) as BatchResponseSimplePublicObjectWithErrors;
    expect(read.status).toBe('COMPLETE');
    expect(read.results.map((r) => r.id)).toEqual([dealIds[0]]);
    expect(read.numErrors).toBe(1);
    expect(read.errors?.[0]).toMatchObject({
      status: 'error',
      category: 'OBJECT_NOT_FOUND',
      message:
        'Could not get some DEAL objects, they may be deleted or not exist. Check that ids are valid.',
      context: { ids: ['404'] },
    });
  });

  it('reads by a unique value with idProperty', async () => {
    await h.client.crm.objects.basicApi.create(handoffs, {
      properties: { handoff_key: 'd-1:sales_to_cs' },
      associations: [],
    });
    const read = await h.client.crm.objects.batchApi.read(handoffs, {
      idProperty: 'handoff_key',
      inputs: [{ id: 'd-1:sales_to_cs' }],
      properties: ['handoff_key'],
      propertiesWithHistory: [],
    });
    expect(read.results[0]?.properties['handoff_key']).toBe('d-1:sales_to_cs');
  });

  it('creates up to 100 tasks with their deal associations in one call', async () => {
    const inputs = Array.from({ length: 100 }, (_, i) => ({
      properties: { hs_task_subject: `Task ${i + 1}`, hs_timestamp: '2026-03-20T09:00:00Z' },
      associations: [
        {
          to: { id: dealIds[2] ?? '' },
          types: [{ associationCategory: Category.HubspotDefined, associationTypeId: 216 }],
        },
      ],
    }));
    const created = await h.client.crm.objects.tasks.batchApi.create({ inputs });
    expect(created.results).toHaveLength(100);
    const linked = await h.client.crm.associations.v4.basicApi.getPage(
      'deals',
      dealIds[2] ?? '',
      'tasks',
    );
    expect(linked.results).toHaveLength(100);
  });

  it('refuses 101 inputs with a 400 naming the limit', async () => {
    const inputs = Array.from({ length: 101 }, () => ({ id: dealIds[0] ?? '' }));
    const response = await h.api('POST', '/crm/v3/objects/deals/batch/read', {
      inputs,
      properties: [],
    });
    expect(response.status).toBe(400);
    expectErrorBody(response.body, 'VALIDATION_ERROR');
    expect(response.body).toMatchObject({
      message: 'Invalid input JSON: inputs: Too many inputs: a batch takes at most 100',
    });
  });

  it('fails a whole batch create on one bad value, and writes nothing', async () => {
    const before = (await h.client.crm.companies.searchApi.doSearch({ limit: 1 })).total;
    const error = await failure(
      h.client.crm.companies.batchApi.create({
        inputs: [
          { properties: { name: 'Fine Co' }, associations: [] },
          { properties: { numberofemployees: 'many' }, associations: [] },
        ],
      }),
    );
    expect(error.code).toBe(400);
    expect((await h.client.crm.companies.searchApi.doSearch({ limit: 1 })).total).toBe(before);
  });

  it('reports per input (207) when every input carries an objectWriteTraceId', async () => {
    await h.client.crm.objects.basicApi.create(handoffs, {
      properties: { handoff_key: 'taken' },
      associations: [],
    });
    const response = await h.api('POST', `/crm/v3/objects/${handoffs}/batch/create`, {
      inputs: [
        { objectWriteTraceId: 'a', properties: { handoff_key: 'fresh-1' } },
        { objectWriteTraceId: 'b', properties: { handoff_key: 'taken' } },
        { objectWriteTraceId: 'c', properties: { handoff_key: 'fresh-2', status: 'maybe' } },
      ],
    });
    expect(response.status).toBe(207);
    const body = response.body as {
      results: { properties: Record<string, string> }[];
      errors: { category: string; context: Record<string, string[]> }[];
      numErrors: number;
    };
    expect(body.results.map((r) => r.properties['handoff_key'])).toEqual(['fresh-1']);
    expect(body.numErrors).toBe(2);
    expect(body.errors.map((e) => [e.category, e.context['objectWriteTraceId']])).toEqual([
      ['OBJECT_ALREADY_EXISTS', ['b']],
      ['VALIDATION_ERROR', ['c']],
    ]);
  });

  it('refuses a duplicate unique value on create with a 409 naming the existing record', async () => {
    const first = await h.client.crm.objects.basicApi.create(handoffs, {
      properties: { handoff_key: 'dup' },
      associations: [],
    });
    const error = await failure(
      h.client.crm.objects.basicApi.create(handoffs, {
        properties: { handoff_key: 'dup' },
        associations: [],
      }),
    );
    expect(error.code).toBe(409);
    expectErrorBody(error.body, 'OBJECT_ALREADY_EXISTS');
    expect(error.body['message']).toBe(`Handoff already exists. Existing ID: ${first.id}`);
  });

  it('upserts by a unique value: creates, then updates the same record, with `new` flags', async () => {
    const inputs: SimplePublicObjectBatchInputUpsert[] = [
      {
        id: 'deal-7:sales_to_cs',
        idProperty: 'handoff_key',
        properties: { handoff_name: 'First draft', status: 'draft' },
      },
      {
        id: 'deal-8:sales_to_cs',
        idProperty: 'handoff_key',
        properties: { handoff_name: 'Other', completeness: '40' },
      },
    ];
    const first = await h.client.crm.objects.batchApi.upsert(handoffs, { inputs });
    expect(first.results.map((r) => [r.properties['handoff_key'], r._new])).toEqual([
      ['deal-7:sales_to_cs', true],
      ['deal-8:sales_to_cs', true],
    ]);
    const second = await h.client.crm.objects.batchApi.upsert(handoffs, {
      inputs: [
        {
          id: 'deal-7:sales_to_cs',
          idProperty: 'handoff_key',
          properties: { status: 'submitted' },
        },
      ],
    });
    expect(second.results[0]).toMatchObject({ id: first.results[0]?.id, _new: false });
    expect(second.results[0]?.properties).toMatchObject({
      handoff_name: 'First draft',
      status: 'submitted',
    });
  });

  it('refuses to upsert by a property that is not unique', async () => {
    const error = await failure(
      h.client.crm.objects.batchApi.upsert(handoffs, {
        inputs: [{ id: 'x', idProperty: 'handoff_name', properties: {} }],
      }),
    );
    expect(error.code).toBe(400);
    expect(String(error.body['message'])).toContain('non-unique');
  });

  it('refuses the same id twice in one upsert', async () => {
    const input = { id: 'twice', idProperty: 'handoff_key', properties: {} };
    const error = await failure(
      h.client.crm.objects.batchApi.upsert(handoffs, { inputs: [input, input] }),
    );
    expect(error.code).toBe(400);
    expect(error.body['message']).toBe(
      'Duplicate IDs found in batch input: [twice]. IDs must be unique',
    );
  });

  it('upserts by record id: updates what exists, reports what does not (207)', async () => {
    const response = (await h.client.crm.deals.batchApi.upsert({
      inputs: [
        { id: dealIds[3] ?? '', properties: { description: 'Upserted' } },
        { id: '777', properties: { description: 'Nobody' } },
      ],
    })) as BatchResponseSimplePublicUpsertObjectWithErrors;
    expect(response.results.map((r) => [r.id, r._new])).toEqual([[dealIds[3], false]]);
    expect(hasErrors(response) && response.numErrors).toBe(1);
  });

  it('updates a batch and reports missing records in a 207', async () => {
    const response = (await h.client.crm.deals.batchApi.update({
      inputs: [
        { id: dealIds[4] ?? '', properties: { hs_priority: 'high' } },
        { id: '888', properties: { hs_priority: 'low' } },
      ],
    })) as BatchResponseSimplePublicObjectWithErrors;
    expect(response.results[0]?.properties['hs_priority']).toBe('high');
    expect(response.errors?.[0]).toMatchObject({
      category: 'OBJECT_NOT_FOUND',
      context: { ids: ['888'] },
    });
  });

  it('archives a batch (204) and the records are gone', async () => {
    const created = await h.client.crm.companies.batchApi.create({
      inputs: [
        { properties: { name: 'One' }, associations: [] },
        { properties: { name: 'Two' }, associations: [] },
      ],
    });
    await h.client.crm.companies.batchApi.archive({
      inputs: created.results.map((r) => ({ id: r.id })),
    });
    const read = await h.api('POST', '/crm/v3/objects/companies/batch/read', {
      inputs: created.results.map((r) => ({ id: r.id })),
    });
    expect(read.status).toBe(207);
    expect((read.body as { results: unknown[] }).results).toEqual([]);
  });
});
