// The schema's history, oldest first. Append only: a migration that ran somewhere is never
// edited (the migrator refuses a changed checksum); fix forward with a new one.
import { sql as initial } from './migrations/001_initial.sql';
import { sql as portalSettings } from './migrations/002_portal_settings.sql';
import { sql as salesforceReplay } from './migrations/003_salesforce_replay.sql';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'portal_settings', sql: portalSettings },
  { version: 3, name: 'salesforce_replay', sql: salesforceReplay },
];
