import { InProcessLocks } from '../../src/functions/keyed-locks';

describe('InProcessLocks', () => {
  it('runs work under the same key one at a time, in order', async () => {
    const locks = new InProcessLocks();
    const log: string[] = [];
    const step = (name: string, ms: number) => () =>
      new Promise<string>((resolve) =>
        setTimeout(() => {
          log.push(name);
          resolve(name);
        }, ms),
      );
    await Promise.all([
      locks.run('a', step('a1', 30)),
      locks.run('a', step('a2', 1)),
      locks.run('b', step('b1', 5)),
    ]);
    expect(log).toEqual(['b1', 'a1', 'a2']);
  });

  it('keeps going after a failure under the same key', async () => {
    const locks = new InProcessLocks();
    await expect(locks.run('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(locks.run('k', () => Promise.resolve(42))).resolves.toBe(42);
  });
});
