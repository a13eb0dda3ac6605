// Where each org's Salesforce listener resumes: forward only, whichever backend copy writes last.
import { createSalesforceCursorsRepository } from '../../../src/server/db';
import { BACKENDS, NOW, OPEN_TIMEOUT_MS, type TestDatabase, minutesAfter } from './test-databases';

const CHANNEL = '/event/Baton_Handoff_Requested__e';

describe.each(BACKENDS)('Salesforce cursors on $name', (backend) => {
  let t: TestDatabase;
  const cursors = () => createSalesforceCursorsRepository(t.db);

  beforeEach(async () => {
    t = await backend.open();
  }, OPEN_TIMEOUT_MS);
  afterEach(() => t.dispose());

  it('knows nothing of an org before its first event or poll', async () => {
    expect(await cursors().get('00D000000000001AAA')).toEqual({
      replay: null,
      reconciledThrough: null,
    });
  });

  it('moves the replay id forward only, and keeps orgs apart', async () => {
    const repo = cursors();
    await repo.saveReplayId('org-a', CHANNEL, 42, NOW);
    await repo.saveReplayId('org-a', CHANNEL, 17, minutesAfter(NOW, 1));
    await repo.saveReplayId('org-b', CHANNEL, 7, NOW);
    expect((await repo.get('org-a')).replay).toEqual({ channel: CHANNEL, replayId: 42 });
    expect((await repo.get('org-b')).replay).toEqual({ channel: CHANNEL, replayId: 7 });
  });

  it('takes another channel’s replay id as it is: ids of two channels do not compare', async () => {
    const repo = cursors();
    await repo.saveReplayId('org-a', CHANNEL, 42, NOW);
    await repo.saveReplayId('org-a', '/event/Other__e', 3, NOW);
    expect((await repo.get('org-a')).replay).toEqual({ channel: '/event/Other__e', replayId: 3 });
  });

  it('moves the reconciliation checkpoint forward only, beside the replay id', async () => {
    const repo = cursors();
    await repo.saveReplayId('org-a', CHANNEL, 5, NOW);
    await repo.saveReconciledThrough('org-a', minutesAfter(NOW, 10), NOW);
    await repo.saveReconciledThrough('org-a', NOW, NOW);
    expect(await repo.get('org-a')).toEqual({
      replay: { channel: CHANNEL, replayId: 5 },
      reconciledThrough: minutesAfter(NOW, 10),
    });
  });

  it('refuses what is not a position, naming the field', async () => {
    const repo = cursors();
    await expect(repo.saveReplayId('', CHANNEL, 1, NOW)).rejects.toThrow('orgId is required');
    await expect(repo.saveReplayId('org-a', CHANNEL, -1, NOW)).rejects.toThrow(
      'replayId must not be negative',
    );
    await expect(repo.saveReplayId('org-a', CHANNEL, 1.5, NOW)).rejects.toThrow(
      'replayId must be a whole number',
    );
  });
});
