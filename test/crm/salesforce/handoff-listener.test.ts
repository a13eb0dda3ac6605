// The Salesforce listener inside the backend, offline: jsforce (REST, and its faye streaming
// client on API 66.0) against the test server's CometD endpoint and closed-won flow, the
// backend's queue and worker on PGlite. A won Opportunity becomes exactly one handoff with its
// tasks, through dropped connections, expired sessions, replays and outages.
import { Writable } from 'node:stream';
import type { Connection } from 'jsforce';
import type { ClientCredentialsAuth } from '../../../src/crm/salesforce/salesforce-auth';
import { connectSalesforce } from '../../../src/crm/salesforce/salesforce-auth';
import { createSalesforceAdapter } from '../../../src/crm/salesforce/salesforce-adapter';
import type { HandoffListener } from '../../../src/crm/salesforce/handoff-listener';
import { parseHandoffRequested } from '../../../src/crm/salesforce/handoff-events';
import { wonWithoutHandoffQuery } from '../../../src/crm/salesforce/salesforce-queries';
import {
  type SalesforceTestServer,
  createSalesforceTestServer,
} from '../../../src/crm/salesforce/test-server/salesforce-test-server';
import { TEST_ORG_ID } from '../../../src/crm/salesforce/test-server/queries';
import { TEST_IDS } from '../../../src/crm/salesforce/test-server/seed';
import {
  DEFAULT_RETENTION_MS,
  TEST_EVENT_CHANNEL,
} from '../../../src/crm/salesforce/test-server/streaming';
import {
  BACKEND_JOBS,
  type BackendRuntime,
  type BackendStorage,
  createBackendRuntime,
  createLogger,
  singlePortal,
} from '../../../src/server';
import { storageOn } from '../../../src/server/db';
import { DEFAULT_POLICY } from '../../../src/core';
import { joinSettings } from '../../../src/functions/settings-rules';
import { createSalesforceListener } from '../../../src/server/salesforce-intake';
import { BACKENDS, type TestDatabase, testCipher } from '../../server/db/test-databases';

jest.setTimeout(60_000);

const CLIENT_ID = '3MVG9-baton-listener';
const CLIENT_SECRET = 'listener-secret-never-logged';

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

