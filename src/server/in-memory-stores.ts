// In-memory stand-ins for the backend's storage, for tests and a single process that may forget
// on restart (`npm start`, `baton serve` until the database-backed stores are wired in).
import type { AuditEntry, ProcessedEvents } from './backend-deps';

/** HubSpot stops retrying a delivery after about three days; older ids need not be kept. */
const EVENT_MEMORY_MS = 3 * 24 * 60 * 60 * 1000;

export class InMemoryProcessedEvents implements ProcessedEvents {
  private readonly seen = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  async recordOnce(source: string, eventId: string): Promise<boolean> {
    const key = `${source}\u0000${eventId}`;
    if (this.seen.has(key)) return false;
    this.seen.set(key, this.now());
    this.forgetOld();
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private forgetOld(): void {
    const before = this.now() - EVENT_MEMORY_MS;
    // Insertion order is arrival order, so the oldest are first.
    for (const [key, at] of this.seen) {
      if (at >= before) break;
      this.seen.delete(key);
    }
  }
}

export class InMemoryAuditLog {
  readonly entries: AuditEntry[] = [];

  /** Bound, so it can be handed over as `audit` on its own. */
  readonly append = async (entry: AuditEntry): Promise<void> => {
    this.entries.push(entry);
  };

  listFor(portalId: string, handoffKey: string): AuditEntry[] {
    return this.entries.filter((e) => e.portalId === portalId && e.handoffKey === handoffKey);
  }
}
