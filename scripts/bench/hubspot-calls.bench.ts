// HubSpot API calls per handoff, beside a naive one-record-per-call baseline measured in the
// same run against the same sandbox; then a backfill of 2,000 closed-won deals against the
// sandbox limited to 100 requests per 10 seconds, with the share of that ceiling used and 429s.
import { performance } from 'node:perf_hooks';
import { Client } from '@hubspot/api-client';
import { DEFAULT_POLICY } from '../../src/core';
import { createHubSpotAdapter } from '../../src/crm/hubspot/hubspot-adapter';
import { createHubSpotClient } from '../../src/crm/hubspot/hubspot-client';
import { runBackfill } from '../../src/functions/backfill';
import { SANDBOX_TOKEN, createSandbox } from '../../src/sandbox';
import { NOW, tasksFor, writeFor } from '../../test/contract/handoff-writes';
import { addClosedWonDeals } from '../../test/contract/sandbox-deals';
import { CountingCalls, naiveRead, naiveWrite } from './naive-hubspot';

const quiet = { warn: () => undefined };

async function callsPerHandoff(): Promise<void> {
  const sandbox = createSandbox({ rateLimit: { max: 1_000_000 } });
  const running = await sandbox.listen(0, '127.0.0.1');
  try {
    const adapter = createHubSpotAdapter({
      client: createHubSpotClient({
        accessToken: SANDBOX_TOKEN,
        baseUrl: running.url,
        requestsPerTenSeconds: 1_000_000,
      }),
      log: quiet,
    });
    const raw = new Client({ accessToken: SANDBOX_TOKEN, basePath: running.url });
    await adapter.provision();
    const stages = await adapter.closedWonStages();
    const deals = addClosedWonDeals(sandbox, 6, new Set(Object.values(stages.byPipeline).flat()));
    const types = await adapter.metadata.objectTypeIds();
    const labels = await adapter.metadata.labelIds();
    await adapter.loadDealContext(deals[0]!); // metadata is read once per process, not per deal

    console.log('HubSpot API calls per handoff (sandbox; metadata cached)');
    console.log('  tasks   read: baton / naive     write: baton / naive     ratio');
    for (const [i, n] of [5, 20, 100].entries()) {
      const read = await adapter.calls.counter.measure(() => adapter.loadDealContext(deals[i]!));
      const write = {
        ...writeFor(read.result),
        tasks: tasksFor(writeFor(read.result).document, n),
      };
      const saved = await adapter.calls.counter.measure(() => adapter.saveHandoff(write));
      const naive = new CountingCalls();
      await naiveRead(raw, naive, deals[3 + i]!, types.handoff);
      const naiveReads = naive.count;
      const context = await adapter.loadDealContext(deals[3 + i]!);
      naive.count = 0;
      await naiveWrite(raw, naive, types, labels, {
        ...writeFor(context),
        tasks: tasksFor(writeFor(context).document, n),
      });
      console.log(
        `  ${String(n).padStart(5)}   ${String(read.calls).padStart(5)} / ${String(naiveReads).padEnd(5)}      ` +
          `${String(saved.calls).padStart(5)} / ${String(naive.count).padEnd(5)}          ${(naive.count / saved.calls).toFixed(1)}x fewer writes`,
      );
    }
  } finally {
    await running.close();
  }
}

async function backfillUnderRateLimit(deals = 2000): Promise<void> {
  const ceiling = { max: 100, intervalMs: 10_000 };
  const sandbox = createSandbox({ rateLimit: { max: 1_000_000 } });
  const running = await sandbox.listen(0, '127.0.0.1');
  try {
    const adapter = createHubSpotAdapter({
      client: createHubSpotClient({
        accessToken: SANDBOX_TOKEN,
        baseUrl: running.url,
        requestsPerTenSeconds: ceiling.max,
      }),
      log: quiet,
    });
    await adapter.provision();
    const stages = await adapter.closedWonStages();
    const won = new Set(Object.values(stages.byPipeline).flat());
    const seeded = sandbox.store.records
      .list(sandbox.store.type('0-3'))
      .filter((d) => won.has(d.properties.dealstage ?? '')).length;
    addClosedWonDeals(sandbox, deals - seeded, won);
    // The ceiling applies from here: the setup above is not part of the measurement.
    sandbox.faults.set({ rateLimit: ceiling });
    sandbox.stats.reset();
    await new Promise((resolve) => setTimeout(resolve, ceiling.intervalMs)); // start on an empty window

    const start = performance.now();
    const result = await adapter.calls.counter.measure(() =>
      runBackfill(adapter.backfill, { policy: DEFAULT_POLICY, now: NOW }),
    );
    const seconds = (performance.now() - start) / 1000;
    const stats = sandbox.stats.snapshot();
    // What the ceiling allowed over the run: one full window per 10 s begun.
    const windows = Math.max(1, Math.ceil(seconds / (ceiling.intervalMs / 1000)));
    const ceilingRequests = windows * ceiling.max;
    console.log(
      `\nbackfill of ${result.result.deals} closed-won deals, sandbox limited to ${ceiling.max} requests / 10 s`,
    );
    console.log(
      `  handoffs ${result.result.handoffs}, tasks ${result.result.tasks}, in ${seconds.toFixed(1)} s`,
    );
    console.log(
      `  API calls ${result.calls} (${(result.calls / result.result.deals).toFixed(2)} per deal), HTTP requests ${stats.total}`,
    );
    console.log(
      `  share of the rate ceiling used: ${((100 * stats.total) / ceilingRequests).toFixed(0)}% ` +
        `(${stats.total} of ${ceilingRequests} allowed in ${windows} windows)   429s: ${stats.rateLimited}`,
    );
  } finally {
    await running.close();
  }
}

export async function runHubSpotCallsBench(): Promise<void> {
  await callsPerHandoff();
  await backfillUnderRateLimit(Number(process.env.BATON_BENCH_BACKFILL_DEALS ?? 2000));
}
