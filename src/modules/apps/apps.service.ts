import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import type { SystemLog } from '../audit/system-log.service.js';

export interface AppsServiceDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
}

export type AppsService = ReturnType<typeof createAppsService>;

export function createAppsService(_deps: AppsServiceDeps) {
  return {};
}
