// HubSpot's answers when something is wrong: 401 without or with a wrong token, 404 for
// unknown routes and records, 400 naming the field for a bad body.
import { SANDBOX_TOKEN } from '../../src/sandbox';
import { type Harness, expectErrorBody, failure, startSandbox } from './helpers/sandbox-harness';

describe('errors', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox();
  });
  afterAll(() => h.close());

  it('answers 401 INVALID_AUTHENTICATION without a token', async () => {
    const response = await h.api('GET', '/crm/v3/objects/deals', undefined, null);
    expect(response.status).toBe(401);
    expectErrorBody(response.body, 'INVALID_AUTHENTICATION');
    expect(response.body).toMatchObject({
      message: expect.stringMatching(/^Authentication credentials not found/),
    });
    expect(response.headers.get('x-hubspot-correlation-id')).toBe(
      (response.body as { correlationId: string }).correlationId,
    );
  });

  it('answers 401 to the api-client with a wrong token', async () => {
    const error = await failure(h.clientWith('pat-na1-not-the-token').crm.deals.basicApi.getPage());
    expect(error.code).toBe(401);
    expectErrorBody(error.body, 'INVALID_AUTHENTICATION');
  });

  it('accepts the token however the scheme is cased', async () => {
    const response = await fetch(`${h.url}/crm/v3/owners`, {
      headers: { Authorization: `bearer ${SANDBOX_TOKEN}` },
    });
    expect(response.status).toBe(200);
  });

  it('answers 404 with HubSpot’s body for a route it does not have', async () => {
    const response = await h.api('GET', '/crm/v3/imports');
    expect(response.status).toBe(404);
    expectErrorBody(response.body, 'OBJECT_NOT_FOUND');
    expect(response.body).toMatchObject({ message: 'resource not found' });
  });

  it('answers 404 OBJECT_NOT_FOUND with the id for a record that does not exist', async () => {
    const error = await failure(h.client.crm.contacts.basicApi.getById('123'));
    expect(error.code).toBe(404);
    expect(error.body).toMatchObject({ category: 'OBJECT_NOT_FOUND', context: { id: ['123'] } });
  });

  it('answers 400 for an object type nobody defined', async () => {
    const error = await failure(h.client.crm.objects.basicApi.getPage('unicorns'));
    expect(error.code).toBe(400);
    expect(error.body).toMatchObject({
      category: 'VALIDATION_ERROR',
      message: 'Unable to infer object type from: unicorns',
    });
  });

  it('names the field of a malformed body', async () => {
    const response = await h.api('POST', '/crm/v3/objects/deals/batch/upsert', {
      inputs: [{ id: 'x', properties: 'not an object' }],
    });
    expect(response.status).toBe(400);
    expectErrorBody(response.body, 'VALIDATION_ERROR');
    expect(response.body).toMatchObject({
      message: 'Invalid input JSON: inputs[0].properties: expected record, received string',
      errors: [{ in: 'inputs[0].properties', code: 'INVALID_TYPE' }],
    });
  });

  it('refuses an unknown field, as HubSpot’s JSON binding does', async () => {
    const response = await h.api('POST', '/crm/v3/objects/deals', {
      properties: { dealname: 'x' },
      propertiez: {},
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      message: 'Invalid input JSON: Unrecognized field "propertiez"',
      errors: [{ in: 'propertiez' }],
    });
  });

  it('refuses a body that is not JSON', async () => {
    const response = await h.api('POST', '/crm/v3/objects/deals/search', '{"limit": ');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      category: 'VALIDATION_ERROR',
      message: expect.stringMatching(/^Invalid input JSON: /),
    });
  });

  it('refuses a bad query parameter', async () => {
    const response = await h.api('GET', '/crm/v3/objects/deals?limit=1000');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ errors: [{ in: 'limit' }] });
  });

  it('keeps sandbox bugs out of responses: 500 INTERNAL_ERROR with no stack', async () => {
    const logged: unknown[] = [];
    const broken = await startSandbox({ logError: (error) => logged.push(error) });
    jest.spyOn(broken.sandbox.store.records, 'list').mockImplementation(() => {
      throw new Error('secret detail');
    });
    const response = await broken.api('GET', '/crm/v3/objects/deals');
    await broken.close();
    expect(response.status).toBe(500);
    expect(response.body).toMatchObject({
      status: 'error',
      category: 'INTERNAL_ERROR',
      message: 'internal error',
    });
    expect(JSON.stringify(response.body)).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });
});
