// The backend end to end, in one process: webhook events accepted per second (signed POSTs,
// validated, recorded and queued in one transaction) beside signed POSTs that stop after the
// signature check; closed-won handoffs the worker completes per second; the closed-won latency
// from webhook to finished job, and the CRM calls it takes, beside the naive one-record-per-call
// baseline; and the card load's server time and CRM calls, beside a naive card read.
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { PRIVATE_APP_LIMITS } from '../../src/sandbox';
import {
  type BenchBackend,
  WORKER_CONCURRENCY,
  stageChangeEvent,
  startBenchBackend,
} from './backend-harness';
import { runCardLoadBench, runClosedWonLatencyBench } from './backend-latency';
import { formatMs, formatRate, median } from './measure';

const ROUNDS = 5;
const BATCHES_PER_ROUND = 10;
const BATCHES = ROUNDS * BATCHES_PER_ROUND;
const EVENTS_PER_BATCH = 10;
const WARMUP_BATCHES = 5;
/** HubSpot sends batches concurrently; a few in flight, as a busy portal would. */
const IN_FLIGHT = 4;

/** Runs `fn` over `items` with at most `concurrency` at once; returns each call's duration. */
async function pump<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
): Promise<number[]> {
  const durations: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      const started = performance.now();
      await fn(item);
      durations.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return durations;
}

interface Posted {
  perSecond: number;
  durations: number[];
  queued: number;
}

/** Posts the batches, a few in flight; returns events per second and each POST's duration. */
async function postBatches(
  bench: BenchBackend,
  path: string,
  batches: readonly unknown[][],
  expected: number,
): Promise<Posted> {
  let queued = 0;
  const started = performance.now();
  const durations = await pump(batches, IN_FLIGHT, async (batch) => {
    const response = await bench.request('POST', path, batch);
    if (response.status !== expected)
      throw new Error(`POST ${path} answered ${response.status}, not ${expected}`);
    const body = (await response.json()) as { queued?: number };
    queued += body.queued ?? 0;
  });
  const seconds = (performance.now() - started) / 1000;
  const events = batches.reduce((sum, batch) => sum + batch.length, 0);
  return { perSecond: events / seconds, durations, queued };
}

interface Intake {
  /** The median of the rounds' rates: a round slowed by a neighbour's burst does not decide. */
  perSecond: number;
  p50: number;
  queued: number;
}

/**
 * The baseline and the real intake in alternating rounds, so both see the same machine (other
 * work on it comes and goes).
 */
async function intakeRounds(
  bench: BenchBackend,
  rounds: readonly (readonly unknown[][])[],
): Promise<{ baseline: Intake; accepted: Intake }> {
  const results: { baseline: Posted[]; accepted: Posted[] } = { baseline: [], accepted: [] };
  for (const round of rounds) {
    // Signed and checked like a delivery, then no route (404): HTTP and the signature alone.
    results.baseline.push(await postBatches(bench, '/hubspot/bench-baseline', round, 404));
    results.accepted.push(await postBatches(bench, '/hubspot/webhooks', round, 200));
  }
  const summary = (of: Posted[]): Intake => ({
    perSecond: median(of.map((r) => r.perSecond)),
    p50: median(of.flatMap((r) => r.durations)),
    queued: of.reduce((sum, r) => sum + r.queued, 0),
  });
  return { baseline: summary(results.baseline), accepted: summary(results.accepted) };
}

async function webhookThroughput(bench: BenchBackend): Promise<void> {
  const total = (WARMUP_BATCHES + BATCHES) * EVENTS_PER_BATCH;
  const deals = await bench.closedWonDeals(total);
  const batches = Array.from({ length: WARMUP_BATCHES + BATCHES }, (_, i) =>
    deals
      .slice(i * EVENTS_PER_BATCH, (i + 1) * EVENTS_PER_BATCH)
      .map((dealId) => stageChangeEvent(bench, dealId)),
  );
  // The worker is not started yet: intake is measured alone, and the jobs wait in the queue.
  await intakeRounds(bench, [batches.slice(0, WARMUP_BATCHES)]);
  const rounds = Array.from({ length: ROUNDS }, (_, r) =>
    batches.slice(
      WARMUP_BATCHES + r * BATCHES_PER_ROUND,
      WARMUP_BATCHES + (r + 1) * BATCHES_PER_ROUND,
    ),
  );
  const { baseline, accepted: intake } = await intakeRounds(bench, rounds);
  if (intake.queued !== BATCHES * EVENTS_PER_BATCH)
    throw new Error(`queued ${intake.queued} of ${BATCHES * EVENTS_PER_BATCH} events`);

  console.log(
    `  webhook intake: ${BATCHES} signed POSTs of ${EVENTS_PER_BATCH} stage changes, ${IN_FLIGHT} in flight, worker stopped (median of ${ROUNDS} rounds)`,
  );
  console.log(
    `    baseline: signed POST, signature checked, no route     ${formatRate(baseline.perSecond).padStart(8)} events   p50 ${formatMs(baseline.p50)} per POST`,
  );
  console.log(
    `    accepted: validated, recorded + queued in one tx       ${formatRate(intake.perSecond).padStart(8)} events   p50 ${formatMs(intake.p50)} per POST   ${(intake.perSecond / baseline.perSecond).toFixed(2)}x the baseline`,
  );
  const extraMs = 1000 * EVENTS_PER_BATCH * (1 / intake.perSecond - 1 / baseline.perSecond);
  console.log(
    `    the accepted path costs ${formatMs(extraMs)} more a batch than the baseline: ${2 * EVENTS_PER_BATCH} inserts in one transaction, PGlite running one statement at a time`,
  );

  bench.sandbox.stats.reset();
  const started = performance.now();
  const cpu = process.cpuUsage();
  bench.runtime.start();
  await bench.runtime.worker.drain();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const busy = (used.user + used.system) / 1e6 / seconds;
  const stats = await bench.runtime.worker.stats();
  if (stats.done !== total || stats.dead > 0)
    throw new Error(`the worker finished ${stats.done} of ${total} jobs (${stats.dead} dead)`);
  const requests = bench.sandbox.stats.snapshot().total;
  const perHandoff = requests / total;
  const cap = PRIVATE_APP_LIMITS.max / (PRIVATE_APP_LIMITS.intervalMs / 1000) / perHandoff;
  console.log(
    `  closed-won handoffs completed by the worker (${WORKER_CONCURRENCY} at once) until drained: ${total} in ${seconds.toFixed(1)} s = ${formatRate(total / seconds)}`,
  );
  console.log(
    `    ${perHandoff.toFixed(1)} CRM requests each, ${formatRate(requests / seconds)} against the sandbox; ` +
      `HubSpot's private-app limit (${PRIVATE_APP_LIMITS.max} / 10 s) would allow ${cap.toFixed(1)}/s`,
  );
  console.log(
    `    the process used ${(100 * busy).toFixed(0)}% of one core meanwhile (CPU time / wall time)`,
  );
}

export async function runBackendBench(): Promise<void> {
  const bench = await startBenchBackend();
  try {
    console.log(
      `backend (one process, ${cpus().length} cores on this machine: client, backend, PGlite and sandbox CRM share it; ` +
        'sandbox without latency or rate limit unless said)',
    );
    await webhookThroughput(bench);
    const dealWithHandoff = await runClosedWonLatencyBench(bench);
    await runCardLoadBench(bench, dealWithHandoff);
  } finally {
    await bench.close();
  }
}
