// Property definitions and groups of the standard objects through the real client.
import {
  PropertyCreateFieldTypeEnum as Field,
  PropertyCreateTypeEnum as Type,
  PropertyUpdateTypeEnum as UpdateType,
} from '@hubspot/api-client/lib/codegen/crm/properties';
import { type Harness, expectErrorBody, failure, startSandbox } from './helpers/sandbox-harness';

describe('properties', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox();
  });
  afterAll(() => h.close());
  beforeEach(() => h.sandbox.reset());

  const completeness = {
    name: 'baton_completeness',
    label: 'Handoff completeness',
    type: Type.Number,
    fieldType: Field.Number,
    groupName: 'dealinformation',
  };

  it('lists realistic default properties of the standard objects', async () => {
    const deals = await h.client.crm.properties.coreApi.getAll('deals');
    const byName = new Map(deals.results.map((p) => [p.name, p]));
    expect(byName.get('amount')).toMatchObject({
      type: 'number',
      fieldType: 'number',
      hubspotDefined: true,
    });
    expect(byName.get('hs_is_closed_won')).toMatchObject({
      type: 'bool',
      calculated: true,
      modificationMetadata: { readOnlyValue: true },
    });
    expect(byName.get('dealstage')?.options.map((o) => o.value)).toEqual(
      expect.arrayContaining(['closedwon', '1187654326']),
    );
    for (const [type, names] of [
      ['contacts', ['firstname', 'lastname', 'email', 'jobtitle']],
      ['companies', ['name', 'domain', 'industry', 'numberofemployees']],
      [
        'tasks',
        [
          'hs_task_subject',
          'hs_task_body',
          'hs_timestamp',
          'hs_task_status',
          'hs_task_priority',
          'hubspot_owner_id',
        ],
      ],
    ] as const) {
      const all = (await h.client.crm.properties.coreApi.getAll(type)).results.map((p) => p.name);
      expect(all).toEqual(expect.arrayContaining([...names]));
    }
  });

  it('creates a property, refuses it twice (409), and records can use it', async () => {
    const created = await h.client.crm.properties.coreApi.create('deals', completeness);
    expect(created).toMatchObject({
      name: 'baton_completeness',
      hubspotDefined: false,
      groupName: 'dealinformation',
    });
    const again = await failure(h.client.crm.properties.coreApi.create('deals', completeness));
    expect(again.code).toBe(409);
    expectErrorBody(again.body, 'OBJECT_ALREADY_EXISTS');
    const [deal] = (await h.client.crm.deals.basicApi.getPage(1)).results;
    const updated = await h.client.crm.deals.basicApi.update(deal?.id ?? '', {
      properties: { baton_completeness: '87' },
    });
    expect(updated.properties['baton_completeness']).toBe('87');
  });

  it('refuses a field type that does not fit the type, a bad name and an unknown group', async () => {
    const misfit = await failure(
      h.client.crm.properties.coreApi.create('deals', { ...completeness, fieldType: Field.Select }),
    );
    expect(misfit.code).toBe(400);
    expect(misfit.body['message']).toContain(
      'fieldType "select" is not valid for a property of type number',
    );
    const badName = await failure(
      h.client.crm.properties.coreApi.create('deals', { ...completeness, name: 'Baton Score' }),
    );
    expect(badName.code).toBe(400);
    const noGroup = await failure(
      h.client.crm.properties.coreApi.create('deals', { ...completeness, groupName: 'baton' }),
    );
    expect(noGroup.body['message']).toBe('property group "baton" does not exist');
  });

  it('validates values against a new enumeration’s options', async () => {
    await h.client.crm.properties.coreApi.create('deals', {
      name: 'baton_status',
      label: 'Baton status',
      type: Type.Enumeration,
      fieldType: Field.Select,
      groupName: 'dealinformation',
      options: [
        { label: 'Draft', value: 'draft', displayOrder: 0, hidden: false },
        { label: 'Accepted', value: 'accepted', displayOrder: 1, hidden: false },
      ],
    });
    const [deal] = (await h.client.crm.deals.basicApi.getPage(1)).results;
    const error = await failure(
      h.client.crm.deals.basicApi.update(deal?.id ?? '', { properties: { baton_status: 'lost' } }),
    );
    expect(error.code).toBe(400);
    await h.client.crm.properties.coreApi.update('deals', 'baton_status', {
      options: [{ label: 'Lost', value: 'lost', displayOrder: 0, hidden: false }],
    });
    const ok = await h.client.crm.deals.basicApi.update(deal?.id ?? '', {
      properties: { baton_status: 'lost' },
    });
    expect(ok.properties['baton_status']).toBe('lost');
  });

  it('enforces a unique-value property on a standard object', async () => {
    await h.client.crm.properties.coreApi.create('deals', {
      ...completeness,
      name: 'baton_key',
      type: Type.String,
      fieldType: Field.Text,
      hasUniqueValue: true,
    });
    const [a, b] = (await h.client.crm.deals.basicApi.getPage(2)).results;
    await h.client.crm.deals.basicApi.update(a?.id ?? '', { properties: { baton_key: 'K-1' } });
    const error = await failure(
      h.client.crm.deals.basicApi.update(b?.id ?? '', { properties: { baton_key: 'K-1' } }),
    );
    expect(error.code).toBe(409);
    expect(error.body['message']).toBe(`Deal already exists. Existing ID: ${a?.id}`);
  });

  it('reads one property, 404 for one that does not exist, and refuses to retype a HubSpot one', async () => {
    expect((await h.client.crm.properties.coreApi.getByName('contacts', 'email')).label).toBe(
      'Email',
    );
    const missing = await failure(
      h.client.crm.properties.coreApi.getByName('contacts', 'shoe_size'),
    );
    expect(missing.code).toBe(404);
    expectErrorBody(missing.body, 'OBJECT_NOT_FOUND');
    expect(
      (
        await failure(
          h.client.crm.properties.coreApi.update('deals', 'amount', { type: UpdateType.String }),
        )
      ).code,
    ).toBe(400);
  });

  it('creates and reads in batches, with 207s for what fails', async () => {
    const created = await h.api('POST', '/crm/v3/properties/deals/batch/create', {
      inputs: [completeness, { ...completeness, name: 'dealname' }],
    });
    expect(created.status).toBe(207);
    expect((created.body as { results: { name: string }[] }).results.map((p) => p.name)).toEqual([
      'baton_completeness',
    ]);
    const read = await h.client.crm.properties.batchApi.read('deals', {
      archived: false,
      inputs: [{ name: 'amount' }, { name: 'nope' }],
    });
    expect(read.results.map((p) => p.name)).toEqual(['amount']);
    expect('errors' in read && read.errors).toEqual([
      expect.objectContaining({ category: 'OBJECT_NOT_FOUND', context: { properties: ['nope'] } }),
    ]);
  });

  it('lists, creates and reads property groups', async () => {
    const group = await h.client.crm.properties.groupsApi.create('deals', {
      name: 'baton',
      label: 'Baton',
      displayOrder: 5,
    });
    expect(group).toEqual({ name: 'baton', label: 'Baton', displayOrder: 5, archived: false });
    const all = await h.client.crm.properties.groupsApi.getAll('deals');
    expect(all.results.map((g) => g.name)).toEqual(['dealinformation', 'baton']);
    expect((await h.client.crm.properties.groupsApi.getByName('deals', 'baton')).label).toBe(
      'Baton',
    );
    expect(
      (
        await failure(
          h.client.crm.properties.groupsApi.create('deals', { name: 'baton', label: 'Again' }),
        )
      ).code,
    ).toBe(409);
  });
});
