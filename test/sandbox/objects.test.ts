// Records one at a time through the real api-client: create, read (with properties,
// associations, idProperty), update, archive.
import { AssociationSpecAssociationCategoryEnum as Category } from '@hubspot/api-client/lib/codegen/crm/objects';
import { type Harness, expectErrorBody, failure, startSandbox } from './helpers/sandbox-harness';

describe('objects API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox();
  });
  afterAll(() => h.close());
  beforeEach(() => h.sandbox.reset());

  it('creates a deal and reads it back with every value as a string', async () => {
    const created = await h.client.crm.deals.basicApi.create({
      properties: {
        dealname: 'Acme renewal',
        amount: '12500.50',
        pipeline: 'default',
        dealstage: 'contractsent',
        closedate: '2026-04-30',
      },
      associations: [],
    });
    expect(created.properties).toMatchObject({
      dealname: 'Acme renewal',
      amount: '12500.5',
      dealstage: 'contractsent',
      closedate: '2026-04-30T00:00:00.000Z',
      hs_object_id: created.id,
      hs_is_closed_won: 'false',
    });
    expect(created.createdAt).toBeInstanceOf(Date);

    const read = await h.client.crm.deals.basicApi.getById(created.id, [
      'dealname',
      'amount',
      'description',
    ]);
    expect(read.properties).toEqual({
      dealname: 'Acme renewal',
      amount: '12500.5',
      description: null,
      createdate: created.properties['createdate'],
      hs_lastmodifieddate: created.properties['hs_lastmodifieddate'],
      hs_object_id: created.id,
    });
    expect(read.archived).toBe(false);
  });

  it('answers to the object type id as to the name', async () => {
    const [first] = (await h.client.crm.objects.basicApi.getPage('0-3', 1)).results;
    const same = await h.client.crm.objects.basicApi.getById('deal', first?.id ?? '');
    expect(same.id).toBe(first?.id);
  });

  it('returns the default properties when none are asked for', async () => {
    const [deal] = (await h.client.crm.deals.basicApi.getPage(1)).results;
    expect(Object.keys(deal?.properties ?? {}).sort()).toEqual([
      'amount',
      'closedate',
      'createdate',
      'dealname',
      'dealstage',
      'hs_lastmodifieddate',
      'hs_object_id',
      'pipeline',
    ]);
  });

  it('pages through a list with `after`', async () => {
    const first = await h.client.crm.companies.basicApi.getPage(25);
    expect(first.results).toHaveLength(25);
    const after = first.paging?.next?.after ?? '';
    expect(first.paging?.next?.link).toContain(`after=${after}`);
    const second = await h.client.crm.companies.basicApi.getPage(25, after);
    const third = await h.client.crm.companies.basicApi.getPage(25, second.paging?.next?.after);
    const ids = [...first.results, ...second.results, ...third.results].map((r) => r.id);
    expect(new Set(ids).size).toBe(60);
    expect(third.paging).toBeUndefined();
  });

  it('adds the v3 associations block with the types, primary and labelled', async () => {
    const [deal] = (await h.client.crm.deals.basicApi.getPage(1)).results;
    const read = await h.client.crm.deals.basicApi.getById(deal?.id ?? '', undefined, undefined, [
      'companies',
      'contacts',
    ]);
    const companyTypes = read.associations?.['companies']?.results.map((r) => r.type).sort();
    expect(companyTypes).toEqual(['deal_to_company', 'deal_to_company_unlabeled']);
    const contactTypes = new Set(read.associations?.['contacts']?.results.map((r) => r.type));
    expect(contactTypes).toContain('deal_to_contact');
    expect(contactTypes).toContain('champion');
  });

  it('creates a task associated with a deal (type 216) in the same call', async () => {
    const [deal] = (await h.client.crm.deals.basicApi.getPage(1)).results;
    const task = await h.client.crm.objects.tasks.basicApi.create({
      properties: {
        hs_task_subject: 'Schedule kickoff',
        hs_timestamp: '2026-03-10T14:00:00Z',
        hs_task_status: 'NOT_STARTED',
        hs_task_priority: 'HIGH',
      },
      associations: [
        {
          to: { id: deal?.id ?? '' },
          types: [{ associationCategory: Category.HubspotDefined, associationTypeId: 216 }],
        },
      ],
    });
    const fromDeal = await h.client.crm.associations.v4.basicApi.getPage(
      'deals',
      deal?.id ?? '',
      'tasks',
    );
    expect(fromDeal.results).toEqual([
      {
        toObjectId: Number(task.id),
        associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 215, label: null }],
      },
    ]);
  });

  it('refuses an association to a record that does not exist', async () => {
    const error = await failure(
      h.client.crm.objects.tasks.basicApi.create({
        properties: { hs_task_subject: 'Orphan', hs_timestamp: '2026-03-10T14:00:00Z' },
        associations: [
          {
            to: { id: '999' },
            types: [{ associationCategory: Category.HubspotDefined, associationTypeId: 216 }],
          },
        ],
      }),
    );
    expect(error.code).toBe(400);
    expect(error.body['message']).toContain('999 does not exist');
  });

  it('updates by id and by a unique value (`idProperty`)', async () => {
    const contact = await h.client.crm.contacts.basicApi.create({
      properties: { email: 'Dana.Cole@harbor.example', firstname: 'Dana' },
      associations: [],
    });
    const updated = await h.client.crm.contacts.basicApi.update(
      'dana.cole@harbor.example',
      { properties: { jobtitle: 'COO' } },
      'email',
    );
    expect(updated.id).toBe(contact.id);
    const read = await h.client.crm.contacts.basicApi.getById(
      'dana.cole@harbor.example',
      ['jobtitle'],
      undefined,
      undefined,
      false,
      'email',
    );
    expect(read.properties['jobtitle']).toBe('COO');
  });

  it('refuses `idProperty` on a property that is not unique', async () => {
    const error = await failure(
      h.client.crm.deals.basicApi.getById('x', undefined, undefined, undefined, false, 'dealname'),
    );
    expect(error.code).toBe(400);
    expect(error.body['message']).toBe(
      'Unable to perform read by non-unique 0-3 property dealname in portal ID 22334455',
    );
  });

  it('archives a record: 404 afterwards, readable with `archived=true`, DELETE again still 204', async () => {
    const company = await h.client.crm.companies.basicApi.create({
      properties: { name: 'Gone Ltd' },
      associations: [],
    });
    await h.client.crm.companies.basicApi.archive(company.id);
    const error = await failure(h.client.crm.companies.basicApi.getById(company.id));
    expect(error.code).toBe(404);
    expectErrorBody(error.body, 'OBJECT_NOT_FOUND');
    expect(error.body['message']).toBe('Object not found.  objectId are usually numeric.');
    const archived = await h.client.crm.companies.basicApi.getById(
      company.id,
      undefined,
      undefined,
      undefined,
      true,
    );
    expect(archived.archived).toBe(true);
    expect(archived.archivedAt).toBeInstanceOf(Date);
    await expect(h.client.crm.companies.basicApi.archive(company.id)).resolves.toBeUndefined();
  });

  it('keeps deal stages to the deal’s pipeline and derives closed-won from the stage metadata', async () => {
    const deal = await h.client.crm.deals.basicApi.create({
      properties: { dealname: 'Big one', pipeline: '87654321', dealstage: '1187654321' },
      associations: [],
    });
    const wrong = await failure(
      h.client.crm.deals.basicApi.update(deal.id, { properties: { dealstage: 'closedwon' } }),
    );
    expect(wrong.code).toBe(400);
    expect(String(wrong.body['message'])).toContain('INVALID_OPTION');
    const won = await h.client.crm.deals.basicApi.update(deal.id, {
      properties: { dealstage: '1187654326' },
    });
    expect(won.properties).toMatchObject({
      hs_is_closed: 'true',
      hs_is_closed_won: 'true',
      hs_deal_stage_probability: '1',
    });
  });
});
