// Salesforce API calls per closed-won handoff, counted from the test server's own request record
// (GET is a read; POST, PATCH and DELETE are writes), beside a naive one-record-per-call baseline
// measured in the same run against the same server.
import {
  createSalesforceAdapter,
  type SalesforceAdapter,
} from '../../src/crm/salesforce/salesforce-adapter';
import { createSalesforceConnection } from '../../src/crm/salesforce/salesforce-calls';
import {
  SALESFORCE_TEST_TOKEN,
  type SalesforceTestServer,
  createSalesforceTestServer,
} from '../../src/crm/salesforce/test-server/salesforce-test-server';
import { TEST_IDS } from '../../src/crm/salesforce/test-server/seed';
import { writeFor } from '../../test/contract/handoff-writes';
import { addSingleRecordRoutes, naiveRead, naiveWrite } from './naive-salesforce';

const TASK_COUNTS = [5, 20, 100];

/** Copies of the seeded won Opportunity with its four contact roles (three contacts), so every
 * measurement starts on a deal with no handoff. */
function addWonDeals(server: SalesforceTestServer, count: number): string[] {
  const { records } = server;
  const source = records.get('Opportunity', TEST_IDS.wonDeal)!;
  const roles = records
    .list('OpportunityContactRole')
    .filter((role) => role.OpportunityId === TEST_IDS.wonDeal);
  const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(12, '0')}AAA`;
  return Array.from({ length: count }, (_, i) => {
    const Id = id('006', 100 + i);
    records.table('Opportunity').set(Id, { ...source, Id, Name: `${String(source.Name)} ${i}` });
    roles.forEach((role, j) => {
      const roleId = id('00K', 100 + i * 10 + j);
      records
        .table('OpportunityContactRole')
        .set(roleId, { ...role, Id: roleId, OpportunityId: Id });
    });
    return Id;
  });
}

/** The requests `fn` made, split by method. */
async function requestsOf(server: SalesforceTestServer, fn: () => Promise<unknown>) {
  const before = server.requests.length;
  await fn();
  const made = server.requests.slice(before);
  const reads = made.filter((request) => request.startsWith('GET ')).length;
  return { reads, writes: made.length - reads };
}

export async function runSalesforceCallsBench(): Promise<void> {
  const server = createSalesforceTestServer();
  addSingleRecordRoutes(server); // before the first request: Hono's router is fixed by then
  const running = await server.listen();
  try {
    const connection = await createSalesforceConnection({
      instanceUrl: running.url,
      accessToken: SALESFORCE_TEST_TOKEN,
    });
    const adapter: SalesforceAdapter = createSalesforceAdapter({ connection });
    const deals = addWonDeals(server, 2 * TASK_COUNTS.length);
    await adapter.loadDealContext(TEST_IDS.signedDeal); // won stages and roles: once per adapter

    console.log('Salesforce API calls per closed-won handoff (test server; org metadata cached)');
    console.log('  tasks   read: baton / naive     write: baton / naive     ratio');
    for (const [i, n] of TASK_COUNTS.entries()) {
      const baton = await requestsOf(server, async () => {
        const context = await adapter.loadDealContext(deals[i]!);
        const write = writeFor(context, { tasks: n });
        const saved = await adapter.saveHandoff(write);
        if (saved.tasksCreated !== n) throw new Error(`${saved.tasksCreated} of ${n} tasks made`);
      });
      const dealId = deals[TASK_COUNTS.length + i]!;
      const naiveReads = await requestsOf(server, () => naiveRead(connection, dealId));
      // The write is built from the adapter's reading of the deal, outside the count.
      const write = writeFor(await adapter.loadDealContext(dealId), { tasks: n });
      const naiveWrites = await requestsOf(server, () => naiveWrite(connection, write));
      const naive = {
        reads: naiveReads.reads + naiveWrites.reads,
        writes: naiveReads.writes + naiveWrites.writes,
      };
      const total = (calls: { reads: number; writes: number }) => calls.reads + calls.writes;
      console.log(
        `  ${String(n).padStart(5)}   ${String(baton.reads).padStart(5)} / ${String(naive.reads).padEnd(5)}      ` +
          `${String(baton.writes).padStart(5)} / ${String(naive.writes).padEnd(5)}          ` +
          `${(naive.writes / baton.writes).toFixed(1)}x fewer writes, ` +
          `${(total(naive) / total(baton)).toFixed(1)}x fewer calls`,
      );
    }
  } finally {
    await running.close();
  }
}
