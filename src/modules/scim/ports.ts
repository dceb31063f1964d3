/**
 * Everything the SCIM module uses from other modules, in one place: users, apps, entitlements,
 * grants, bulk actions and the system log. SCIM writes go through the same functions as the
 * ConductorOne API (membership through the bulk-action batches add-manual-user uses), so history,
 * audit and the grant feed read the same whichever door a change came through.
 */

export type { AppsService } from '../apps/apps.service.js';
export type { SystemLog } from '../audit/system-log.service.js';
export { actorOf } from '../auth/authenticate.js';
export type { BulkActionRunner } from '../bulk-actions/bulk-action.runner.js';
export type { SetMembersService } from '../bulk-actions/set-members.service.js';
export type { CatalogService } from '../catalog/catalog.service.js';
export type { UserRow } from '../users/users.repository.js';
export type { DirectoryUserInput, UsersService } from '../users/users.service.js';