async function until<T>(what: string, probe: () => T | Promise<T>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the Salesforce handoff listener', () => {
  let server: SalesforceTestServer;
  let running: { url: string; close(): Promise<void> };
  let database: TestDatabase;
  let storage: BackendStorage;
  let runtime: BackendRuntime;
  let rest: Connection;
  let listener: HandoffListener | null = null;
  let startListener: () => void;
  const logs: LogLine[] = [];
  const log = createLogger({
    level: 'debug',
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n'))
          if (line.trim()) logs.push(JSON.parse(line) as LogLine);
        done();
      },
    }),
  });
  const logged = (message: string) => logs.filter((line) => line.msg === message).length;

  beforeAll(async () => {
    server = createSalesforceTestServer({
      connectedApp: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
      // Long polls end every second, so a revoked session shows at once.
      streaming: { longPollSeconds: 1 },
    });
    running = await server.listen();
    const auth: ClientCredentialsAuth = {
      flow: 'client-credentials',
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      instanceUrl: running.url,
    };
    rest = await connectSalesforce(auth);
    database = await BACKENDS[0]!.open();
    storage = await storageOn(database.db, testCipher(), BACKEND_JOBS);
    runtime = createBackendRuntime({
      storage,
      crmFor: singlePortal(createSalesforceAdapter({ connection: rest }), TEST_ORG_ID),
      directory: { csManagers: [TEST_IDS.csm], csms: [TEST_IDS.csm], csOps: [], salesManagers: [] },
      publicUrl: 'https://baton.example.test',
      log,
      worker: { retry: { baseDelayMs: 1, maxDelayMs: 5 }, pollMs: 50 },
      slaSweepIntervalMs: null,
    });
    runtime.start();
    startListener = () => {
      listener = createSalesforceListener({
        orgId: TEST_ORG_ID,
        storage,
        worker: runtime.worker,
        queueClock: Date.now,
        signIn: () => connectSalesforce(auth),
        log,
        // Long enough for a test to act while the listener is cut off.
        tuning: { reconnect: { baseDelayMs: 400, maxDelayMs: 1_000 }, reconcileEveryMs: 60_000 },
      });
      listener.start();
    };
  });

  afterAll(async () => {
    // faye resends a failed request after 5 s; the client of the dropped connection finds its
    // dispatcher closed then and sends nothing, but until then its timer keeps jest waiting.
    await until('faye to give up the dropped connection', () => Date.now() - droppedAt > 5_500);
    await listener?.stop();
    await runtime.stop(1_000);
    await database.dispose();
    await running.close();
  });

  let subscriptions = 0;
  let droppedAt = 0;
  /** Starts a listener, as a backend starting would, and waits until it is subscribed. */
  async function listen(): Promise<void> {
    startListener();
    subscriptions++;
    await until(
      'the subscription',
      () =>
        logged('listening for Salesforce handoff events') >= subscriptions &&
        server.streaming.subscribers() === 1 &&
        logged('reconciled won Opportunities without a handoff') > 0,
    );
  }
  async function stopListener(): Promise<void> {
    await listener?.stop();
    listener = null;
    await until('the server to let go', () => server.streaming.subscribers() === 0);
  }

  let opened = 0;
  /** A new open Opportunity on Acme, through the REST API. */
  async function openOpportunity(stage = 'Prospecting'): Promise<string> {
    const [result] = (await rest.create(
      'Opportunity',
      [
        {
          Name: `Acme deal ${++opened}`,
          AccountId: TEST_IDS.acme,
          OwnerId: TEST_IDS.seller,
          StageName: stage,
          Amount: 50_000,
          CloseDate: '2026-11-30',
        },
      ],
      { allOrNone: true },
    )) as { id: string }[];
    return result!.id;
  }
  /** A sales rep moving the deal to a won stage: the flow publishes the event. */
  async function win(opportunityId: string, stage = 'Closed Won'): Promise<void> {
    await rest.update('Opportunity', [{ Id: opportunityId, StageName: stage }], {
      allOrNone: true,
    });
  }
  const handoffsOf = (opportunityId: string) =>
    server.records.list('Baton_Handoff__c').filter((h) => h.Opportunity__c === opportunityId);
  const tasksOf = (opportunityId: string) =>
    server.records.list('Task').filter((task) => task.WhatId === opportunityId);
  const handedOff = (opportunityId: string) =>
    until(`the handoff of ${opportunityId}`, () => tasksOf(opportunityId).length === 5);
  const jobs = async () =>
    storage.db.query<{ dedupe_key: string; status: string; source: string }>(
      `SELECT dedupe_key, status, payload->>'source' AS source FROM jobs
       WHERE kind = 'closed-won' ORDER BY id`,
    );

  it('turns a closed-won event into exactly one handoff with its five tasks', async () => {
    await listen();
    const dealId = TEST_IDS.openDeal;
    await win(dealId, 'Signed');
    await handedOff(dealId);
    await runtime.worker.drain();

    expect(handoffsOf(dealId)).toHaveLength(1);
    expect(tasksOf(dealId)).toHaveLength(5);
    expect(tasksOf(dealId).map((task) => task.OwnerId)).toContain(TEST_IDS.csm);
    const [event] = server.streaming.events();
    expect(event).toMatchObject({ opportunityId: dealId });
    expect(await jobs()).toEqual([
      {
        dedupe_key: `${TEST_ORG_ID}:event:${event!.eventUuid}`,
        status: 'done',
        source: 'salesforce_event',
      },
    ]);
    // The replay id is stored with the job, so a restart resumes after this event.
    expect((await storage.salesforceCursors.get(TEST_ORG_ID)).replay).toEqual({
      channel: TEST_EVENT_CHANNEL,
      replayId: event!.replayId,
    });
    // The handoff's clocks run from the moment the event was published, the moment it was won.
    const stored = JSON.parse(String(handoffsOf(dealId)[0]!.Document_Json__c)) as {
      deal: { closedWonAt: string };
    };
    expect(Date.parse(stored.deal.closedWonAt)).toBe(event!.publishedAt);
  });

  it('reconnects after the connection drops mid-stream, and loses nothing meanwhile', async () => {
    const before = await openOpportunity();
    await win(before);
    await handedOff(before);

    server.streaming.dropConnections();
    droppedAt = Date.now();
    await until('the drop to show', () => logged('Salesforce streaming connection dropped') > 0);
    // Won while the listener waits to reconnect: replayed to it from the stored replay id.
    const during = await openOpportunity();
    await win(during);
    subscriptions++;
    await until(
      'the new subscription',
      () => logged('listening for Salesforce handoff events') >= subscriptions,
    );
    const after = await openOpportunity();
    await win(after);

    for (const dealId of [during, after]) await handedOff(dealId);
    await runtime.worker.drain();
    for (const dealId of [before, during, after]) {
      expect(handoffsOf(dealId)).toHaveLength(1);
      expect(tasksOf(dealId)).toHaveLength(5);
    }
  });

  it('signs in again when Salesforce ends the session, and subscribes again', async () => {
    const grants = server.sessions.grants.length;
    server.sessions.expireAll();
    await until(
      'the new sign-in',
      () => logged('Salesforce refused the streaming session; signing in again') > 0,
    );
    subscriptions++;
    await until(
      'the new subscription',
      () => logged('listening for Salesforce handoff events') >= subscriptions,
    );
    expect(server.sessions.grants.length).toBeGreaterThan(grants);

    const dealId = await openOpportunity();
    await win(dealId);
    await handedOff(dealId);
    await runtime.worker.drain();
    expect(handoffsOf(dealId)).toHaveLength(1);
  });

  it('changes nothing when old events come again, from an older replay id or redelivered', async () => {
    const handoffs = server.records.list('Baton_Handoff__c').length;
    const tasks = server.records.list('Task').length;
    const queued = (await jobs()).length;
    const retained = server.streaming.events();
    expect(retained.length).toBeGreaterThanOrEqual(5);

    // A backend restarting with an older replay id (a restored backup) gets every event again.
    await stopListener();
    await storage.db.query('UPDATE salesforce_cursors SET replay_id = 0');
    const seenBefore = logged('handoff event seen before');
    await listen();
    await until(
      'the replay',
      () => logged('handoff event seen before') - seenBefore === retained.length,
    );
    // The event bus may deliver an event twice, or the flow fire again for a won deal: a new
    // event, a new job, and the job finds the handoff already there.
    server.streaming.publish(TEST_IDS.openDeal);
    await until('the new event', async () => (await jobs()).length === queued + 1);
    await runtime.worker.drain();

    expect(server.records.list('Baton_Handoff__c')).toHaveLength(handoffs);
    expect(server.records.list('Task')).toHaveLength(tasks);
    expect((await jobs()).every((job) => job.status === 'done')).toBe(true);
    expect((await storage.salesforceCursors.get(TEST_ORG_ID)).replay?.replayId).toBe(
      server.streaming.events().at(-1)!.replayId,
    );
  });

  it('reconciles what an outage longer than the retention dropped, and deals created won', async () => {
    await stopListener();
    // Won while no backend listens; by the time one does, the event bus has dropped the event.
    const missed = await openOpportunity();
    await win(missed);
    // Imported already won: the flow never fires for it.
    const imported = await openOpportunity('Closed Won');
    server.streaming.setRetention(0);
    expect(server.streaming.events()).toEqual([]);
    server.streaming.setRetention(DEFAULT_RETENTION_MS);

    await listen();
    await until('the fallback', () => logs.some((line) => /no longer retained/.test(line.msg)));
    for (const dealId of [missed, imported]) await handedOff(dealId);
    await runtime.worker.drain();
    for (const dealId of [missed, imported]) expect(handoffsOf(dealId)).toHaveLength(1);
    const polled = (await jobs()).filter((job) => job.source === 'salesforce_poll');
    expect(polled.map((job) => job.dedupe_key.split('@')[0])).toEqual(
      expect.arrayContaining([`${TEST_ORG_ID}:poll:${missed}`, `${TEST_ORG_ID}:poll:${imported}`]),
    );

    // A later poll finds nothing more: every won deal it can see has its handoff.
    expect(await listener!.reconcile()).toBe(0);
    const checkpoint = (await storage.salesforceCursors.get(TEST_ORG_ID)).reconciledThrough;
    expect(checkpoint!.getTime()).toBeGreaterThan(Date.now() - 11 * 60_000);
  });

  it('hands off by the org’s own saved settings (`baton settings apply --crm salesforce`)', async () => {
    // CS ops trimmed the plan to three tasks and named the other CSM as the team's only one.
    const settings = joinSettings(DEFAULT_POLICY, {
      csManagers: [TEST_IDS.seller],
      csms: [TEST_IDS.seller],
      csOps: [],
      salesManagers: [],
    });
    const plan = settings.templates.sales_to_cs.tasks.slice(0, 3);
    settings.templates.sales_to_cs.tasks = plan;
    const saved = await storage.portalSettings.save({
      portalId: TEST_ORG_ID,
      settings,
      baseVersion: 0,
      updatedBy: 'baton CLI',
      at: new Date(),
    });
    expect(saved.outcome).toBe('saved');

    const dealId = await openOpportunity();
    await win(dealId);
    await until(`the handoff of ${dealId}`, () => handoffsOf(dealId).length === 1);
    await runtime.worker.drain();
    expect(tasksOf(dealId)).toHaveLength(3);
    // What the Lightning card scores and guards the handoff by: the org's rules, stored with it.
    const rules = JSON.parse(String(handoffsOf(dealId)[0]!.Handoff_Rules__c)) as {
      template: { tasks: unknown[] };
    };
    expect(rules.template.tasks).toEqual(plan);
    // Under the backend's own team (csms: the other user), the CSM's tasks went to that user.
    expect(new Set(tasksOf(dealId).map((task) => task.OwnerId))).toEqual(
      new Set([TEST_IDS.seller]),
    );
  });

  it('never logs a token, the client secret or a person', () => {
    const text = JSON.stringify(logs);
    expect(text).not.toMatch(/salesforce-test-session|salesforce-test-token/);
    expect(text).not.toContain(CLIENT_SECRET);
    expect(text).not.toMatch(/@baton\.test|@example\.com/);
  });
});

