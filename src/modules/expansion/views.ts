import type { Expansion } from '../../http/expansion.js';
import type { AppUserRow } from '../app-users/index.js';
import { toAppUser } from '../app-users/index.js';
import type { EntitlementRecord, ResourceRecord } from '../catalog/index.js';
import { toEntitlement, toResource } from '../catalog/index.js';

/**
 * Views with their `*Path` pointers filled through one Expansion per response (CONTRACT.md §1,
 * §7.7). The mask paths are those the expand masks of the official spec list for each view.
 */
export const entitlementView = (row: EntitlementRecord, wanted: Expansion) => ({
  appEntitlement: toEntitlement(row),
  appPath: wanted.path('app_id', 'app', row.app_id),
  appResourceTypePath: wanted.path('app_resource_type_id', 'appResourceType', row.app_resource_type_id),
  appResourcePath: wanted.path('app_resource_id', 'appResource', row.app_resource_id),
});

export const resourceView = (row: ResourceRecord, wanted: Expansion) => ({
  appResource: toResource(row),
  appPath: wanted.path('app_id', 'app', row.app_id),
  resourceTypePath: wanted.path('app_resource_type_id', 'appResourceType', row.app_resource_type_id),
  // Roster's resources have no parents.
  parentResourcePath: '',
  parentResourceTypePath: '',
});

export const appUserView = (row: AppUserRow, wanted: Expansion) => ({
  appUser: toAppUser(row),
  appPath: wanted.path('app_id', 'app', row.app_id),
  identityUserPath: wanted.path('identity_user_id', 'user', row.identity_user_id),
  // Roster records no usage, so `last_usage` has nothing to point at.
  lastUsagePath: '',
});

/**
 * Pointers of the grant feed and history views. The spec leaves their mask's paths undocumented;
 * Roster uses the field names they point from: `app_id`, `app_entitlement_id`, `app_user_id`.
 */
export const grantRecordPaths = (
  row: { app_id: string; app_entitlement_id: string; app_user_id: string },
  wanted: Expansion,
) => ({
  appPath: wanted.path('app_id', 'app', row.app_id),
  appUserPath: wanted.path('app_user_id', 'appUser', row.app_user_id),
  entitlementPath: wanted.path('app_entitlement_id', 'appEntitlement', row.app_entitlement_id),
});
