import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import type { SystemLog } from '../audit/index.js';
import { createEntitlementsService } from './entitlements.service.js';
import type { CatalogOwners, RevokeGrantsOfEntitlements } from './ports.js';
import { createResourceTypesService } from './resource-types.service.js';
import { createResourcesService } from './resources.service.js';

export interface CatalogServiceDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
  /** Sets the owners given at creation (appEntitlementOwnerIds, resourceOwnerUserIds), in the same transaction. */
  readonly owners: Pick<CatalogOwners, 'setInTransaction'>;
  /** Deletes cascade to grants (CONTRACT.md §7.12). */
  readonly revokeGrantsOfEntitlements: RevokeGrantsOfEntitlements;
}

export type CatalogService = ReturnType<typeof createCatalogService>;

/** The catalog of an app: its resource types, resources and entitlements. */
export function createCatalogService(deps: CatalogServiceDeps) {
  return {
    resourceTypes: createResourceTypesService(deps),
    resources: createResourcesService(deps),
    entitlements: createEntitlementsService(deps),
  };
}
