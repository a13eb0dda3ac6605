// `baton backfill`: hands off every closed-won deal that has no handoff yet, as the closed-won
// automation would have, page by page in batches. Safe to stop and run again: each page is
// found by "closed-won and no handoff", so finished deals drop out of the search.
import type { Policy } from '../core';
import type { BackfillCapability } from '../crm/crm-adapter';
import { buildHandoffWrite } from './handoff-write';

export interface BackfillProgress {
  deals: number;
  handoffs: number;
  tasks: number;
}

export interface BackfillOptions {
  policy: Policy;
  now: number;
  /** Stop after this many deals (a trial run). */
  limit?: number;
  onProgress?: (progress: BackfillProgress) => void;
}

export async function runBackfill(
  backfill: BackfillCapability,
  options: BackfillOptions,
): Promise<BackfillProgress> {
  const progress: BackfillProgress = { deals: 0, handoffs: 0, tasks: 0 };
  let after: string | null = null;
  do {
    const page = await backfill.findDealsWithoutHandoff(after);
    const room =
      options.limit === undefined ? page.deals.length : Math.max(0, options.limit - progress.deals);
    const deals = page.deals.slice(0, room);
    if (deals.length === 0) break;
    const contexts = await backfill.loadDealContexts(deals);
    const writes = contexts.map((context) =>
      buildHandoffWrite(context, { policy: options.policy, now: options.now }),
    );
    const result = await backfill.createHandoffs(writes);
    progress.deals += deals.length;
    progress.handoffs += result.handoffs;
    progress.tasks += result.tasks;
    options.onProgress?.({ ...progress });
    after = page.next;
  } while (after !== null && (options.limit === undefined || progress.deals < options.limit));
  return progress;
}
