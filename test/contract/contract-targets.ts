// Where the HubSpot side of the contract suite (crm-contract.ts) runs: always against the
// sandbox CRM, and against a real portal too when HUBSPOT_ACCESS_TOKEN is set. Live runs write
// to the portal, so they also need HUBSPOT_TEST_DEAL_ID: a closed-won deal the suite may hand
// off. Other tests use `sandboxTarget` for a sandbox with the real adapter on it.
import { createHubSpotAdapter, type HubSpotAdapter } from '../../src/crm/hubspot/hubspot-adapter';
import { createHubSpotClient, DEFAULT_BASE_URL } from '../../src/crm/hubspot/hubspot-client';
import { type RunningSandbox, type Sandbox, createSandbox, SANDBOX_TOKEN } from '../../src/sandbox';
import { createRandom } from '../../src/sandbox/seed/prng';
import type { ContractTargetSpec, CrmContractTarget } from './crm-contract';
import { addClosedWonDeals } from './sandbox-deals';

export interface ContractTarget {
  name: string;
  adapter: HubSpotAdapter;
  /** A closed-won deal with a company and contacts. */
  closedWonDealId: () => Promise<string>;
  /** Several closed-won deals, for tests that each need a deal without a handoff. */
  closedWonDealIds?: () => Promise<string[]>;
  sandbox?: { instance: Sandbox; url: string };
  close(): Promise<void>;
}

const quietLog = { warn: () => undefined };
/** Retries without real waiting, so fault storms finish in test time. */
const fastRetry = { retries: 8, baseDelayMs: 1, maxDelayMs: 5, sleep: () => Promise.resolve() };

export async function sandboxTarget(): Promise<ContractTarget> {
  // The contract is about the adapter's behaviour, not HubSpot's quota: a generous limit keeps
  // the suite from waiting out windows (429s are injected on purpose in the fault tests).
  // Injected faults draw from a seeded source: a storm that fails once fails on every run, so
  // it can be replayed, and a green run is not a lucky one.
  const instance = createSandbox({ rateLimit: { max: 100_000 }, random: createRandom(20_26).next });
  const running: RunningSandbox = await instance.listen(0, '127.0.0.1');
  const client = createHubSpotClient({
    accessToken: SANDBOX_TOKEN,
    baseUrl: running.url,
    requestsPerTenSeconds: 10_000,
  });
  const adapter = createHubSpotAdapter({ client, log: quietLog, retry: fastRetry });
  return {
    name: 'sandbox',
    adapter,
    sandbox: { instance, url: running.url },
    closedWonDealId: async () => (await closedWonDeals(adapter, instance))[0]!,
    closedWonDealIds: () => closedWonDeals(adapter, instance),
    close: () => running.close(),
  };
}

/** The seed's closed-won deals, those in the numeric-stage pipeline first. */
async function closedWonDeals(adapter: HubSpotAdapter, sandbox: Sandbox): Promise<string[]> {
  const stages = await adapter.closedWonStages();
  const won = new Set(Object.values(stages.byPipeline).flat());
  const deals = sandbox.store.records
    .list(sandbox.store.type('0-3'))
    .filter((record) => won.has(record.properties.dealstage ?? ''))
    .sort(
      (a, b) =>
        Number(a.properties.pipeline === 'default') - Number(b.properties.pipeline === 'default'),
    );
  if (deals.length === 0) throw new Error('the sandbox seed has no closed-won deal');
  return deals.map((deal) => deal.id);
}

export function liveTargetConfigured(): boolean {
  return Boolean(process.env.HUBSPOT_ACCESS_TOKEN && process.env.HUBSPOT_TEST_DEAL_ID);
}

export async function liveTarget(): Promise<ContractTarget> {
  const client = createHubSpotClient({
    accessToken: process.env.HUBSPOT_ACCESS_TOKEN!,
    baseUrl: process.env.HUBSPOT_BASE_URL || DEFAULT_BASE_URL,
  });
  return {
    name: 'live portal',
    adapter: createHubSpotAdapter({ client, log: quietLog }),
    closedWonDealId: async () => process.env.HUBSPOT_TEST_DEAL_ID!,
    close: async () => undefined,
  };
}

/** The sandbox as a contract target, with what its seed holds. */
async function sandboxContractTarget(): Promise<CrmContractTarget> {
  const target = await sandboxTarget();
  const { instance } = target.sandbox!;
  const won = new Set(Object.values((await target.adapter.closedWonStages()).byPipeline).flat());
  const deals = instance.store.records.list(instance.store.type('0-3'));
  const open = deals.find((deal) => !won.has(deal.properties.dealstage ?? ''));
  const numeric = deals.find(
    (deal) => won.has(deal.properties.dealstage ?? '') && /^\d+$/.test(deal.properties.dealstage!),
  );
  if (!open || !numeric) throw new Error('the sandbox seed lacks an open deal or a numeric stage');
  return {
    adapter: target.adapter,
    closedWonDealId: target.closedWonDealId,
    missingDealId: '999999999999',
    seed: {
      openDealId: open.id,
      // A custom pipeline's stages have numeric ids, never `closedwon`.
      unusualWonDeal: { id: numeric.id, stageId: numeric.properties.dealstage! },
      freshClosedWonDeal: async () => addClosedWonDeals(instance, 1, won)[0]!,
      lostDealId: async () => {
        const lost = deals.find(
          (deal) =>
            deal.properties.hs_is_closed === 'true' && deal.properties.hs_is_closed_won !== 'true',
        );
        if (!lost) throw new Error('the sandbox seed has no closed-lost deal');
        return lost.id;
      },
    },
    close: target.close,
  };
}

export const HUBSPOT_LIVE_VARIABLES = ['HUBSPOT_ACCESS_TOKEN', 'HUBSPOT_TEST_DEAL_ID'] as const;

/** The HubSpot targets of the contract suite: the sandbox, and a real portal when configured. */
export function hubSpotContractTargets(): ContractTargetSpec[] {
  const specs: ContractTargetSpec[] = [
    { name: 'sandbox', seeded: true, connect: sandboxContractTarget },
  ];
  if (liveTargetConfigured())
    specs.push({
      name: 'live portal',
      seeded: false,
      connect: async () => {
        const target = await liveTarget();
        return { ...target, missingDealId: '999999999999' };
      },
    });
  return specs;
}
