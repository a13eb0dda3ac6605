// One writer per handoff at a time. Two deliveries of the same event, or an event and the
// workflow action, could otherwise both see "no handoff yet" and both create its tasks. In one
// process a keyed mutex is enough; several backend copies use the database's advisory locks
// behind the same interface.

export interface KeyedLocks {
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

export class InProcessLocks implements KeyedLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(fn, fn);
    const tail = current.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await current;
    } finally {
      // Forget the key once nobody queued behind us, so the map does not grow forever.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
