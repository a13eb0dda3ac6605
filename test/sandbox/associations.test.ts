// Associations v4 through the real client: labelled and default associations, reads from
// either side with the inverse label, labels themselves, batches, and custom-object pairs.
import {
  AssociationSpecAssociationCategoryEnum as Category,
  type BatchResponsePublicAssociationMultiWithLabelWithErrors,
} from '@hubspot/api-client/lib/codegen/crm/associations/v4';
import { defineHandoff } from './helpers/handoff-schema';
import { type Harness, expectErrorBody, failure, startSandbox } from './helpers/sandbox-harness';

describe('associations v4', () => {
  let h: Harness;
  let deal: string;
  let contacts: string[];
  let company: string;

  beforeAll(async () => {
    h = await startSandbox();
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    h.sandbox.reset();
    deal = (
      await h.client.crm.deals.basicApi.create({
        properties: { dealname: 'Fresh deal' },
        associations: [],
      })
    ).id;
    contacts = (
      await h.client.crm.contacts.batchApi.create({
        inputs: ['ana@fresh.example', 'bo@fresh.example', 'cy@fresh.example'].map((email) => ({
          properties: { email },
          associations: [],
        })),
      })
    ).results.map((r) => r.id);
    company = (
      await h.client.crm.companies.basicApi.create({
        properties: { name: 'Fresh Co' },
        associations: [],
      })
    ).id;
  });

  const labelId = async (label: string) => {
    const labels = await h.client.crm.associations.v4.schema.definitionsApi.getAll(
      'deals',
      'contacts',
    );
    const found = labels.results.find((l) => l.label === label);
    if (!found) throw new Error(`no label ${label}`);
    return found.typeId;
  };

  it('lists the seed’s deal → contact labels beside HubSpot’s unlabeled type', async () => {
    const labels = await h.client.crm.associations.v4.schema.definitionsApi.getAll(
      'deal',
      'contact',
    );
    expect(labels.results[0]).toEqual({ category: 'HUBSPOT_DEFINED', typeId: 3, label: null });
    expect(labels.results.filter((l) => l.category === 'USER_DEFINED').map((l) => l.label)).toEqual(
      ['Executive sponsor', 'Champion', 'Economic buyer', 'Technical lead', 'End user'],
    );
  });

  it('creates a labelled association and reads it from both sides', async () => {
    const champion = await labelId('Champion');
    const created = await h.client.crm.associations.v4.basicApi.create(
      'deals',
      deal,
      'contacts',
      contacts[0] ?? '',
      [{ associationCategory: Category.UserDefined, associationTypeId: champion }],
    );
    expect(created).toMatchObject({
      fromObjectTypeId: '0-3',
      fromObjectId: Number(deal),
      toObjectTypeId: '0-1',
      toObjectId: Number(contacts[0]),
      labels: ['Champion'],
    });

    const fromDeal = await h.client.crm.associations.v4.basicApi.getPage('deals', deal, 'contacts');
    expect(fromDeal.results[0]?.associationTypes).toEqual([
      { category: 'HUBSPOT_DEFINED', typeId: 3, label: null },
      { category: 'USER_DEFINED', typeId: champion, label: 'Champion' },
    ]);
    const fromContact = await h.client.crm.associations.v4.basicApi.getPage(
      'contacts',
      contacts[0] ?? '',
      'deals',
    );
    expect(fromContact.results).toEqual([
      {
        toObjectId: Number(deal),
        associationTypes: [
          { category: 'HUBSPOT_DEFINED', typeId: 4, label: null },
          { category: 'USER_DEFINED', typeId: champion + 1, label: 'Champion' },
        ],
      },
    ]);
  });

  it('creates the default association both ways (deal → company is 341, back is 342)', async () => {
    const response = await h.client.crm.associations.v4.basicApi.createDefault(
      'deals',
      deal,
      'companies',
      company,
    );
    expect(
      response.results.map((r) => [r._from.id, r.to.id, r.associationSpec.associationTypeId]),
    ).toEqual([
      [deal, company, 341],
      [company, deal, 342],
    ]);
  });

  it('creates and renames a label with an inverse label, read as such from the other side', async () => {
    const created = await h.client.crm.associations.v4.schema.definitionsApi.create(
      'contacts',
      'companies',
      {
        label: 'Billing contact',
        name: 'billing_contact',
        inverseLabel: 'Billed company',
      },
    );
    const [forward, backward] = created.results;
    expect(forward).toMatchObject({ category: 'USER_DEFINED', label: 'Billing contact' });
    await h.client.crm.associations.v4.basicApi.create(
      'contacts',
      contacts[1] ?? '',
      'companies',
      company,
      [{ associationCategory: Category.UserDefined, associationTypeId: forward?.typeId ?? 0 }],
    );
    const fromCompany = await h.client.crm.associations.v4.basicApi.getPage(
      'companies',
      company,
      'contacts',
    );
    expect(fromCompany.results[0]?.associationTypes).toContainEqual({
      category: 'USER_DEFINED',
      typeId: backward?.typeId,
      label: 'Billed company',
    });

    await h.client.crm.associations.v4.schema.definitionsApi.update('contacts', 'companies', {
      associationTypeId: forward?.typeId ?? 0,
      label: 'Accounts payable',
      inverseLabel: 'Paying company',
    });
    const renamed = await h.client.crm.associations.v4.basicApi.getPage(
      'companies',
      company,
      'contacts',
    );
    expect(renamed.results[0]?.associationTypes).toContainEqual({
      category: 'USER_DEFINED',
      typeId: backward?.typeId,
      label: 'Paying company',
    });

    await h.client.crm.associations.v4.schema.definitionsApi.remove(
      'contacts',
      'companies',
      forward?.typeId ?? 0,
    );
    const after = await h.client.crm.associations.v4.basicApi.getPage(
      'contacts',
      contacts[1] ?? '',
      'companies',
    );
    expect(after.results[0]?.associationTypes).toEqual([
      { category: 'HUBSPOT_DEFINED', typeId: 279, label: null },
    ]);
  });

  it('refuses a duplicate label name (409) and a type id of another pair (400)', async () => {
    const duplicate = await failure(
      h.client.crm.associations.v4.schema.definitionsApi.create('deals', 'contacts', {
        label: 'Champion again',
        name: 'champion',
      }),
    );
    expect(duplicate.code).toBe(409);
    expectErrorBody(duplicate.body, 'OBJECT_ALREADY_EXISTS');
    const wrongPair = await failure(
      h.client.crm.associations.v4.basicApi.create('deals', deal, 'contacts', contacts[0] ?? '', [
        { associationCategory: Category.HubspotDefined, associationTypeId: 216 },
      ]),
    );
    expect(wrongPair.code).toBe(400);
    expect(wrongPair.body['message']).toBe(
      '216 is not a valid association type id from 0-3 to 0-1',
    );
  });

  it('answers 404 when a record of the pair does not exist', async () => {
    const error = await failure(
      h.client.crm.associations.v4.basicApi.createDefault('deals', deal, 'contacts', '31337'),
    );
    expect(error.code).toBe(404);
    expectErrorBody(error.body, 'OBJECT_NOT_FOUND');
  });

  it('creates, reads and archives in batches', async () => {
    const sponsor = await labelId('Executive sponsor');
    const created = await h.client.crm.associations.v4.batchApi.create('deals', 'contacts', {
      inputs: contacts.map((id) => ({
        _from: { id: deal },
        to: { id },
        types: [{ associationCategory: Category.UserDefined, associationTypeId: sponsor }],
      })),
    });
    expect(created.results.map((r) => r.labels)).toEqual([
      ['Executive sponsor'],
      ['Executive sponsor'],
      ['Executive sponsor'],
    ]);

    const read = (await h.client.crm.associations.v4.batchApi.getPage('deals', 'contacts', {
      inputs: [{ id: deal }, { id: '31337' }],
    })) as BatchResponsePublicAssociationMultiWithLabelWithErrors;
    expect(read.results[0]?.to.map((t) => t.toObjectId)).toEqual(contacts.map(Number));
    expect(read.errors?.[0]).toMatchObject({
      category: 'NO_ASSOCIATIONS_FOUND',
      context: { fromObjectId: ['31337'] },
    });

    await h.client.crm.associations.v4.batchApi.archiveLabels('deals', 'contacts', {
      inputs: [
        {
          _from: { id: deal },
          to: { id: contacts[0] ?? '' },
          types: [{ associationCategory: Category.UserDefined, associationTypeId: sponsor }],
        },
      ],
    });
    await h.client.crm.associations.v4.batchApi.archive('deals', 'contacts', {
      inputs: [{ _from: { id: deal }, to: [{ id: contacts[1] ?? '' }] }],
    });
    const left = await h.client.crm.associations.v4.basicApi.getPage('deals', deal, 'contacts');
    expect(
      left.results.map((r) => [r.toObjectId, r.associationTypes.map((t) => t.typeId)]),
    ).toEqual([
      [Number(contacts[0]), [3]],
      [Number(contacts[2]), [3, sponsor]],
    ]);
  });

  it('associates defaults in a batch', async () => {
    const response = await h.client.crm.associations.v4.batchApi.createDefault(
      'contacts',
      'companies',
      {
        inputs: contacts.map((id) => ({ _from: { id }, to: { id: company } })),
      },
    );
    expect(response.results).toHaveLength(6);
    const fromCompany = await h.client.crm.associations.v4.basicApi.getPage(
      'companies',
      company,
      'contacts',
    );
    expect(fromCompany.results).toHaveLength(3);
  });

  it('deletes every type between two records', async () => {
    await h.client.crm.associations.v4.basicApi.createDefault('deals', deal, 'companies', company);
    await h.client.crm.associations.v4.basicApi.archive('deals', deal, 'companies', company);
    expect(
      (await h.client.crm.associations.v4.basicApi.getPage('companies', company, 'deals')).results,
    ).toEqual([]);
  });

  it('pages through many associations', async () => {
    const tasks = await h.client.crm.objects.tasks.batchApi.create({
      inputs: Array.from({ length: 12 }, (_, i) => ({
        properties: { hs_task_subject: `T${i}`, hs_timestamp: '2026-03-03T10:00:00Z' },
        associations: [],
      })),
    });
    await h.client.crm.associations.v4.batchApi.createDefault('deals', 'tasks', {
      inputs: tasks.results.map((t) => ({ _from: { id: deal }, to: { id: t.id } })),
    });
    const first = await h.client.crm.associations.v4.basicApi.getPage(
      'deals',
      deal,
      'tasks',
      undefined,
      5,
    );
    expect(first.results).toHaveLength(5);
    const second = await h.client.crm.associations.v4.basicApi.getPage(
      'deals',
      deal,
      'tasks',
      first.paging?.next?.after,
      10,
    );
    expect(second.results).toHaveLength(7);
    expect(second.paging).toBeUndefined();
  });

  it('associates a custom object through the USER_DEFINED types its schema made', async () => {
    const handoffType = await defineHandoff(h.client);
    const handoff = await h.client.crm.objects.basicApi.create(handoffType, {
      properties: { handoff_key: `${deal}:sales_to_cs` },
      associations: [],
    });
    const labels = await h.client.crm.associations.v4.schema.definitionsApi.getAll(
      handoffType,
      'deals',
    );
    expect(labels.results).toEqual([
      { category: 'USER_DEFINED', typeId: expect.any(Number), label: null },
    ]);
    await h.client.crm.associations.v4.basicApi.createDefault(
      handoffType,
      handoff.id,
      'deals',
      deal,
    );
    const fromDeal = await h.client.crm.associations.v4.basicApi.getPage(
      'deals',
      deal,
      'p22334455_test_handoff',
    );
    expect(fromDeal.results.map((r) => r.toObjectId)).toEqual([Number(handoff.id)]);
    const read = await h.client.crm.deals.basicApi.getById(deal, undefined, undefined, [
      handoffType,
    ]);
    expect(read.associations?.['p22334455_test_handoff']?.results).toEqual([
      { id: handoff.id, type: 'test_handoff_to_deal' },
    ]);
  });
});
