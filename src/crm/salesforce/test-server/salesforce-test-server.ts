// An in-process Salesforce REST server for offline tests: the subset of API v66.0 the jsforce
// adapter uses (query, describe, sObject collections, upsert by External ID, limits), with
// Salesforce's response and error shapes and Bearer auth, the OAuth token endpoint (oauth.ts) and
// the CometD endpoint with the platform event (streaming.ts). Every API request is counted. The
// Metadata API's deployRequest (deploy.ts) and faults on demand (faults.ts) are mounted on it.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { CONTACT_ROLE_VALUES } from './seed';
import { type ItemError, type ItemResult, TestRecords } from './records';
import { SoqlError, runQuery } from './queries';
import {
  SALESFORCE_TEST_TOKEN,
  type TestConnectedApp,
  TestSessions,
  registerTokenEndpoint,
} from './oauth';
import { type TestStreaming, type TestStreamingOptions, createTestStreaming } from './streaming';
import { TestServerFaults } from './faults';
import { TestMetadata, registerDeployEndpoints } from './deploy';
import { metadataPackage } from '../metadata-package';

export { SALESFORCE_TEST_TOKEN, type TestConnectedApp };
/** Salesforce caps an sObject collection at 200 records. */
const COLLECTION_LIMIT = 200;

export interface SalesforceTestServer {
  app: Hono;
  records: TestRecords;
  /** Requests answered, by `METHOD path` without the version prefix. */
  requests: string[];
  /** Valid sessions (SALESFORCE_TEST_TOKEN and every token issued) and the grants answered. */
  sessions: TestSessions;
  /** The CometD endpoint with the platform event, and the org's closed-won flow (streaming.ts). */
  streaming: TestStreaming;
  /** Faults injected into the REST API on demand (faults.ts). */
  faults: TestServerFaults;
  /** The org's deployed metadata and the Metadata API's deploy requests (deploy.ts). */
  metadata: TestMetadata;
  listen(): Promise<{ url: string; close(): Promise<void> }>;
}

const sfError = (c: Context, status: 400 | 401 | 404, errorCode: string, message: string) =>
  c.json([{ message, errorCode }], status);

interface CollectionBody {
  allOrNone?: boolean;
  records?: (Record<string, unknown> & { attributes?: { type?: string } })[];
}

function rolledBack(results: ItemResult[], errors: (ItemError | null)[]): ItemResult[] {
  return results.map((result, i) => ({
    id: null,
    success: false,
    errors: [
      errors[i] ?? {
        statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
        message:
          'Record rolled back because not all records were valid and the request was using AllOrNone header',
        fields: [],
      },
    ],
    ...(result.created === undefined ? {} : { created: false }),
  }));
}

export interface SalesforceTestServerOptions {
  /** The connected app the token endpoint signs in; without one, only SALESFORCE_TEST_TOKEN. */
  connectedApp?: TestConnectedApp;
  streaming?: TestStreamingOptions;
  /** Baton's metadata is already deployed (the default); false for a fresh org. */
  deployed?: boolean;
  /** Status checks a deploy stays in progress for (default 1). */
  deployPolls?: number;
  /** Where random faults draw from: a seeded generator makes a fault test repeatable. */
  random?: () => number;
}

