// The schema's history, oldest first. Append only: a migration that ran somewhere is never
// edited (the migrator refuses a changed checksum); fix forward with a new one.
import { sql as initial } from './migrations/001_initial.sql';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial', sql: initial }];
