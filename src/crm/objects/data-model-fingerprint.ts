// A short fingerprint of Baton's data model (objects, properties, options, association labels,
// deal properties): it changes exactly when a new Baton has something to provision that an
// older one did not, so the backend knows an installed portal needs `provision` again.
import { createHash } from 'node:crypto';
import { dataModel } from './data-model';

export function dataModelFingerprint(model: unknown = dataModel): string {
  return createHash('sha256').update(JSON.stringify(model)).digest('hex').slice(0, 12);
}

export const DATA_MODEL_FINGERPRINT = dataModelFingerprint();
