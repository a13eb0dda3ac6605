// The storage as the backend opens it: from the environment, migrated, and with transactions
// that span repositories.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import {
  MIGRATIONS,
  type Storage,
  describeTarget,
  databaseTargetFromEnv,
  openStorage,
} from '../../../src/server/db';
import { NOW } from './test-databases';

const KINDS = { 'handoff.create': z.object({ dealId: z.string() }) };
const KEY = Buffer.alloc(32, 7).toString('base64');
const OPEN_TIMEOUT_MS = 60_000;

describe('choosing the database', () => {
  it('uses PostgreSQL when DATABASE_URL is set, PGlite in the data folder or memory otherwise', () => {
    expect(
      databaseTargetFromEnv({ DATABASE_URL: 'postgres://u:p@db:5432/baton' }, '.baton/db'),
    ).toEqual({
      kind: 'postgres',
      connectionString: 'postgres://u:p@db:5432/baton',
    });
    expect(databaseTargetFromEnv({ DATABASE_URL: ' ' }, '.baton/db')).toEqual({
      kind: 'pglite',
      dataDir: '.baton/db',
    });
    expect(databaseTargetFromEnv({})).toEqual({ kind: 'pglite' });
  });

  it('describes a target for the logs without the password', () => {
    const described = describeTarget({
      kind: 'postgres',
      connectionString: 'postgres://baton:s3cret@db:5432/baton',
    });
    expect(described).toBe('PostgreSQL (db:5432/baton)');
    expect(describeTarget({ kind: 'pglite' })).toBe('PGlite (in memory)');
  });
});

describe('opening the storage', () => {
  let dir: string;
  let storage: Storage<typeof KINDS> | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'baton-storage-'));
  });
  afterEach(async () => {
    await storage?.close();
    storage = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses to start a server without BATON_ENCRYPTION_KEY', async () => {
    await expect(openStorage({ env: {}, jobKinds: KINDS })).rejects.toThrow(
      /^BATON_ENCRYPTION_KEY is not set/,
    );
  });

  it(
    'keeps local data, key included, in the data folder across restarts',
    async () => {
      const local = join(dir, '.baton');
      storage = await openStorage({ env: {}, jobKinds: KINDS, localDataDir: local });
      expect(storage.db.kind).toBe('pglite');
      expect(storage.migrations.applied).toHaveLength(MIGRATIONS.length);
      await storage.installs.save({
        portalId: '4242',
        hubDomain: 'acme.hubspot.com',
        scopes: ['oauth'],
        tokens: { accessToken: 'a', refreshToken: 'r', expiresAt: NOW },
        at: NOW,
      });
      await storage.close();
      expect((await readdir(local)).sort()).toEqual(['db', 'encryption.key']);

      storage = await openStorage({ env: {}, jobKinds: KINDS, localDataDir: local });
      expect(storage.migrations).toEqual({ applied: [], alreadyApplied: MIGRATIONS.length });
      expect((await storage.installs.get('4242'))?.tokens?.accessToken).toBe('a');
    },
    OPEN_TIMEOUT_MS,
  );

  it(
    'records an event and enqueues its job together, or neither',
    async () => {
      storage = await openStorage({ env: { BATON_ENCRYPTION_KEY: KEY }, jobKinds: KINDS });
      const handle = (eventId: string, fail: boolean) =>
        storage!.transaction(async (s) => {
          if (!(await s.processedEvents.recordOnce('hubspot-webhook', eventId, NOW)))
            return 'duplicate';
          await s.jobs.enqueue('handoff.create', `deal:${eventId}`, { dealId: eventId }, NOW);
          if (fail) throw new Error('crashed before commit');
          return 'queued';
        });
      await expect(handle('e1', true)).rejects.toThrow('crashed before commit');
      expect(await storage.jobs.stats()).toMatchObject({ pending: 0 });
      // Nothing was recorded, so the retried delivery is handled, once.
      expect(await handle('e1', false)).toBe('queued');
      expect(await handle('e1', false)).toBe('duplicate');
      expect(await storage.jobs.stats()).toMatchObject({ pending: 1 });
    },
    OPEN_TIMEOUT_MS,
  );
});
