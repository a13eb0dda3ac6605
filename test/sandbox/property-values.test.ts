// HubSpot's checks of property values on write: unknown and read-only properties, wrong
// kinds of value, required properties, duplicate unique values.
import { type Harness, expectErrorBody, failure, startSandbox } from './helpers/sandbox-harness';

describe('property values', () => {
  let h: Harness;
  let dealId: string;
  beforeAll(async () => {
    h = await startSandbox();
    dealId = (await h.client.crm.deals.basicApi.getPage(1)).results[0]?.id ?? '';
  });
  afterAll(() => h.close());

  const invalid = async (properties: Record<string, string>) => {
    const error = await failure(h.client.crm.deals.basicApi.update(dealId, { properties }));
    expect(error.code).toBe(400);
    expectErrorBody(error.body, 'VALIDATION_ERROR');
    return error.body as { message: string; errors: { code: string; in: string }[] };
  };

  it('refuses an unknown property the way HubSpot does, naming it', async () => {
    const body = await invalid({ favourite_colour: 'teal' });
    expect(body.message).toMatch(/^Property values were not valid: \[/);
    const entries = JSON.parse(
      body.message.slice('Property values were not valid: '.length),
    ) as unknown[];
    expect(entries).toEqual([
      {
        isValid: false,
        message: 'Property "favourite_colour" does not exist',
        error: 'PROPERTY_DOESNT_EXIST',
        name: 'favourite_colour',
        localizedErrorMessage: 'Property "favourite_colour" does not exist',
        portalId: 22334455,
      },
    ]);
    expect(body.errors).toEqual([
      expect.objectContaining({ code: 'PROPERTY_DOESNT_EXIST', in: 'favourite_colour' }),
    ]);
  });

  it.each([
    ['a word for a number', { amount: 'lots' }, 'INVALID_FLOAT'],
    ['a value that is no option', { dealtype: 'newish' }, 'INVALID_OPTION'],
    ['an owner id nobody has', { hubspot_owner_id: '123' }, 'INVALID_OPTION'],
    ['a date-time it cannot read', { closedate: 'next tuesday' }, 'INVALID_DATETIME'],
    ['a write to a read-only property', { hs_object_id: '5' }, 'READ_ONLY_VALUE'],
  ])('refuses %s', async (_what, properties, code) => {
    const body = await invalid(properties);
    expect(body.errors.map((e) => e.code)).toEqual([code]);
  });

  it('reports every bad value at once', async () => {
    const body = await invalid({ amount: 'x', nope: 'y' });
    expect(body.errors.map((e) => e.in).sort()).toEqual(['amount', 'nope']);
  });

  it('accepts epoch milliseconds for date-times and clears a value with ""', async () => {
    const updated = await h.client.crm.deals.basicApi.update(dealId, {
      properties: { closedate: String(Date.UTC(2026, 5, 1, 12)), description: 'x' },
    });
    expect(updated.properties['closedate']).toBe('2026-06-01T12:00:00.000Z');
    const cleared = await h.client.crm.deals.basicApi.update(dealId, {
      properties: { description: '' },
    });
    expect(cleared.properties['description']).toBeUndefined();
  });

  it('requires hs_timestamp on tasks', async () => {
    const error = await failure(
      h.client.crm.objects.tasks.basicApi.create({
        properties: { hs_task_subject: 'No date' },
        associations: [],
      }),
    );
    expect(error.code).toBe(400);
    expect(String(error.body['message'])).toContain('REQUIRED_PROPERTY');
  });

  it('refuses a second contact with the same email with HubSpot’s 409 naming the first', async () => {
    const first = await h.client.crm.contacts.basicApi.create({
      properties: { email: 'sam@kestrel.example' },
      associations: [],
    });
    const error = await failure(
      h.client.crm.contacts.basicApi.create({
        properties: { email: 'SAM@kestrel.example' },
        associations: [],
      }),
    );
    expect(error.code).toBe(409);
    expectErrorBody(error.body, 'OBJECT_ALREADY_EXISTS');
    expect(error.body['message']).toBe(`Contact already exists. Existing ID: ${first.id}`);
    expect(error.body['errors']).toEqual([
      {
        message: `A contact with email SAM@kestrel.example already exists. Existing ID: ${first.id}`,
        in: 'email',
      },
    ]);
  });
});