export function createSalesforceTestServer(
  options: SalesforceTestServerOptions = {},
): SalesforceTestServer {
  const records = new TestRecords();
  const requests: string[] = [];
  const sessions = new TestSessions();
  const streaming = createTestStreaming(sessions, records, options.streaming);
  const faults = new TestServerFaults(options.random);
  const metadata = new TestMetadata(options.deployPolls);
  if (options.deployed !== false) metadata.preload(metadataPackage());
  records.hasCustomField = (type, field) => metadata.has('CustomField', `${type}.${field}`);
  const root = new Hono();
  registerTokenEndpoint(root, options.connectedApp, sessions);
  const app = root.basePath('/services/data/:version');

  app.use('*', async (c, next) => {
    if (!sessions.isValid(c.req.header('authorization')?.replace(/^Bearer /, '')))
      return sfError(c, 401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    if (!/^v\d{2,3}\.0$/.test(c.req.param('version') ?? ''))
      return sfError(c, 404, 'NOT_FOUND', 'The requested resource does not exist');
    requests.push(`${c.req.method} ${c.req.path.replace(/^\/services\/data\/[^/]+/, '')}`);
    await next();
    streaming.observeRecords();
  });
  app.use('*', faults.middleware);
  registerDeployEndpoints(app, metadata);

  app.get('/query', (c) => {
    try {
      return c.json(runQuery(records, c.req.query('q') ?? ''));
    } catch (error) {
      if (error instanceof SoqlError) return sfError(c, 400, error.errorCode, error.message);
      throw error;
    }
  });

  app.get('/limits', (c) =>
    c.json({
      DailyApiRequests: { Max: 15000, Remaining: 15000 - requests.length },
      DailyBulkApiBatches: { Max: 15000, Remaining: 15000 },
    }),
  );

  app.get('/sobjects/:type/describe', (c) => {
    const type = c.req.param('type');
    if (type === 'OpportunityContactRole')
      return c.json({
        name: type,
        fields: [
          {
            name: 'Role',
            type: 'picklist',
            picklistValues: CONTACT_ROLE_VALUES.map((value) => ({
              value,
              label: value,
              active: true,
              defaultValue: false,
            })),
          },
        ],
      });
    const described = metadata.describe(type);
    if (described) return c.json(described);
    return sfError(c, 404, 'NOT_FOUND', 'The requested resource does not exist');
  });

  async function collection(
    c: Context,
    plan: (record: Record<string, unknown>, type: string) => ReturnType<TestRecords['plan']>,
  ) {
    const body = await c.req.json<CollectionBody>();
    const items = body.records ?? [];
    if (items.length > COLLECTION_LIMIT)
      return sfError(
        c,
        400,
        'EXCEEDED_ID_LIMIT',
        `record limit reached. cannot submit more than ${COLLECTION_LIMIT} records into this call`,
      );
    const plans = items.map(({ attributes, ...fields }) =>
      plan(fields, attributes?.type ?? c.req.param('type') ?? ''),
    );
    const errors = plans.map((p) => ('error' in p ? p.error : null));
    if (body.allOrNone && errors.some(Boolean))
      return c.json(
        rolledBack(
          plans.map(() => ({ id: null, success: false, errors: [] })),
          errors,
        ),
      );
    return c.json(
      plans.map((p): ItemResult =>
        'error' in p ? { id: null, success: false, errors: [p.error] } : p.apply(),
      ),
    );
  }

  app.post('/composite/sobjects', (c) =>
    collection(c, (fields, type) => {
      const planned = records.plan(type, fields, { op: 'create' });
      if (!('apply' in planned)) return planned;
      return { apply: () => ({ ...planned.apply(), created: undefined }) };
    }),
  );
  app.patch('/composite/sobjects', (c) =>
    collection(c, ({ id, ...fields }, type) => {
      const planned = records.plan(type, fields, { op: 'update', id });
      if (!('apply' in planned)) return planned;
      return { apply: () => ({ ...planned.apply(), created: undefined }) };
    }),
  );
  app.patch('/composite/sobjects/:type/:field', (c) =>
    collection(c, (fields, type) =>
      records.plan(type, fields, { op: 'upsert', field: c.req.param('field') }),
    ),
  );
  app.delete('/composite/sobjects', (c) => {
    const ids = (c.req.query('ids') ?? '').split(',').filter(Boolean);
    return c.json(
      ids.map((id): ItemResult =>
        records.delete(id)
          ? { id, success: true, errors: [] }
          : {
              id,
              success: false,
              errors: [
                { statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] },
              ],
            },
      ),
    );
  });

  root.notFound((c) => sfError(c, 404, 'NOT_FOUND', 'The requested resource does not exist'));

  const listen = () =>
    new Promise<{ url: string; close(): Promise<void> }>((resolve, reject) => {
      const server = serve(
        { fetch: root.fetch, port: 0, hostname: '127.0.0.1', overrideGlobalObjects: false },
        (info: AddressInfo) =>
          resolve({
            url: `http://127.0.0.1:${info.port}`,
            close: async () => {
              await streaming.close();
              await new Promise<void>((done) => {
                server.close(() => done());
                if ('closeAllConnections' in server) server.closeAllConnections();
              });
            },
          }),
      );
      streaming.attach(server);
      server.once('error', reject);
    });

  return { app: root, records, requests, sessions, streaming, faults, metadata, listen };
}
