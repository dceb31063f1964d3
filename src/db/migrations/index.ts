import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0005 from './0005_durations.js';

/** Migrations are listed here, in order, so the same set runs from source and from the build. */
const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0005_durations': m0005,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
