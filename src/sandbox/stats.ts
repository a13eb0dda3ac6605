// Request counts for tests and benchmarks: the total, per route template
// (`POST /crm/v3/objects/{type}/batch/upsert`) and per status, and how many were refused with
// 429. Control routes are not counted.
import { type Clock, toIso } from './clock';

export interface StatsSnapshot {
  total: number;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  rateLimited: number;
  since: string;
}

export class RequestStats {
  private total = 0;
  private rateLimited = 0;
  private byRoute = new Map<string, number>();
  private byStatus = new Map<string, number>();
  private since: number;

  constructor(private readonly clock: Clock) {
    this.since = clock.now();
  }

  record(route: string, status: number): void {
    this.total++;
    this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
    this.byStatus.set(String(status), (this.byStatus.get(String(status)) ?? 0) + 1);
    if (status === 429) this.rateLimited++;
  }

  reset(): void {
    this.total = 0;
    this.rateLimited = 0;
    this.byRoute = new Map();
    this.byStatus = new Map();
    this.since = this.clock.now();
  }

  snapshot(): StatsSnapshot {
    const sorted = (map: Map<string, number>) =>
      Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)));
    return {
      total: this.total,
      byRoute: sorted(this.byRoute),
      byStatus: sorted(this.byStatus),
      rateLimited: this.rateLimited,
      since: toIso(this.since),
    };
  }
}
