/**
 * Everything the SCIM module uses from other modules, in one place: users, apps, entitlements,
 * grants, bulk actions and the system log. SCIM writes go through the same functions as the
 * ConductorOne API (membership through the bulk-action batches add-manual-user uses), so history,
 * audit and the grant feed read the same whichever door a change came through.
 */

export { actorOf } from '../../http/principal.js';
export type { SystemLog } from '../audit/index.js';
export type { BulkActionRunner, SetMembersService } from '../bulk-actions/index.js';
export type { AppsService, CatalogService } from '../catalog/index.js';
export { releaseScimEntitlements } from '../catalog/index.js';
export type { DirectoryUserInput, UserRow, UsersService } from '../users/index.js';
export { findUsersByIds } from '../users/index.js';
