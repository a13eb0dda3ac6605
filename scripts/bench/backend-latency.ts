// Latency through the backend, one request at a time: a closed-won start from its webhook to its
// finished job, and the card's load, each with the CRM requests it took (reads and writes, as
// the sandbox counted them) beside the naive one-record-per-call baseline against the same
// sandbox, with no CRM latency and with 20 ms per CRM request injected by the sandbox.
import { performance } from 'node:perf_hooks';
import { Client } from '@hubspot/api-client';
import { createHubSpotAdapter } from '../../src/crm/hubspot/hubspot-adapter';
import { SANDBOX_TOKEN } from '../../src/sandbox';
import { writeFor } from '../../test/contract/handoff-writes';
import { type BenchBackend, type CrmCalls, crmCallsOf, stageChangeEvent } from './backend-harness';
import { formatMs, median, percentile } from './measure';
import { CountingCalls, naiveCardRead, naiveRead, naiveWrite } from './naive-hubspot';

const STARTS = 30;
const STARTS_WITH_LATENCY = 10;
const NAIVE_STARTS = 5;
const CARD_LOADS = 200;
const CARD_LOADS_WITH_LATENCY = 30;
const NAIVE_CARD_READS = 10;
const CRM_LATENCY_MS = 20;

interface Sample extends CrmCalls {
  ms: number;
  /** A start: until the webhook POST was answered. A card load: the time inside the app. */
  innerMs: number;
}

/**
 * Times `fn` (which returns when its inner part ended) and counts the CRM requests the sandbox
 * answered meanwhile.
 */
async function counted(bench: BenchBackend, fn: () => Promise<number>): Promise<Sample> {
  bench.sandbox.stats.reset();
  const started = performance.now();
  const innerMs = (await fn()) - started;
  const ms = performance.now() - started;
  return { ms, innerMs, ...crmCallsOf(bench.sandbox.stats.snapshot()) };
}

/** The webhook for one deal, then until the worker has nothing left: its job is done. */
async function batonStart(bench: BenchBackend, dealId: string): Promise<Sample> {
  return counted(bench, async () => {
    const response = await bench.request('POST', '/hubspot/webhooks', [
      stageChangeEvent(bench, dealId),
    ]);
    if (!response.ok) throw new Error(`the webhook POST answered ${response.status}`);
    await response.arrayBuffer();
    const answered = performance.now();
    await bench.runtime.worker.drain(1);
    return answered;
  });
}

/** The same records read and written one per call, directly: no webhook, queue or database. */
async function naiveStart(bench: BenchBackend, raw: Client, dealId: string): Promise<Sample> {
  const types = await bench.adapter.metadata.objectTypeIds();
  const labels = await bench.adapter.metadata.labelIds();
  // What Baton would write, built before the clock starts: the naive run only does the calls.
  const write = writeFor(await bench.adapter.loadDealContext(dealId));
  return counted(bench, async () => {
    const calls = new CountingCalls();
    await naiveRead(raw, calls, dealId, types.handoff);
    await naiveWrite(raw, calls, types, labels, write);
    return performance.now();
  });
}

async function series(
  count: number,
  deals: string[],
  run: (dealId: string) => Promise<Sample>,
): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let i = 0; i < count; i++) samples.push(await run(deals.shift()!));
  return samples;
}

async function handoffsOn(bench: BenchBackend, deals: readonly string[]): Promise<number> {
  const types = await bench.adapter.metadata.objectTypeIds();
  const { store } = bench.sandbox;
  const wanted = new Set(deals);
  return store.records
    .list(store.type(types.handoff))
    .filter((record) => wanted.has(record.properties.deal_id ?? '')).length;
}

const p50p95 = (values: readonly number[]) =>
  `${formatMs(median(values))} / ${formatMs(percentile(values, 95))}`.padEnd(20);
const requests = (samples: readonly Sample[]) => median(samples.map((s) => s.reads + s.writes));

/** A table row: times p50 / p95, then the CRM requests (the median: naive ones vary by deal). */
function row(
  label: string,
  who: string,
  times: readonly number[],
  samples: readonly Sample[],
  after = '',
): string {
  const reads = median(samples.map((s) => s.reads));
  const writes = median(samples.map((s) => s.writes));
  const calls = `${String(reads).padStart(3)} + ${String(writes).padEnd(3)} = ${String(requests(samples)).padEnd(4)}`;
  return `    ${label.padEnd(17)}${who.padEnd(7)}${p50p95(times)}${calls}${after}`.trimEnd();
}

