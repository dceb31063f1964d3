/**
 * The catalog: apps and, below each, its resource types, resources and entitlements. What other
 * modules may use. `require*` look an object up under its parent and refuse a missing one with 404.
 */
export type { AppRow } from './apps.repository.js';
export { findAppById, findAppRecordsByIds } from './apps.repository.js';
export { toApp } from './apps.schemas.js';
export type { AppsService } from './apps.service.js';
export type { CatalogService } from './catalog.service.js';
export { checkNotScimOwned, requireEntitlementInApp, requireManualEntitlement } from './entitlement-guard.js';
export type { EntitlementRecord, EntitlementRow } from './entitlements.repository.js';
export {
  decodeEntitlement,
  findEntitlementForShare,
  findEntitlementRecordsByIds,
  listEntitlements,
  releaseScimEntitlements,
} from './entitlements.repository.js';
export { AppEntitlementView, entitlementView, toEntitlement } from './entitlements.schemas.js';
export { policyCatalogPorts } from './named-policies.js';
export type { CatalogOwners, OwnerTarget, RevokeGrantsOfEntitlements } from './ports.js';
export type { ResourceTypeRow } from './resource-types.repository.js';
export { findResourceTypesByIds } from './resource-types.repository.js';
export { AppResourceType, toResourceType } from './resource-types.schemas.js';
export type { ResourceRecord } from './resources.repository.js';
export { findResourceRecordsByIds } from './resources.repository.js';
export { AppResourceView, resourceView, toResource } from './resources.schemas.js';
export { requireApp, requireResource, requireResourceType } from './scope.js';
