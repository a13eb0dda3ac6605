// Deal pipelines (closed-won known by metadata, numeric stage ids) and owners with teams.
import { SEED_OWNERS, SEED_TEAMS } from '../../src/sandbox';
import { type Harness, failure, startSandbox } from './helpers/sandbox-harness';

describe('deal pipelines', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox();
  });
  afterAll(() => h.close());

  it('has HubSpot’s default pipeline and an Enterprise one with numeric stage ids', async () => {
    const { results } = await h.client.crm.pipelines.pipelinesApi.getAll('deals');
    expect(results.map((p) => [p.id, p.label])).toEqual([
      ['default', 'Sales Pipeline'],
      ['87654321', 'Enterprise'],
    ]);
    expect(results[0]?.stages.map((s) => s.id)).toContain('closedwon');
    expect(results[1]?.stages.every((s) => /^\d+$/.test(s.id))).toBe(true);
  });

  it('identifies closed-won stages by metadata (closed, probability 1.0), never by name', async () => {
    const { results } = await h.client.crm.pipelines.pipelinesApi.getAll('deals');
    const won = results.flatMap((p) =>
      p.stages
        .filter(
          (s) => s.metadata?.['isClosed'] === 'true' && Number(s.metadata?.['probability']) === 1,
        )
        .map((s) => s.id),
    );
    expect(won).toEqual(['closedwon', '1187654326']);
    const lost = results.flatMap((p) =>
      p.stages
        .filter((s) => s.metadata?.['isClosed'] === 'true' && s.metadata?.['probability'] === '0.0')
        .map((s) => s.id),
    );
    expect(lost).toEqual(['closedlost', '1187654327']);
    for (const stage of results.flatMap((p) => p.stages)) {
      expect(stage.metadata?.['probability']).toMatch(/^(0\.\d|1\.0)$/);
      expect(stage.createdAt).toBeInstanceOf(Date);
    }
  });

  it('reads one pipeline and its stages; 404 for an unknown one', async () => {
    const enterprise = await h.client.crm.pipelines.pipelinesApi.getById('deals', '87654321');
    expect(enterprise.stages).toHaveLength(7);
    const stage = await h.client.crm.pipelines.pipelineStagesApi.getById(
      'deals',
      '87654321',
      '1187654326',
    );
    expect(stage).toMatchObject({
      label: 'Closed won',
      metadata: { isClosed: 'true', probability: '1.0' },
    });
    expect((await failure(h.client.crm.pipelines.pipelinesApi.getById('deals', '42'))).code).toBe(
      404,
    );
  });
});

describe('owners', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox();
  });
  afterAll(() => h.close());

  it('lists the seed’s people with their teams', async () => {
    const { results } = await h.client.crm.owners.ownersApi.getPage();
    expect(results.map((o) => o.id)).toEqual(SEED_OWNERS.map((o) => o.id));
    const csm = results.find((o) => o.id === SEED_OWNERS.find((s) => s.role === 'csm')?.id);
    expect(csm?.teams).toEqual([
      { id: SEED_TEAMS.customerSuccess.id, name: 'Customer Success', primary: true },
    ]);
    expect(new Set(results.flatMap((o) => o.teams?.map((t) => t.name) ?? []))).toEqual(
      new Set(['Mid-Market Sales', 'Enterprise Sales', 'Customer Success']),
    );
  });

  it('pages and filters by email', async () => {
    const first = await h.client.crm.owners.ownersApi.getPage(undefined, undefined, 5);
    expect(first.results).toHaveLength(5);
    const rest = await h.client.crm.owners.ownersApi.getPage(
      undefined,
      first.paging?.next?.after,
      100,
    );
    expect(first.results.length + rest.results.length).toBe(SEED_OWNERS.length);
    const alex = SEED_OWNERS.find((o) => o.firstName === 'Alex');
    const byEmail = await h.client.crm.owners.ownersApi.getPage(alex?.email.toUpperCase());
    expect(byEmail.results.map((o) => o.id)).toEqual([alex?.id]);
  });

  it('reads one owner by id or user id; 404 otherwise', async () => {
    const owner = SEED_OWNERS[0];
    expect((await h.client.crm.owners.ownersApi.getById(Number(owner?.id))).email).toBe(
      owner?.email,
    );
    expect((await h.client.crm.owners.ownersApi.getById(owner?.userId ?? 0, 'userId')).id).toBe(
      owner?.id,
    );
    expect((await failure(h.client.crm.owners.ownersApi.getById(1))).code).toBe(404);
  });
});
