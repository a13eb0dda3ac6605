// Object schemas (custom objects) through the real client.
import { ObjectTypePropertyCreateTypeEnum as SchemaType } from '@hubspot/api-client/lib/codegen/crm/schemas';
import { defineHandoff, handoffEgg } from './helpers/handoff-schema';
import { type Harness, expectErrorBody, failure, startSandbox } from './helpers/sandbox-harness';

describe('schemas', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox();
  });
  afterAll(() => h.close());
  beforeEach(() => h.sandbox.reset());

  it('creates a custom object with its ids, properties and association types', async () => {
    const schema = await h.client.crm.schemas.coreApi.create(handoffEgg());
    expect(schema.objectTypeId).toMatch(/^2-\d+$/);
    expect(schema.id).toBe(schema.objectTypeId?.slice(2));
    expect(schema.fullyQualifiedName).toBe('p22334455_test_handoff');
    expect(schema.requiredProperties).toEqual(['handoff_key']);
    const names = schema.properties.map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'hs_object_id',
        'hs_createdate',
        'hs_lastmodifieddate',
        'handoff_key',
        'status',
      ]),
    );
    expect(schema.properties.find((p) => p.name === 'handoff_key')).toMatchObject({
      hasUniqueValue: true,
      type: 'string',
      hubspotDefined: false,
    });
    expect(schema.associations.map((a) => a.toObjectTypeId).sort()).toEqual(['0-1', '0-2', '0-3']);
    expect(schema.associations[0]?.id).toMatch(/^\d+$/);
  });

  it('finds the schema by objectTypeId, fully qualified name and name', async () => {
    const id = await defineHandoff(h.client);
    for (const ref of [id, 'p22334455_test_handoff', 'test_handoff']) {
      expect((await h.client.crm.schemas.coreApi.getById(ref)).objectTypeId).toBe(id);
    }
    const all = await h.client.crm.schemas.coreApi.getAll();
    expect(all.results.map((s) => s.name)).toEqual(['test_handoff']);
    expect((await failure(h.client.crm.schemas.coreApi.getById('nothing_here'))).code).toBe(404);
  });

  it('refuses a second schema with the same name (409)', async () => {
    await defineHandoff(h.client);
    const error = await failure(h.client.crm.schemas.coreApi.create(handoffEgg()));
    expect(error.code).toBe(409);
    expectErrorBody(error.body, 'OBJECT_ALREADY_EXISTS');
  });

  it('takes records by objectTypeId and fully qualified name, not by the bare name', async () => {
    const id = await defineHandoff(h.client);
    const created = await h.client.crm.objects.basicApi.create('p22334455_test_handoff', {
      properties: { handoff_key: 'k1', due_date: '2026-04-01' },
      associations: [],
    });
    expect(created.properties).toMatchObject({
      handoff_key: 'k1',
      due_date: '2026-04-01',
      hs_object_id: created.id,
    });
    expect((await h.client.crm.objects.basicApi.getById(id, created.id)).id).toBe(created.id);
    const error = await failure(h.client.crm.objects.basicApi.getById('test_handoff', created.id));
    expect(error.code).toBe(400);
    expect(error.body['message']).toBe('Unable to infer object type from: test_handoff');
  });

  it('checks the schema: display, required and searchable properties must exist', async () => {
    const error = await failure(
      h.client.crm.schemas.coreApi.create({ ...handoffEgg(), primaryDisplayProperty: 'title' }),
    );
    expect(error.code).toBe(400);
    expect(error.body['message']).toBe(
      'primaryDisplayProperty names "title", which is not a property of test_handoff',
    );
  });

  it('updates labels and display properties (ObjectTypeDefinition back)', async () => {
    const id = await defineHandoff(h.client);
    const updated = await h.client.crm.schemas.coreApi.update(id, {
      labels: { singular: 'CS handoff', plural: 'CS handoffs' },
      secondaryDisplayProperties: ['completeness'],
    });
    expect(updated).toMatchObject({
      objectTypeId: id,
      portalId: 22334455,
      labels: { singular: 'CS handoff', plural: 'CS handoffs' },
      secondaryDisplayProperties: ['completeness'],
    });
  });

  it('deletes a schema only once its records are gone', async () => {
    const id = await defineHandoff(h.client);
    const record = await h.client.crm.objects.basicApi.create(id, {
      properties: { handoff_key: 'k' },
      associations: [],
    });
    expect((await failure(h.client.crm.schemas.coreApi.archive(id))).code).toBe(400);
    await h.client.crm.objects.basicApi.archive(id, record.id);
    await h.client.crm.schemas.coreApi.archive(id);
    expect((await h.client.crm.schemas.coreApi.getAll()).results).toEqual([]);
    expect(
      (await h.client.crm.schemas.coreApi.getAll(true)).results.map((s) => s.objectTypeId),
    ).toEqual([id]);
  });

  it('adds an association definition between two custom objects', async () => {
    const handoff = await defineHandoff(h.client);
    const commitment = await h.client.crm.schemas.coreApi.create({
      name: 'test_commitment',
      labels: { singular: 'Commitment', plural: 'Commitments' },
      primaryDisplayProperty: 'commitment_key',
      requiredProperties: [],
      properties: [
        {
          name: 'commitment_key',
          label: 'Key',
          type: SchemaType.String,
          fieldType: 'text',
          hasUniqueValue: true,
        },
      ],
      associatedObjects: [],
    });
    const commitmentType = commitment.objectTypeId ?? '';
    const definition = await h.client.crm.schemas.coreApi.createAssociation(commitmentType, {
      fromObjectTypeId: commitmentType,
      toObjectTypeId: handoff,
      name: 'commitment_to_handoff',
    });
    expect(definition).toMatchObject({
      fromObjectTypeId: commitmentType,
      toObjectTypeId: handoff,
      name: 'commitment_to_handoff',
    });
    const labels = await h.client.crm.associations.v4.schema.definitionsApi.getAll(
      handoff,
      commitmentType,
    );
    expect(labels.results).toHaveLength(1);
  });
});
