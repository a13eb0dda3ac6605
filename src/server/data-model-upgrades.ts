// After an upgrade, every account that installed the marketplace app is provisioned again, once
// per data model: a `provision` job per live install, keyed by the data model's fingerprint, so
// backend copies starting together queue it once and a restart on the same version queues
// nothing. Provisioning is idempotent; until it has run, the HubSpot adapter writes what the
// portal has and names what it lacks.
import { DATA_MODEL_FINGERPRINT } from '../crm/objects/data-model-fingerprint';
import type { BackendStorage } from './jobs/backend-jobs';
import type { Logger } from './logger';

export async function queueDataModelUpgrades(options: {
  storage: Pick<BackendStorage, 'installs' | 'jobs'>;
  now: () => number;
  log: Logger;
  fingerprint?: string;
}): Promise<number> {
  const fingerprint = options.fingerprint ?? DATA_MODEL_FINGERPRINT;
  const installs = await options.storage.installs.list();
  const at = new Date(options.now());
  let queued = 0;
  for (const { portalId } of installs) {
    const { created } = await options.storage.jobs.enqueue(
      'provision',
      `${portalId}:data-model:${fingerprint}`,
      { portalId },
      at,
    );
    if (created) queued++;
  }
  if (queued > 0)
    options.log.info(
      { portals: queued, dataModel: fingerprint },
      'queued provisioning for the new data model',
    );
  return queued;
}
