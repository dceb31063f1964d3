import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import type { SystemLog } from '../audit/system-log.service.js';

export interface CatalogServiceDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
}

export type CatalogService = ReturnType<typeof createCatalogService>;

export function createCatalogService(_deps: CatalogServiceDeps) {
  return {};
}
