// How the Salesforce adapter behaves when Salesforce misbehaves, driven by the test server's
// faults: 429 and 5xx storms, writes that landed though their answer was lost, connection
// resets, throttling that asks to wait. Nothing may be lost and nothing written twice.
import { DEFAULT_POLICY } from '../../src/core';
import { startHandoff } from '../../src/functions/closed-won';
import { createRandom } from '../../src/sandbox/seed/prng';
import { InProcessLocks } from '../../src/functions/keyed-locks';
import type { TeamDirectory } from '../../src/functions/team-directory';
import { createSalesforceAdapter } from '../../src/crm/salesforce/salesforce-adapter';
import { createSalesforceConnection } from '../../src/crm/salesforce/salesforce-calls';
import { SalesforceHttpError } from '../../src/crm/salesforce/salesforce-retries';
import { taskKeyIn } from '../../src/crm/salesforce/salesforce-tasks';
import { SALESFORCE_TEST_TOKEN } from '../../src/crm/salesforce/test-server/salesforce-test-server';
import { TEST_IDS } from '../../src/crm/salesforce/test-server/seed';
import { NOW, writeFor } from './handoff-writes';
import { addClosedWonOpportunities } from './salesforce-deals';
import { type TestServerTarget, testServerTarget } from './salesforce-targets';

const directory: TeamDirectory = {
  csManagers: [TEST_IDS.seller],
  csms: [TEST_IDS.csm],
  csOps: [],
  salesManagers: [],
};

let target: TestServerTarget;

beforeAll(async () => {
  target = await testServerTarget(
    { random: createRandom(20_26).next },
    // Enough retries that a call failing 40 % of the time gets through (0.4^13 ≈ 7 in a million).
    { retry: { retries: 12, baseDelayMs: 1, maxDelayMs: 5, sleep: () => Promise.resolve() } },
  );
});

afterAll(() => target.close());

afterEach(() => target.server.faults.clear());

const records = () => target.server.records;

function handoffsOf(opportunityId: string) {
  return records()
    .list('Baton_Handoff__c')
    .filter((h) => h.Opportunity__c === opportunityId);
}

function taskKeysOf(opportunityId: string): string[] {
  return records()
    .list('Task')
    .filter((task) => task.WhatId === opportunityId)
    .map((task) => taskKeyIn(String(task.Description ?? '')))
    .filter((key): key is string => key !== null);
}

function childrenOf(type: string, handoffId: string) {
  return records()
    .list(type)
    .filter((child) => child.Handoff__c === handoffId);
}

async function handOff(opportunityId: string) {
  const context = await target.adapter.loadDealContext(opportunityId);
  return target.adapter.saveHandoff(writeFor(context, { baseVersion: null }));
}

