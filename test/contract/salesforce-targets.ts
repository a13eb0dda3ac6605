// Where the Salesforce side of the contract suite (crm-contract.ts) runs: always against the
// offline test server, started as a fresh org so the suite's provision deploys Baton's metadata
// to it, and against a real org too when the SF_* sign-in variables (salesforce-auth.ts) and
// SF_TEST_OPPORTUNITY_ID are set. Live runs deploy to the org and write to that Opportunity
// (a closed-won one the suite may hand off): use a developer org or a sandbox.
import { salesforceAuthFromEnv, connectSalesforce } from '../../src/crm/salesforce/salesforce-auth';
import {
  type SalesforceAdapter,
  createSalesforceAdapter,
} from '../../src/crm/salesforce/salesforce-adapter';
import { createSalesforceConnection } from '../../src/crm/salesforce/salesforce-calls';
import {
  SALESFORCE_TEST_TOKEN,
  type SalesforceTestServer,
  type SalesforceTestServerOptions,
  createSalesforceTestServer,
} from '../../src/crm/salesforce/test-server/salesforce-test-server';
import { TEST_IDS } from '../../src/crm/salesforce/test-server/seed';
import type { ContractTargetSpec, CrmContractTarget } from './crm-contract';
import { addClosedWonOpportunities } from './salesforce-deals';

/** An id of an Opportunity's shape that names none. */
const MISSING_OPPORTUNITY = '006000000000999AAA';

/** Retries and deploy polls without real waiting, so fault storms finish in test time. */
export const FAST = {
  retry: { retries: 8, baseDelayMs: 1, maxDelayMs: 5, sleep: () => Promise.resolve() },
  deploy: { sleep: () => Promise.resolve() },
} as const;

export interface TestServerTarget {
  server: SalesforceTestServer;
  url: string;
  adapter: SalesforceAdapter;
  close(): Promise<void>;
}

/** The test server on a port, with the jsforce adapter signed in to it. */
export async function testServerTarget(
  options: SalesforceTestServerOptions = {},
  adapterOptions: Partial<Parameters<typeof createSalesforceAdapter>[0]> = {},
): Promise<TestServerTarget> {
  const server = createSalesforceTestServer(options);
  const running = await server.listen();
  const connection = await createSalesforceConnection({
    instanceUrl: running.url,
    accessToken: SALESFORCE_TEST_TOKEN,
  });
  const adapter = createSalesforceAdapter({ connection, ...FAST, ...adapterOptions });
  return { server, url: running.url, adapter, close: running.close };
}

async function offlineContractTarget(): Promise<CrmContractTarget> {
  const { server, adapter, close } = await testServerTarget({ deployed: false });
  return {
    adapter,
    closedWonDealId: async () => TEST_IDS.wonDeal,
    missingDealId: MISSING_OPPORTUNITY,
    seed: {
      openDealId: TEST_IDS.openDeal,
      // The org renamed a won stage: nothing may rely on the name "Closed Won".
      unusualWonDeal: { id: TEST_IDS.signedDeal, stageId: 'Signed' },
      freshClosedWonDeal: async () => addClosedWonOpportunities(server, 1)[0]!,
      lostDealId: async () => addClosedWonOpportunities(server, 1, 'Closed Lost')[0]!,
    },
    close,
  };
}

export const SALESFORCE_LIVE_VARIABLES =
  'SF_CLIENT_ID with SF_USERNAME and SF_PRIVATE_KEY (or SF_PRIVATE_KEY_FILE), or with ' +
  'SF_CLIENT_SECRET and SF_INSTANCE_URL; and SF_TEST_OPPORTUNITY_ID';

export function liveSalesforceConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return salesforceAuthFromEnv(env).success && Boolean(env.SF_TEST_OPPORTUNITY_ID?.trim());
}

async function liveContractTarget(): Promise<CrmContractTarget> {
  const auth = salesforceAuthFromEnv(process.env);
  if (!auth.success) throw new Error(auth.errorMessages.join('; '));
  const adapter = createSalesforceAdapter({ connection: await connectSalesforce(auth.auth) });
  return {
    adapter,
    closedWonDealId: async () => process.env.SF_TEST_OPPORTUNITY_ID!.trim(),
    missingDealId: MISSING_OPPORTUNITY,
    close: async () => undefined,
  };
}

/** The Salesforce targets of the contract suite: the test server, and a real org when set. */
export function salesforceContractTargets(): ContractTargetSpec[] {
  const specs: ContractTargetSpec[] = [
    { name: 'test server', seeded: true, connect: offlineContractTarget },
  ];
  if (liveSalesforceConfigured())
    specs.push({ name: 'live org', seeded: false, connect: liveContractTarget });
  return specs;
}