describe('a handoff event', () => {
  const valid = {
    schema: 'x',
    payload: {
      CreatedDate: '2026-11-23T10:00:00.000Z',
      CreatedById: TEST_IDS.seller,
      OpportunityId__c: TEST_IDS.wonDeal,
    },
    event: { EventUuid: 'b7e5f0b2-0000-4000-8000-000000000001', replayId: 41 },
  };

  it('carries its replay id, its own id, the Opportunity and when it was published', () => {
    expect(parseHandoffRequested(valid)).toEqual({
      success: true,
      request: {
        replayId: 41,
        eventUuid: 'b7e5f0b2-0000-4000-8000-000000000001',
        opportunityId: TEST_IDS.wonDeal,
        requestedAt: Date.parse('2026-11-23T10:00:00.000Z'),
      },
    });
  });

  it('is refused naming the field, never quoting the value', () => {
    const bad = {
      ...valid,
      payload: { ...valid.payload, OpportunityId__c: "x' OR Name != '" },
    };
    expect(parseHandoffRequested(bad)).toEqual({
      success: false,
      replayId: 41,
      errorMessages: ['payload.OpportunityId__c is not a Salesforce id'],
    });
    expect(parseHandoffRequested({ payload: valid.payload })).toMatchObject({
      success: false,
      replayId: null,
      errorMessages: ['event is required'],
    });
  });
});

describe('the reconciliation query', () => {
  it('asks for won Opportunities without a handoff, by IsWon and an unquoted instant', () => {
    expect(wonWithoutHandoffQuery(new Date('2026-11-20T08:30:15.250Z'))).toBe(
      'SELECT Id, LastModifiedDate FROM Opportunity WHERE IsWon = true ' +
        'AND LastModifiedDate >= 2026-11-20T08:30:15Z ' +
        'AND Id NOT IN (SELECT Opportunity__c FROM Baton_Handoff__c) ORDER BY LastModifiedDate, Id',
    );
  });
});
