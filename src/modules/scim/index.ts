/** The SCIM module's public API: built by the container, served by the app. */

export { canonicalScimUrl, scimRoutes } from './scim.routes.js';
export { scimConnectionsRoutes } from './scim-connections.routes.js';
export { createScimConnectionsService, type ScimConnectionsService } from './scim-connections.service.js';
export { createScimGroupsService, type ScimGroupsService } from './scim-groups.service.js';
export { createScimUsersService, type ScimUsersService } from './scim-users.service.js';
