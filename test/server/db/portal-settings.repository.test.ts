// Each portal's settings: versioned saves that refuse a stale base and write nothing twice.
import { createPortalSettingsRepository } from '../../../src/server/db';
import { BACKENDS, NOW, OPEN_TIMEOUT_MS, type TestDatabase, minutesAfter } from './test-databases';

const PORTAL = '4242';
const first = { timeZone: 'UTC', team: { csManagers: ['11'], csms: ['21'] } };
const second = { timeZone: 'Europe/Berlin', team: { csManagers: ['11'], csms: ['21', '22'] } };

describe.each(BACKENDS)('portal settings on $name', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await backend.open();
  }, OPEN_TIMEOUT_MS);
  afterAll(() => t.dispose());
  beforeEach(() => t.db.exec('TRUNCATE portal_settings'));

  const repo = () => createPortalSettingsRepository(t.db);
  const save = (settings: Record<string, unknown>, baseVersion: number, at = NOW) =>
    repo().save({ portalId: PORTAL, settings, baseVersion, updatedBy: '31', at });

  it('has nothing for a portal that never saved', async () => {
    expect(await repo().get(PORTAL)).toBeNull();
  });

  it('stores the first save as version 1 and each later one as the next', async () => {
    expect(await save(first, 0)).toEqual({
      outcome: 'saved',
      stored: { portalId: PORTAL, settings: first, version: 1, updatedBy: '31', updatedAt: NOW },
    });
    const later = minutesAfter(NOW, 5);
    expect((await save(second, 1, later)).outcome).toBe('saved');
    expect(await repo().get(PORTAL)).toEqual({
      portalId: PORTAL,
      settings: second,
      version: 2,
      updatedBy: '31',
      updatedAt: later,
    });
  });

  it('refuses a save from a version someone else saved over, and keeps theirs', async () => {
    await save(first, 0);
    await save(second, 1);
    const stale = await save({ ...first, timeZone: 'Asia/Tokyo' }, 1);
    expect(stale).toMatchObject({ outcome: 'conflict', stored: { version: 2, settings: second } });
    expect((await repo().get(PORTAL))?.settings).toEqual(second);
  });

  it('refuses a first save when the portal has saved meanwhile', async () => {
    await save(first, 0);
    expect(await save(second, 0)).toMatchObject({ outcome: 'conflict', stored: { version: 1 } });
  });

  it('writes nothing for the settings already stored, whatever the version and key order', async () => {
    await save(first, 0);
    const reordered = { team: { csms: ['21'], csManagers: ['11'] }, timeZone: 'UTC' };
    const again = await save(reordered, 1, minutesAfter(NOW, 5));
    expect(again).toMatchObject({ outcome: 'unchanged', stored: { version: 1, updatedAt: NOW } });
    // A retry of a save that went through answers as the save did, even from its old base.
    await save(second, 1);
    expect(await save(second, 1)).toMatchObject({ outcome: 'unchanged', stored: { version: 2 } });
  });

  it('lets one of two saves from the same version win', async () => {
    await save(first, 0);
    const copy = createPortalSettingsRepository(await t.openCopy());
    const results = await Promise.all([
      save(second, 1),
      copy.save({
        portalId: PORTAL,
        settings: { ...first, timeZone: 'Asia/Tokyo' },
        baseVersion: 1,
        updatedBy: '32',
        at: NOW,
      }),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['conflict', 'saved']);
    expect((await repo().get(PORTAL))?.version).toBe(2);
  });

  it('keeps each portal to itself', async () => {
    await save(first, 0);
    expect(await repo().get('9999')).toBeNull();
    expect(
      (
        await repo().save({
          portalId: '9999',
          settings: second,
          baseVersion: 0,
          updatedBy: '1',
          at: NOW,
        })
      ).outcome,
    ).toBe('saved');
    expect((await repo().get(PORTAL))?.settings).toEqual(first);
  });

  it('refuses a value JSON cannot hold before writing it', async () => {
    await expect(save({ at: new Date() } as Record<string, unknown>, 0)).rejects.toThrow();
    expect(await repo().get(PORTAL)).toBeNull();
  });
});
