/**
 * operationIds and tags of the ConductorOne API operations Roster serves, as the official spec
 * names them (shared/api/conductorone-subset.openapi.yaml), keyed by `METHOD path`; generated SDKs
 * name their methods after them. Routes not listed here get Fastify's defaults.
 */
export const C1_OPERATIONS: Readonly<Record<string, { operationId: string; tag: string }>> = {
  'GET /api/v1/apps': { operationId: 'c1.api.app.v1.Apps.List', tag: 'App' },
  'POST /api/v1/apps': { operationId: 'c1.api.app.v1.Apps.Create', tag: 'App' },
  'GET /api/v1/apps/{app_id}/app_users': {
    operationId: 'c1.api.app.v1.AppUserService.List',
    tag: 'AppUsers',
  },
  'GET /api/v1/apps/{app_id}/entitlements': {
    operationId: 'c1.api.app.v1.AppEntitlements.List',
    tag: 'App Entitlement',
  },
  'POST /api/v1/apps/{app_id}/entitlements': {
    operationId: 'c1.api.app.v1.AppEntitlements.Create',
    tag: 'App Entitlement',
  },
  'GET /api/v1/apps/{app_id}/entitlements/resource_types/{app_resource_type_id}/resources/{app_resource_id}':
    { operationId: 'c1.api.app.v1.AppEntitlements.ListForAppResource', tag: 'App Entitlement' },
  'GET /api/v1/apps/{app_id}/entitlements/users/{app_user_id}': {
    operationId: 'c1.api.app.v1.AppEntitlements.ListForAppUser',
    tag: 'App Entitlement',
  },
  'POST /api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/add-manual-user': {
    operationId: 'c1.api.app.v1.AppEntitlements.AddManuallyManagedMembers',
    tag: 'App Entitlement',
  },
  'GET /api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/grants': {
    operationId: 'c1.api.app.v1.AppEntitlementSearchService.SearchAppEntitlementsWithExpired',
    tag: 'App Entitlement',
  },
  'DELETE /api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/remove-membership': {
    operationId: 'c1.api.app.v1.AppEntitlements.RemoveEntitlementMembership',
    tag: 'App Entitlement',
  },
  'GET /api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/users': {
    operationId: 'c1.api.app.v1.AppEntitlements.ListUsers',
    tag: 'App Entitlement',
  },
  'POST /api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/users/{app_user_id}/remove-grant-duration': {
    operationId: 'c1.api.app.v1.AppEntitlementUserBindingService.RemoveGrantDuration',
    tag: 'App Entitlement User Binding',
  },
  'POST /api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/users/{app_user_id}/update-grant-duration': {
    operationId: 'c1.api.app.v1.AppEntitlementUserBindingService.UpdateGrantDuration',
    tag: 'App Entitlement User Binding',
  },
  'GET /api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/users/{identity_user_id}/grants': {
    operationId: 'c1.api.app.v1.AppEntitlementUserBindingService.ListAppUsersForIdentityWithGrant',
    tag: 'App Entitlement User Binding',
  },
  'GET /api/v1/apps/{app_id}/entitlements/{entitlement_id}/owners': {
    operationId: 'c1.api.app.v1.AppEntitlementOwners.List',
    tag: 'App Entitlement Owner',
  },
  'POST /api/v1/apps/{app_id}/entitlements/{entitlement_id}/owners': {
    operationId: 'c1.api.app.v1.AppEntitlementOwners.Add',
    tag: 'App Entitlement Owner',
  },
  'PUT /api/v1/apps/{app_id}/entitlements/{entitlement_id}/owners': {
    operationId: 'c1.api.app.v1.AppEntitlementOwners.Set',
    tag: 'App Entitlement Owner',
  },
  'DELETE /api/v1/apps/{app_id}/entitlements/{entitlement_id}/owners/{user_id}': {
    operationId: 'c1.api.app.v1.AppEntitlementOwners.Remove',
    tag: 'App Entitlement Owner',
  },
  'DELETE /api/v1/apps/{app_id}/entitlements/{id}': {
    operationId: 'c1.api.app.v1.AppEntitlements.Delete',
    tag: 'App Entitlement',
  },
  'GET /api/v1/apps/{app_id}/entitlements/{id}': {
    operationId: 'c1.api.app.v1.AppEntitlements.Get',
    tag: 'App Entitlement',
  },
  'POST /api/v1/apps/{app_id}/entitlements/{id}': {
    operationId: 'c1.api.app.v1.AppEntitlements.Update',
    tag: 'App Entitlement',
  },
  'GET /api/v1/apps/{app_id}/owners': { operationId: 'c1.api.app.v1.AppOwners.List', tag: 'App Owner' },
  'PUT /api/v1/apps/{app_id}/owners': { operationId: 'c1.api.app.v1.AppOwners.Set', tag: 'App Owner' },
  'DELETE /api/v1/apps/{app_id}/owners/{user_id}': {
    operationId: 'c1.api.app.v1.AppOwners.Remove',
    tag: 'App Owner',
  },
  'POST /api/v1/apps/{app_id}/owners/{user_id}': {
    operationId: 'c1.api.app.v1.AppOwners.Add',
    tag: 'App Owner',
  },
  'GET /api/v1/apps/{app_id}/resource_types': {
    operationId: 'c1.api.app.v1.AppResourceTypeService.List',
    tag: 'App Resource Type',
  },
  'POST /api/v1/apps/{app_id}/resource_types': {
    operationId: 'c1.api.app.v1.AppResourceTypeService.CreateManuallyManagedResourceType',
    tag: 'App Resource Type',
  },
  'GET /api/v1/apps/{app_id}/resource_types/{app_resource_type_id}/resources': {
    operationId: 'c1.api.app.v1.AppResourceService.List',
    tag: 'App Resource',
  },
  'POST /api/v1/apps/{app_id}/resource_types/{app_resource_type_id}/resources': {
    operationId: 'c1.api.app.v1.AppResourceService.CreateManuallyManagedAppResource',
    tag: 'App Resource',
  },
  'DELETE /api/v1/apps/{app_id}/resource_types/{app_resource_type_id}/resources/{id}': {
    operationId: 'c1.api.app.v1.AppResourceService.DeleteManuallyManagedAppResource',
    tag: 'App Resource',
  },
  'GET /api/v1/apps/{app_id}/resource_types/{app_resource_type_id}/resources/{id}': {
    operationId: 'c1.api.app.v1.AppResourceService.Get',
    tag: 'App Resource',
  },
  'POST /api/v1/apps/{app_id}/resource_types/{app_resource_type_id}/resources/{id}': {
    operationId: 'c1.api.app.v1.AppResourceService.Update',
    tag: 'App Resource',
  },
  'DELETE /api/v1/apps/{app_id}/resource_types/{id}': {
    operationId: 'c1.api.app.v1.AppResourceTypeService.DeleteManuallyManagedResourceType',
    tag: 'App Resource Type',
  },
  'GET /api/v1/apps/{app_id}/resource_types/{id}': {
    operationId: 'c1.api.app.v1.AppResourceTypeService.Get',
    tag: 'App Resource Type',
  },
  'POST /api/v1/apps/{app_id}/resource_types/{id}': {
    operationId: 'c1.api.app.v1.AppResourceTypeService.UpdateManuallyManagedResourceType',
    tag: 'App Resource Type',
  },
  'DELETE /api/v1/apps/{app_id}/resource_types/{resource_type_id}/resource/{resource_id}/owners': {
    operationId: 'c1.api.app.v1.AppResourceOwners.Remove',
    tag: 'App Resource Owner',
  },
  'GET /api/v1/apps/{app_id}/resource_types/{resource_type_id}/resource/{resource_id}/owners': {
    operationId: 'c1.api.app.v1.AppResourceOwners.List',
    tag: 'App Resource Owner',
  },
  'POST /api/v1/apps/{app_id}/resource_types/{resource_type_id}/resource/{resource_id}/owners': {
    operationId: 'c1.api.app.v1.AppResourceOwners.Add',
    tag: 'App Resource Owner',
  },
  'GET /api/v1/apps/{app_id}/users/{user_id}/app_users': {
    operationId: 'c1.api.app.v1.AppUserService.ListAppUsersForUser',
    tag: 'AppUsers',
  },
  'POST /api/v1/apps/{app_user_app_id}/app_users/{app_user_id}': {
    operationId: 'c1.api.app.v1.AppUserService.Update',
    tag: 'AppUsers',
  },
  'DELETE /api/v1/apps/{id}': { operationId: 'c1.api.app.v1.Apps.Delete', tag: 'App' },
  'GET /api/v1/apps/{id}': { operationId: 'c1.api.app.v1.Apps.Get', tag: 'App' },
  'POST /api/v1/apps/{id}': { operationId: 'c1.api.app.v1.Apps.Update', tag: 'App' },
  'GET /api/v1/auth/introspect': { operationId: 'c1.api.auth.v1.Auth.Introspect', tag: 'Auth' },
  'POST /api/v1/grants/feed': {
    operationId: 'c1.api.app.v1.AppEntitlementUserBindingService.SearchGrantFeed',
    tag: 'App Entitlement User Binding Feed',
  },
  'GET /api/v1/iam/personal_clients': {
    operationId: 'c1.api.iam.v1.PersonalClientService.List',
    tag: 'Personal Client',
  },
  'POST /api/v1/iam/personal_clients': {
    operationId: 'c1.api.iam.v1.PersonalClientService.Create',
    tag: 'Personal Client',
  },
  'DELETE /api/v1/iam/personal_clients/{id}': {
    operationId: 'c1.api.iam.v1.PersonalClientService.Delete',
    tag: 'Personal Client',
  },
  'GET /api/v1/iam/personal_clients/{id}': {
    operationId: 'c1.api.iam.v1.PersonalClientService.Get',
    tag: 'Personal Client',
  },
  'POST /api/v1/iam/personal_clients/{id}': {
    operationId: 'c1.api.iam.v1.PersonalClientService.Update',
    tag: 'Personal Client',
  },
  'GET /api/v1/iam/roles': { operationId: 'c1.api.iam.v1.Roles.List', tag: 'Role' },
  'GET /api/v1/iam/roles/{role_id}': { operationId: 'c1.api.iam.v1.Roles.Get', tag: 'Role' },
  'POST /api/v1/iam/roles/{role_id}': { operationId: 'c1.api.iam.v1.Roles.Update', tag: 'Role' },
  'POST /api/v1/search/app_resource_types': {
    operationId: 'c1.api.app.v1.AppResourceSearch.SearchAppResourceTypes',
    tag: 'App Resource',
  },
  'POST /api/v1/search/app_resources': {
    operationId: 'c1.api.app.v1.AppResourceSearch.SearchAppResources',
    tag: 'App Resource',
  },
  'POST /api/v1/search/app_users': { operationId: 'c1.api.app.v1.AppUserService.Search', tag: 'AppUsers' },
  'POST /api/v1/search/apps': { operationId: 'c1.api.app.v1.AppSearch.Search', tag: 'App' },
  'POST /api/v1/search/entitlements': {
    operationId: 'c1.api.app.v1.AppEntitlementSearchService.Search',
    tag: 'App Entitlement',
  },
  'POST /api/v1/search/grants': {
    operationId: 'c1.api.app.v1.AppEntitlementSearchService.SearchGrants',
    tag: 'App Entitlement',
  },
  'POST /api/v1/search/iam/personal_clients': {
    operationId: 'c1.api.iam.v1.PersonalClientSearchService.Search',
    tag: 'Personal Client',
  },
  'POST /api/v1/search/past-grants': {
    operationId: 'c1.api.app.v1.AppEntitlementUserBindingService.SearchPastGrants',
    tag: 'App Entitlement User Binding History',
  },
  'POST /api/v1/search/users': { operationId: 'c1.api.user.v1.UserSearch.Search', tag: 'User' },
  'POST /api/v1/systemlog/events': {
    operationId: 'c1.api.systemlog.v1.SystemLogService.ListEvents',
    tag: 'System Log',
  },
  'GET /api/v1/users': { operationId: 'c1.api.user.v1.UserService.List', tag: 'User' },
  'GET /api/v1/users/{id}': { operationId: 'c1.api.user.v1.UserService.Get', tag: 'User' },
};
