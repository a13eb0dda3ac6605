// After an upgrade, the marketplace app's live installs are provisioned again, once per data
// model: queued on the backend's job table, deduplicated across restarts and backend copies.
import { Writable } from 'node:stream';
import { dataModel } from '../../src/crm/objects/data-model';
import {
  DATA_MODEL_FINGERPRINT,
  dataModelFingerprint,
} from '../../src/crm/objects/data-model-fingerprint';
import { BACKEND_JOBS, type BackendStorage, createLogger } from '../../src/server';
import { queueDataModelUpgrades } from '../../src/server/data-model-upgrades';
import { storageOn } from '../../src/server/db';
import { BACKENDS, type TestDatabase, testCipher } from './db/test-databases';

jest.setTimeout(60_000);

const NOW = Date.parse('2026-11-23T12:00:00Z');

describe.each(BACKENDS)('queueing provisioning for a new data model ($name)', (backend) => {
  let database: TestDatabase;
  let storage: BackendStorage;
  const lines: string[] = [];
  const log = createLogger({
    level: 'info',
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    }),
  });

  beforeAll(async () => {
    database = await backend.open();
    storage = await storageOn(database.db, testCipher(), BACKEND_JOBS);
    for (const portalId of ['1001', '1002', '1003']) {
      await storage.installs.save({
        portalId,
        hubDomain: `portal-${portalId}.example.com`,
        scopes: ['oauth'],
        tokens: {
          accessToken: `access-${portalId}`,
          refreshToken: `refresh-${portalId}`,
          expiresAt: new Date(NOW + 30 * 60_000),
        },
        at: new Date(NOW),
      });
    }
    await storage.installs.delete('1003', new Date(NOW));
  });

  afterAll(async () => {
    await database.dispose();
  });

  const provisionJobs = () =>
    storage.db.query<{ dedupe_key: string; portal: string }>(
      `SELECT dedupe_key, payload->>'portalId' AS portal FROM jobs
       WHERE kind = 'provision' ORDER BY dedupe_key`,
    );

  it('queues one provision per live install, and nothing again for the same data model', async () => {
    const options = { storage, now: () => NOW, log };
    expect(await queueDataModelUpgrades(options)).toBe(2);
    expect(await provisionJobs()).toEqual([
      { dedupe_key: `1001:data-model:${DATA_MODEL_FINGERPRINT}`, portal: '1001' },
      { dedupe_key: `1002:data-model:${DATA_MODEL_FINGERPRINT}`, portal: '1002' },
    ]);
    // A restart, or a second backend copy starting beside the first.
    expect(await queueDataModelUpgrades(options)).toBe(0);
    expect(await provisionJobs()).toHaveLength(2);
    expect(lines.join('')).toContain('queued provisioning for the new data model');
    expect(lines.join('')).not.toMatch(/access-100|refresh-100/);
  });

  it('queues again when a later Baton changes the data model', async () => {
    expect(
      await queueDataModelUpgrades({ storage, now: () => NOW, log, fingerprint: 'next-model' }),
    ).toBe(2);
    expect((await provisionJobs()).map((job) => job.dedupe_key)).toContain(
      '1001:data-model:next-model',
    );
  });
});

it('fingerprints the data model: the same for the same model, another once a property is added', () => {
  expect(DATA_MODEL_FINGERPRINT).toMatch(/^[0-9a-f]{12}$/);
  expect(dataModelFingerprint(structuredClone(dataModel))).toBe(DATA_MODEL_FINGERPRINT);
  const grown = structuredClone(dataModel) as unknown as {
    objects: { handoff: { properties: unknown[] } };
  };
  grown.objects.handoff.properties.push({ name: 'next_property', type: 'string' });
  expect(dataModelFingerprint(grown)).not.toBe(DATA_MODEL_FINGERPRINT);
});
