// The jsforce adapter against the in-process Salesforce test server: real jsforce, real HTTP.
import { DealNotFoundError, HandoffConflictError } from '../../../src/crm/crm-adapter';
import {
  createSalesforceAdapter,
  type SalesforceAdapter,
} from '../../../src/crm/salesforce/salesforce-adapter';
import {
  createSalesforceConnection,
  queryRecords,
} from '../../../src/crm/salesforce/salesforce-calls';
import { soql, soqlLiteral } from '../../../src/crm/salesforce/soql';
import {
  SALESFORCE_TEST_TOKEN,
  type SalesforceTestServer,
  createSalesforceTestServer,
} from '../../../src/crm/salesforce/test-server/salesforce-test-server';
import { TEST_IDS } from '../../../src/crm/salesforce/test-server/seed';
import { writeFor } from '../../contract/handoff-writes';

describe('soqlLiteral', () => {
  it("escapes O'Brien, backslashes and line breaks", () => {
    expect(soqlLiteral("O'Brien")).toBe("'O\\'Brien'");
    expect(soqlLiteral('a\\b\nc')).toBe("'a\\\\b\\nc'");
    expect(soql`SELECT Id FROM Contact WHERE LastName = ${"O'Brien"}`).toBe(
      "SELECT Id FROM Contact WHERE LastName = 'O\\'Brien'",
    );
  });
});

describe('the Salesforce adapter against the test server', () => {
  let server: SalesforceTestServer;
  let running: { url: string; close(): Promise<void> };
  let adapter: SalesforceAdapter;
  let connection: Awaited<ReturnType<typeof createSalesforceConnection>>;

  beforeAll(async () => {
    server = createSalesforceTestServer();
    running = await server.listen();
    connection = await createSalesforceConnection({
      instanceUrl: running.url,
      accessToken: SALESFORCE_TEST_TOKEN,
    });
    adapter = createSalesforceAdapter({ connection });
  });

  afterAll(() => running.close());

  it("finds O'Brien by name: the value reaches Salesforce whole, quote and all", async () => {
    const found = await queryRecords(
      connection,
      soql`SELECT Id, Name FROM Contact WHERE LastName = ${"O'Brien"}`,
    );
    expect(found.map((contact) => contact.Name)).toEqual(["Aoife O'Brien"]);
  });

  it('speaks API 66.0, not jsforce’s default', async () => {
    await adapter.closedWonStages();
    expect(server.requests.length).toBeGreaterThan(0);
    expect(connection.version).toBe('66.0');
  });

  it('decides closed-won from OpportunityStage.IsWon, a renamed won stage included', async () => {
    const stages = await adapter.closedWonStages();
    expect(Object.values(stages.byPipeline).flat().sort()).toEqual(['Closed Won', 'Signed']);
    const signed = await adapter.loadDealContext(TEST_IDS.signedDeal);
    expect(signed.deal.isClosedWon).toBe(true);
    const open = await adapter.loadDealContext(TEST_IDS.openDeal);
    expect(open.deal.isClosedWon).toBe(false);
  });

  it("reads an Opportunity's context in one call once the org's metadata is cached", async () => {
    const { result: context, calls } = await adapter.calls.counter.measure(() =>
      adapter.loadDealContext(TEST_IDS.wonDeal),
    );
    expect(calls).toBe(1);
    expect(context.deal).toMatchObject({ name: 'Acme platform rollout', isClosedWon: true });
    expect(context.company).toMatchObject({ name: 'Acme Corp', domain: 'acme.example' });
    expect(context.owner).toMatchObject({ id: TEST_IDS.seller, name: 'Ava Seller' });
    expect(context.handoff).toBeNull();
    const roles = Object.fromEntries(context.contacts.map((c) => [c.name, c.roles.sort()]));
    expect(roles).toEqual({
      'Dana Price': ['economic_buyer'],
      "Aoife O'Brien": ['champion', 'executive_sponsor'],
      'Raj Patel': ['technical_lead'],
    });
  });

  it('says an Opportunity is not found, for an unknown id and for one that is no id at all', async () => {
    await expect(adapter.loadDealContext('006000000000999AAA')).rejects.toBeInstanceOf(
      DealNotFoundError,
    );
    await expect(adapter.loadDealContext("O'Brien")).rejects.toBeInstanceOf(DealNotFoundError);
  });

  it('creates a handoff with its five tasks in six calls, then reads it back', async () => {
    const context = await adapter.loadDealContext(TEST_IDS.wonDeal);
    const { result: saved, calls } = await adapter.calls.counter.measure(() =>
      adapter.saveHandoff(writeFor(context, { baseVersion: null })),
    );
    expect(saved).toMatchObject({ created: true, tasksCreated: 5 });
    expect(calls).toBeLessThanOrEqual(6);

    const tasks = server.records.list('Task');
    expect(tasks).toHaveLength(5);
    for (const task of tasks) {
      expect(task).toMatchObject({ WhatId: TEST_IDS.wonDeal });
      expect(task.ActivityDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // Tasks for the sender go to the Opportunity owner; unassigned ones to the running user.
    expect(tasks.some((task) => task.OwnerId === TEST_IDS.seller)).toBe(true);
    expect(server.records.get('Opportunity', TEST_IDS.wonDeal)).toMatchObject({
      Baton_Handoff_Key__c: saved.handoff.key,
      Baton_Status__c: expect.any(String),
    });

    const reread = await adapter.loadDealContext(TEST_IDS.wonDeal);
    expect(reread.handoff?.version).toBe(1);
    expect(reread.handoff?.links.tasks).toEqual(saved.handoff.links.tasks);
    expect(reread.handoff?.links.stakeholders).toEqual(saved.handoff.links.stakeholders);
    expect(Object.keys(reread.handoff?.links.stakeholders ?? {})).toHaveLength(
      saved.handoff.document.stakeholders?.length ?? 0,
    );
  });

  it('creates no record twice when the same handoff is saved again', async () => {
    const context = await adapter.loadDealContext(TEST_IDS.wonDeal);
    const counts = () =>
      ['Task', 'Baton_Handoff__c', 'Baton_Commitment__c', 'Baton_Stakeholder__c'].map(
        (type) => server.records.list(type).length,
      );
    const before = counts();
    const { result: saved, calls } = await adapter.calls.counter.measure(() =>
      adapter.saveHandoff(writeFor(context, { baseVersion: context.handoff!.version })),
    );
    expect(saved).toMatchObject({ created: false, tasksCreated: 0 });
    expect(saved.handoff.version).toBe(2);
    expect(counts()).toEqual(before);
    expect(calls).toBeLessThanOrEqual(5);
  });

  it('finds the tasks an interrupted save made instead of making them again', async () => {
    const context = await adapter.loadDealContext(TEST_IDS.wonDeal);
    const tasks = await adapter.addDealTasks(TEST_IDS.wonDeal, writeFor(context).tasks);
    expect(Object.keys(tasks)).toHaveLength(5);
    expect(server.records.list('Task')).toHaveLength(5);
  });

  it('refuses a save based on an older version', async () => {
    const context = await adapter.loadDealContext(TEST_IDS.wonDeal);
    await expect(
      adapter.saveHandoff(writeFor(context, { baseVersion: context.handoff!.version - 1 })),
    ).rejects.toBeInstanceOf(HandoffConflictError);
  });

  it('passes its doctor: API reachable and the three objects deployed', async () => {
    const checks = await adapter.doctor();
    expect(checks.filter((check) => !check.ok)).toEqual([]);
  });
});
