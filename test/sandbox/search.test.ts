// CRM search through the real client: every operator, associations filters, sorts, paging
// and totals, checked against the seed portal's own data.
import {
  FilterOperatorEnum as Op,
  type PublicObjectSearchRequest,
} from '@hubspot/api-client/lib/codegen/crm/objects';
import { type Harness, failure, startSandbox } from './helpers/sandbox-harness';

describe('search', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox();
  });
  afterAll(() => h.close());

  const search = (type: string, request: Partial<PublicObjectSearchRequest>) =>
    h.client.crm.objects.searchApi.doSearch(type, {
      limit: 200,
      after: '0',
      sorts: [],
      properties: [],
      filterGroups: [],
      ...request,
    } as PublicObjectSearchRequest);
  const where = (
    propertyName: string,
    operator: Op,
    extra: { value?: string; values?: string[]; highValue?: string } = {},
  ) => ({
    filterGroups: [{ filters: [{ propertyName, operator, ...extra }] }],
  });

  it('finds closed-won deals by the stage metadata flag, in both pipelines', async () => {
    const won = await search('deals', {
      ...where('hs_is_closed_won', Op.Eq, { value: 'true' }),
      properties: ['pipeline', 'dealstage'],
    });
    expect(won.total).toBe(2 * 30);
    expect(new Set(won.results.map((r) => r.properties['dealstage']))).toEqual(
      new Set(['closedwon', '1187654326']),
    );
  });

  it('compares numbers as numbers (GT, LTE, BETWEEN)', async () => {
    const amounts = h.sandbox.store.records
      .list(h.sandbox.store.type('deals'))
      .map((r) => Number(r.properties['amount']));
    const big = await search('deals', where('amount', Op.Gt, { value: '100000' }));
    expect(big.total).toBe(amounts.filter((a) => a > 100_000).length);
    const small = await search('deals', where('amount', Op.Lte, { value: '9000' }));
    expect(small.total).toBe(amounts.filter((a) => a <= 9_000).length);
    const mid = await search(
      'deals',
      where('amount', Op.Between, { value: '20000', highValue: '90000' }),
    );
    expect(mid.total).toBe(amounts.filter((a) => a >= 20_000 && a <= 90_000).length);
  });

  it('compares dates as instants, whatever their form', async () => {
    const cutoff = Date.parse('2026-03-02T00:00:00Z');
    const iso = await search('deals', where('closedate', Op.Lt, { value: '2026-03-02T00:00:00Z' }));
    const millis = await search('deals', where('closedate', Op.Lt, { value: String(cutoff) }));
    expect(iso.total).toBe(millis.total);
    expect(iso.total).toBeGreaterThan(0);
  });

  it('ANDs filters within a group and ORs the groups', async () => {
    const both = await search('deals', {
      filterGroups: [
        {
          filters: [
            { propertyName: 'pipeline', operator: Op.Eq, value: 'default' },
            { propertyName: 'hs_is_closed', operator: Op.Eq, value: 'false' },
          ],
        },
        { filters: [{ propertyName: 'dealstage', operator: Op.Eq, value: '1187654327' }] },
      ],
      properties: ['pipeline', 'dealstage', 'hs_is_closed'],
    });
    for (const deal of both.results) {
      const p = deal.properties;
      expect(
        (p['pipeline'] === 'default' && p['hs_is_closed'] === 'false') ||
          p['dealstage'] === '1187654327',
      ).toBe(true);
    }
    // The default pipeline's five open stages and the one Enterprise stage, 30 deals each.
    expect(both.total).toBe(6 * 30);
  });

  it('handles IN, NOT_IN, NEQ, HAS_PROPERTY and NOT_HAS_PROPERTY', async () => {
    const total = (await search('deals', {})).total;
    const inStages = await search(
      'deals',
      where('dealstage', Op.In, { values: ['closedwon', 'closedlost'] }),
    );
    const notIn = await search(
      'deals',
      where('dealstage', Op.NotIn, { values: ['closedwon', 'closedlost'] }),
    );
    expect(inStages.total + notIn.total).toBe(total);
    const neq = await search('deals', where('pipeline', Op.Neq, { value: 'default' }));
    expect(neq.total).toBe(7 * 30);
    expect((await search('deals', where('description', Op.HasProperty))).total).toBe(0);
    expect((await search('deals', where('description', Op.NotHasProperty))).total).toBe(total);
  });

  it('matches tokens and wildcards with CONTAINS_TOKEN, case aside', async () => {
    const contacts = await search('contacts', { properties: ['email'], limit: 1 });
    const email = contacts.results[0]?.properties['email'] ?? '';
    const domain = email.split('@')[1] ?? '';
    const byDomain = await search('contacts', {
      ...where('email', Op.ContainsToken, { value: `*@${domain.toUpperCase()}` }),
      properties: ['email'],
    });
    expect(byDomain.total).toBeGreaterThan(0);
    expect(byDomain.results.every((r) => r.properties['email']?.endsWith(`@${domain}`))).toBe(true);
    const notMatching = await search(
      'contacts',
      where('email', Op.NotContainsToken, { value: `*@${domain}` }),
    );
    expect(notMatching.total + byDomain.total).toBe((await search('contacts', {})).total);
  });

  it('filters by association (`associations.contact`)', async () => {
    const [deal] = (await h.client.crm.deals.basicApi.getPage(1)).results;
    const linked = await h.client.crm.associations.v4.basicApi.getPage(
      'deals',
      deal?.id ?? '',
      'contacts',
    );
    const contacts = await search(
      'contacts',
      where('associations.deal', Op.Eq, { value: deal?.id ?? '' }),
    );
    expect(contacts.results.map((r) => Number(r.id)).sort()).toEqual(
      linked.results.map((r) => r.toObjectId).sort(),
    );
  });

  it('sorts (either form) and pages with `after` and a total', async () => {
    const desc = await search('deals', { sorts: ['-amount'], properties: ['amount'], limit: 10 });
    const amounts = desc.results.map((r) => Number(r.properties['amount']));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(desc.total).toBe(420);
    expect(desc.paging?.next?.after).toBe('10');
    const next = await search('deals', {
      sorts: ['-amount'],
      properties: ['amount'],
      limit: 10,
      after: '10',
    });
    expect(Number(next.results[0]?.properties['amount'])).toBeLessThanOrEqual(amounts[9] ?? 0);
    const objectForm = await h.api('POST', '/crm/v3/objects/deals/search', {
      sorts: [{ propertyName: 'amount', direction: 'DESCENDING' }],
      properties: ['amount'],
      limit: 10,
    });
    expect((objectForm.body as { results: { id: string }[] }).results.map((r) => r.id)).toEqual(
      desc.results.map((r) => r.id),
    );
    const last = await search('deals', { limit: 10, after: '410' });
    expect(last.paging).toBeUndefined();
  });

  it('searches text with `query`', async () => {
    const [company] = (await h.client.crm.companies.basicApi.getPage(1, undefined, ['name']))
      .results;
    const word = (company?.properties['name'] ?? '').split(' ')[0] ?? '';
    const found = await search('companies', { query: word.toLowerCase(), properties: ['name'] });
    expect(found.results.some((r) => r.id === company?.id)).toBe(true);
  });

  it('refuses a limit over 200, an unknown property, and too many filters', async () => {
    expect((await h.api('POST', '/crm/v3/objects/deals/search', { limit: 201 })).status).toBe(400);
    const unknown = await failure(search('deals', where('no_such_thing', Op.Eq, { value: 'x' })));
    expect(unknown.code).toBe(400);
    expect(unknown.body['message']).toContain('no_such_thing');
    const filters = Array.from({ length: 4 }, () => ({
      filters: Array.from({ length: 5 }, () => ({
        propertyName: 'amount',
        operator: Op.HasProperty,
      })),
    }));
    const tooMany = await failure(search('deals', { filterGroups: filters }));
    expect(tooMany.body['message']).toBe(
      'A search takes at most 18 filters in all; this one has 20',
    );
  });
});