/** Returns a deal whose handoff it started, for the card. */
export async function runClosedWonLatencyBench(bench: BenchBackend): Promise<string> {
  const raw = new Client({ accessToken: SANDBOX_TOKEN, basePath: bench.crmUrl });
  const deals = await bench.closedWonDeals(3 + STARTS + STARTS_WITH_LATENCY + 2 * NAIVE_STARTS);
  const batonDeals: string[] = [];
  const baton = (dealId: string) => {
    batonDeals.push(dealId);
    return batonStart(bench, dealId);
  };
  await series(3, deals, baton); // warm-up
  const plain = await series(STARTS, deals, baton);
  const naivePlain = await series(NAIVE_STARTS, deals, (id) => naiveStart(bench, raw, id));
  bench.sandbox.faults.set({ latencyMs: CRM_LATENCY_MS });
  const slow = await series(STARTS_WITH_LATENCY, deals, baton);
  const naiveSlow = await series(NAIVE_STARTS, deals, (id) => naiveStart(bench, raw, id));
  bench.sandbox.faults.clear();
  if ((await handoffsOn(bench, batonDeals)) !== batonDeals.length)
    throw new Error('a closed-won start did not leave its handoff in the sandbox');

  const ms = (samples: readonly Sample[]) => samples.map((s) => s.ms);
  const posted = (samples: readonly Sample[]) =>
    `   ${formatMs(median(samples.map((s) => s.innerMs)))}`;
  console.log(
    '  closed-won, one deal at a time: webhook POST until its job is done (handoff, 5 tasks, deal write-back)',
  );
  console.log('    CRM latency      who    p50 / p95           reads + writes      the POST (p50)');
  console.log(row('none', 'baton', ms(plain), plain, posted(plain)));
  console.log(
    row('', 'naive', ms(naivePlain), naivePlain, '   (calls only: no webhook, queue or database)'),
  );
  console.log(row(`${CRM_LATENCY_MS} ms a request`, 'baton', ms(slow), slow, posted(slow)));
  console.log(row('', 'naive', ms(naiveSlow), naiveSlow));
  console.log(
    `    ${(requests(naivePlain) / requests(plain)).toFixed(1)}x fewer CRM requests than naive; ` +
      `at ${CRM_LATENCY_MS} ms a request ${(median(ms(naiveSlow)) / median(ms(slow))).toFixed(1)}x faster end to end`,
  );
  return batonDeals[0]!;
}

/** One card load: the signed GET, with the time the backend's app spent on it. */
async function cardLoad(bench: BenchBackend, path: string): Promise<Sample> {
  return counted(bench, async () => {
    const response = await bench.request('GET', path);
    const card = (await response.json()) as { handoff?: unknown };
    if (response.status !== 200 || !card.handoff)
      throw new Error(`the card load answered ${response.status} without a handoff`);
    return performance.now();
  }).then((sample) => ({ ...sample, innerMs: bench.serverMs[bench.serverMs.length - 1]! }));
}

async function naiveCard(bench: BenchBackend, raw: Client, dealId: string): Promise<Sample> {
  const types = await bench.adapter.metadata.objectTypeIds();
  return counted(bench, async () => {
    await naiveCardRead(raw, new CountingCalls(), dealId, types);
    return performance.now();
  });
}

async function repeat<T>(count: number, fn: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < count; i++) results.push(await fn());
  return results;
}

/**
 * The card's context read through the adapter as deployed and through one whose client has no
 * pacer: what pacing costs a request within the budget (the HubSpot client's own limiter,
 * Bottleneck, used to cost ~6 ms a request here, hence Baton's own pacer).
 */
async function limiterCost(bench: BenchBackend, dealId: string, reads: number): Promise<string> {
  const bare = createHubSpotAdapter({
    client: new Client({ accessToken: SANDBOX_TOKEN, basePath: bench.crmUrl }),
    log: { warn: () => undefined },
  });
  await bare.loadDealContext(dealId); // reads its metadata once, as the deployed one has
  const time = async (adapter: typeof bare) =>
    median(
      await repeat(50, async () => {
        const started = performance.now();
        await adapter.loadDealContext(dealId);
        return performance.now() - started;
      }),
    );
  const limited = await time(bench.adapter);
  const unlimited = await time(bare);
  return (
    `    Baton's rate pacer adds ${formatMs((limited - unlimited) / reads)} a CRM request within the budget: ` +
    `the card's ${reads} reads take ${formatMs(limited)} through it, ${formatMs(unlimited)} without (p50 of 50)`
  );
}

export async function runCardLoadBench(bench: BenchBackend, dealId: string): Promise<void> {
  const raw = new Client({ accessToken: SANDBOX_TOKEN, basePath: bench.crmUrl });
  const path = `/api/deals/${dealId}/handoff${bench.cardQuery(dealId)}`;
  await repeat(20, () => cardLoad(bench, path)); // warm-up
  const plain = await repeat(CARD_LOADS, () => cardLoad(bench, path));
  const naivePlain = await repeat(NAIVE_CARD_READS, () => naiveCard(bench, raw, dealId));
  bench.sandbox.faults.set({ latencyMs: CRM_LATENCY_MS });
  const slow = await repeat(CARD_LOADS_WITH_LATENCY, () => cardLoad(bench, path));
  const naiveSlow = await repeat(NAIVE_CARD_READS, () => naiveCard(bench, raw, dealId));
  bench.sandbox.faults.clear();

  const server = (samples: readonly Sample[]) => samples.map((s) => s.innerMs);
  const trip = (samples: readonly Sample[]) => `   ${p50p95(samples.map((s) => s.ms))}`;
  const naiveMs = (samples: readonly Sample[]) => samples.map((s) => s.ms);
  console.log(
    `  card load: signed GET /api/deals/:id/handoff of a deal with its handoff, ${CARD_LOADS} loads one after another`,
  );
  console.log(
    '    CRM latency      who    server p50 / p95    reads + writes      round trip p50 / p95',
  );
  console.log(row('none', 'baton', server(plain), plain, trip(plain)));
  console.log(
    row(
      '',
      'naive',
      naiveMs(naivePlain),
      naivePlain,
      '   (CRM calls only: deal, each contact, company, handoff, each commitment, stakeholder, task)',
    ),
  );
  console.log(row(`${CRM_LATENCY_MS} ms a request`, 'baton', server(slow), slow, trip(slow)));
  console.log(row('', 'naive', naiveMs(naiveSlow), naiveSlow));
  console.log(
    `    ${(requests(naivePlain) / requests(plain)).toFixed(1)}x fewer CRM requests than naive; ` +
      `at ${CRM_LATENCY_MS} ms a request the server answers ${(median(naiveMs(naiveSlow)) / median(server(slow))).toFixed(1)}x sooner than the naive reads alone take`,
  );
  console.log(await limiterCost(bench, dealId, requests(plain)));
}