describe('the Salesforce adapter under faults', () => {
  it('completes closed-won handoffs exactly once under 20 % 429s and 20 % 5xx errors', async () => {
    const deals = addClosedWonOpportunities(target.server, 6);
    const deps = {
      crm: target.adapter,
      locks: new InProcessLocks(),
      policy: DEFAULT_POLICY,
      directory,
      now: () => NOW,
    };
    // Besides the random storm, one task create is sure to land and lose its answer.
    target.server.faults.set({
      rate429: 0.2,
      rate5xx: 0.2,
      once: [{ kind: '502', method: 'POST', pathIncludes: '/composite/sobjects', landed: true }],
    });
    const {
      result: outcomes,
      calls,
      attempts,
    } = await target.adapter.calls.counter.measure(() =>
      Promise.all(deals.map((deal) => startHandoff(deal, deps))),
    );
    target.server.faults.clear();

    expect(outcomes.map((o) => o.outcome)).toEqual(deals.map(() => 'started'));
    const injected = target.server.faults.injected;
    expect(injected['429']).toBeGreaterThan(0);
    expect(injected['500'] + injected['502'] + injected['503'] + injected['504']).toBeGreaterThan(
      0,
    );
    // The storm struck where it matters: task creates whose answer was lost after they landed.
    expect(
      target.server.faults.history.filter(
        (f) => f.landed && f.method === 'POST' && f.path.endsWith('/composite/sobjects'),
      ).length,
    ).toBeGreaterThan(0);
    expect(attempts).toBeGreaterThan(calls);

    for (const deal of deals) {
      const [handoff, ...more] = handoffsOf(deal);
      expect(more).toEqual([]);
      const keys = taskKeysOf(deal);
      expect(keys).toHaveLength(5);
      expect(new Set(keys).size).toBe(5);
      const stakeholders = childrenOf('Baton_Stakeholder__c', handoff!.Id);
      const document = JSON.parse(String(handoff!.Document_Json__c)) as {
        stakeholders?: unknown[];
      };
      expect(stakeholders).toHaveLength(document.stakeholders?.length ?? 0);
      expect(new Set(stakeholders.map((s) => s.Stakeholder_Key__c)).size).toBe(stakeholders.length);
      expect(records().get('Opportunity', deal)?.Baton_Handoff_Key__c).toBe(
        handoff!.Handoff_Key__c,
      );
    }

    const again = await Promise.all(deals.map((deal) => startHandoff(deal, deps)));
    expect(again.map((o) => o.outcome)).toEqual(deals.map(() => 'already_started'));
    expect(deals.flatMap(taskKeysOf)).toHaveLength(deals.length * 5);
  });

  it('finds the tasks a create made before its 500, instead of creating them again', async () => {
    const [deal] = addClosedWonOpportunities(target.server, 1);
    target.server.faults.set({
      once: [{ kind: '500', method: 'POST', pathIncludes: '/composite/sobjects', landed: true }],
    });
    const { result: saved } = await target.adapter.calls.counter.measure(() => handOff(deal!));
    expect(target.server.faults.injected.landed).toBeGreaterThan(0);
    expect(Object.keys(saved.handoff.links.tasks)).toHaveLength(5);
    expect(taskKeysOf(deal!).sort()).toEqual(Object.keys(saved.handoff.links.tasks).sort());
    expect(
      target.adapter.calls.counter.snapshot().byLabel['write:reconcile-tasks'],
    ).toBeGreaterThan(0);
  });

  it('sends no task create again after a 503 that refused it: the search finds none', async () => {
    const [deal] = addClosedWonOpportunities(target.server, 1);
    target.server.faults.set({
      once: [{ kind: '503', method: 'POST', pathIncludes: '/composite/sobjects', landed: false }],
    });
    const saved = await handOff(deal!);
    expect(taskKeysOf(deal!).sort()).toEqual(Object.keys(saved.handoff.links.tasks).sort());
    expect(taskKeysOf(deal!)).toHaveLength(5);
  });

  it('creates the handoff once when the connection drops after its upsert landed', async () => {
    const [deal] = addClosedWonOpportunities(target.server, 1);
    target.server.faults.set({
      once: [
        { kind: 'reset', method: 'PATCH', pathIncludes: 'Baton_Handoff__c', landed: true },
        { kind: 'reset', method: 'PATCH', pathIncludes: 'Baton_Stakeholder__c', landed: true },
      ],
    });
    const saved = await handOff(deal!);
    expect(target.server.faults.injected.reset).toBeGreaterThanOrEqual(2);
    expect(saved.created).toBe(true);
    const [handoff, ...more] = handoffsOf(deal!);
    expect(more).toEqual([]);
    expect(handoff!.Id).toBe(saved.handoff.recordId);
    expect(childrenOf('Baton_Stakeholder__c', handoff!.Id)).toHaveLength(
      Object.keys(saved.handoff.links.stakeholders).length,
    );
  });

  it('counts a delete that landed before its answer was lost as done', async () => {
    const [deal] = addClosedWonOpportunities(target.server, 1);
    const context = await target.adapter.loadDealContext(deal!);
    const first = writeFor(context, { baseVersion: null });
    const stakeholders = first.document.stakeholders ?? [];
    expect(stakeholders.length).toBeGreaterThan(1);
    await target.adapter.saveHandoff(first);
    const saved = await target.adapter.loadDealContext(deal!);
    target.server.faults.set({
      once: [{ kind: '502', method: 'DELETE', landed: true }],
    });
    const fewer = { ...saved.handoff!.document, stakeholders: stakeholders.slice(0, 1) };
    const result = await target.adapter.saveHandoff(writeFor(saved, { document: fewer }));
    expect(Object.keys(result.handoff.links.stakeholders)).toHaveLength(1);
    expect(childrenOf('Baton_Stakeholder__c', result.handoff.recordId)).toHaveLength(1);
  });

  it('waits as long as Retry-After asks, and leaves a longer wait to whoever runs the job', async () => {
    const delays: number[] = [];
    const connection = await createSalesforceConnection({
      instanceUrl: target.url,
      accessToken: SALESFORCE_TEST_TOKEN,
    });
    const adapter = createSalesforceAdapter({
      connection,
      retry: {
        retries: 3,
        baseDelayMs: 10,
        maxDelayMs: 30_000,
        sleep: async (ms) => void delays.push(ms),
      },
    });
    target.server.faults.set({ retryAfterSeconds: 2, once: [{ kind: '429' }] });
    await adapter.listPeople();
    expect(delays).toEqual([2000]);

    target.server.faults.set({ retryAfterSeconds: 60, once: [{ kind: '429' }] });
    const failure = adapter.listPeople();
    await expect(failure).rejects.toBeInstanceOf(SalesforceHttpError);
    await expect(failure).rejects.toMatchObject({ status: 429, retryAfterMs: 60_000 });
    expect(delays).toEqual([2000]);
  });

  it('waits out REQUEST_LIMIT_EXCEEDED on concurrent requests, counting each attempt', async () => {
    target.server.faults.set({ once: [{ kind: 'request_limit' }, { kind: 'request_limit' }] });
    const { calls, attempts } = await target.adapter.calls.counter.measure(() =>
      target.adapter.listPeople(),
    );
    expect({ calls, attempts }).toEqual({ calls: 1, attempts: 3 });
  });
});
