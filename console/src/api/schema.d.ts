// Generated from /openapi.json by `npm run console:api`; do not edit.
export interface paths {
    "/api/v1/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List
         * @description List all apps.
         */
        get: operations["c1.api.app.v1.Apps.List"];
        put?: never;
        /**
         * Create
         * @description Create a new manual app without a connector.
         */
        post: operations["c1.api.app.v1.Apps.Create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/app_users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List
         * @description List the app's users (accounts in the app), linked or not to a ConductorOne user.
         */
        get: operations["c1.api.app.v1.AppUserService.List"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List
         * @description List app entitlements associated with an app.
         */
        get: operations["c1.api.app.v1.AppEntitlements.List"];
        put?: never;
        /**
         * Create
         * @description Create an entitlement in a manually managed app.
         */
        post: operations["c1.api.app.v1.AppEntitlements.Create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/add-manual-user": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add Manually Managed Members
         * @description Grant the entitlement to ConductorOne users: validates every user ID, commits a bulk action and answers at once; the bulk action grants in batches (CONTRACT.md §6). Takes `?dryRun=true` and an `Idempotency-Key` header.
         */
        post: operations["c1.api.app.v1.AppEntitlements.AddManuallyManagedMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search App Entitlements With Expired
         * @description Search app entitlements, include app users, users, expires, discovered.
         */
        get: operations["c1.api.app.v1.AppEntitlementSearchService.SearchAppEntitlementsWithExpired"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/remove-membership": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove Entitlement Membership
         * @description Revoke the entitlement from app users (by app-user ID), recording a REMOVED grant event each. Takes an `Idempotency-Key` header.
         */
        delete: operations["c1.api.app.v1.AppEntitlements.RemoveEntitlementMembership"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Users
         * @description List the users, as AppEntitlementUsers objects, of an app entitlement.
         */
        get: operations["c1.api.app.v1.AppEntitlements.ListUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/users/{app_user_id}/remove-grant-duration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove Grant Duration
         * @description Make an app user's grant of the entitlement permanent again.
         */
        post: operations["c1.api.app.v1.AppEntitlementUserBindingService.RemoveGrantDuration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/users/{app_user_id}/update-grant-duration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Update Grant Duration
         * @description Set when an app user's grant of the entitlement expires (`deprovisionAt` or `grantDuration`).
         */
        post: operations["c1.api.app.v1.AppEntitlementUserBindingService.UpdateGrantDuration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/users/{identity_user_id}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List App Users For Identity With Grant
         * @description Returns a list of app users for the identity in the app. If that app user also has a grant to the entitlement from the request, data about the grant is also returned. It will always return ALL app users for this identity, but only SOME may have grant data.
         */
        get: operations["c1.api.app.v1.AppEntitlementUserBindingService.ListAppUsersForIdentityWithGrant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/{entitlement_id}/owners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List
         * @description List owners for a given app entitlement.
         */
        get: operations["c1.api.app.v1.AppEntitlementOwners.List"];
        /**
         * Set
         * @description Sets the owners for a given app entitlement to the specified list of users.
         */
        put: operations["c1.api.app.v1.AppEntitlementOwners.Set"];
        /**
         * Add
         * @description Add an owner to a given app entitlement.
         */
        post: operations["c1.api.app.v1.AppEntitlementOwners.Add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/{entitlement_id}/owners/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove
         * @description Remove an owner from a given app entitlement.
         */
        delete: operations["c1.api.app.v1.AppEntitlementOwners.Remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get
         * @description Get an app entitlement by ID.
         */
        get: operations["c1.api.app.v1.AppEntitlements.Get"];
        put?: never;
        /**
         * Update
         * @description Update an app entitlement by ID.
         */
        post: operations["c1.api.app.v1.AppEntitlements.Update"];
        /**
         * Delete
         * @description Delete an entitlement and revoke its grants.
         */
        delete: operations["c1.api.app.v1.AppEntitlements.Delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/resource_types/{app_resource_type_id}/resources/{app_resource_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List For App Resource
         * @description List app entitlements associated with an app resource.
         */
        get: operations["c1.api.app.v1.AppEntitlements.ListForAppResource"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/entitlements/users/{app_user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List For App User
         * @description List app entitlements associated with an app user.
         */
        get: operations["c1.api.app.v1.AppEntitlements.ListForAppUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/owners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List
         * @description List owners of an app.
         */
        get: operations["c1.api.app.v1.AppOwners.List"];
        /**
         * Set
         * @description Sets the owners for a given app to the specified list of users.
         */
        put: operations["c1.api.app.v1.AppOwners.Set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/owners/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add
         * @description Adds an owner to an app.
         */
        post: operations["c1.api.app.v1.AppOwners.Add"];
        /**
         * Remove
         * @description Removes an owner from an app.
         */
        delete: operations["c1.api.app.v1.AppOwners.Remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/resource_types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List
         * @description List app resource types.
         */
        get: operations["c1.api.app.v1.AppResourceTypeService.List"];
        put?: never;
        /**
         * Create Manually Managed Resource Type
         * @description Create a resource type in a manually managed app.
         */
        post: operations["c1.api.app.v1.AppResourceTypeService.CreateManuallyManagedResourceType"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/resource_types/{app_resource_type_id}/resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List
         * @description List the resources of a resource type.
         */
        get: operations["c1.api.app.v1.AppResourceService.List"];
        put?: never;
        /**
         * Create Manually Managed App Resource
         * @description Create a resource of a resource type in a manually managed app.
         */
        post: operations["c1.api.app.v1.AppResourceService.CreateManuallyManagedAppResource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/resource_types/{app_resource_type_id}/resources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get
         * @description Get a resource by ID.
         */
        get: operations["c1.api.app.v1.AppResourceService.Get"];
        put?: never;
        /**
         * Update
         * @description Update a resource; only the fields named in `updateMask` change.
         */
        post: operations["c1.api.app.v1.AppResourceService.Update"];
        /**
         * Delete Manually Managed App Resource
         * @description Delete a resource, its entitlements and their grants.
         */
        delete: operations["c1.api.app.v1.AppResourceService.DeleteManuallyManagedAppResource"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/resource_types/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get
         * @description Get an app resource type.
         */
        get: operations["c1.api.app.v1.AppResourceTypeService.Get"];
        put?: never;
        /**
         * Update Manually Managed Resource Type
         * @description Update a resource type; only the fields named in `updateMask` change.
         */
        post: operations["c1.api.app.v1.AppResourceTypeService.UpdateManuallyManagedResourceType"];
        /**
         * Delete Manually Managed Resource Type
         * @description Delete a resource type, its resources, their entitlements and grants.
         */
        delete: operations["c1.api.app.v1.AppResourceTypeService.DeleteManuallyManagedResourceType"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/resource_types/{resource_type_id}/resource/{resource_id}/owners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List
         * @description List all owners of an app resource.
         */
        get: operations["c1.api.app.v1.AppResourceOwners.List"];
        put?: never;
        /**
         * Add
         * @description Add an owner to a resource.
         */
        post: operations["c1.api.app.v1.AppResourceOwners.Add"];
        /**
         * Remove
         * @description Remove an owner from a resource.
         */
        delete: operations["c1.api.app.v1.AppResourceOwners.Remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_id}/users/{user_id}/app_users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List App Users For User
         * @description List a ConductorOne user's app users in the app.
         */
        get: operations["c1.api.app.v1.AppUserService.ListAppUsersForUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{app_user_app_id}/app_users/{app_user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Update
         * @description Update an app user by ID. Only the fields specified in the update mask are updated. Currently, only the appUserType, and identityUserId fields can be updated.
         */
        post: operations["c1.api.app.v1.AppUserService.Update"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get
         * @description Get an app by ID.
         */
        get: operations["c1.api.app.v1.Apps.Get"];
        put?: never;
        /**
         * Update
         * @description Update an existing app.
         */
        post: operations["c1.api.app.v1.Apps.Update"];
        /**
         * Delete
         * @description Delete an app.
         */
        delete: operations["c1.api.app.v1.Apps.Delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/introspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Introspect
         * @description Introspect returns the current user's principle_id, user_id and a list of roles, permissions, and enabled features.
         */
        get: operations["c1.api.auth.v1.Auth.Introspect"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/grants/feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search Grant Feed
         * @description Grant and revocation events in time order, in pages, for keeping an external copy in step.
         */
        post: operations["c1.api.app.v1.AppEntitlementUserBindingService.SearchGrantFeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/iam/personal_clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * NOTE: Only shows personal clients for the current user.
         * @description List the caller's personal API clients (secrets are never shown again).
         */
        get: operations["c1.api.iam.v1.PersonalClientService.List"];
        put?: never;
        /**
         * Create
         * @description Create creates a new PersonalClient object for the current User.
         */
        post: operations["c1.api.iam.v1.PersonalClientService.Create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/iam/personal_clients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get
         * @description Get one of the caller's API clients.
         */
        get: operations["c1.api.iam.v1.PersonalClientService.Get"];
        put?: never;
        /**
         * Update
         * @description Update one of the caller's API clients; only the fields named in `updateMask` change.
         */
        post: operations["c1.api.iam.v1.PersonalClientService.Update"];
        /**
         * Delete
         * @description Delete one of the caller's API clients; its tokens stop working.
         */
        delete: operations["c1.api.iam.v1.PersonalClientService.Delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/iam/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List
         * @description List all roles for the current user.
         */
        get: operations["c1.api.iam.v1.Roles.List"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/iam/roles/{role_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get
         * @description Get a role by id.
         */
        get: operations["c1.api.iam.v1.Roles.Get"];
        put?: never;
        /**
         * Update
         * @description Update a role by passing a Role object.
         */
        post: operations["c1.api.iam.v1.Roles.Update"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search/app_resource_types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search App Resource Types
         * @description Search app resources based on filters specified in the request body.
         */
        post: operations["c1.api.app.v1.AppResourceSearch.SearchAppResourceTypes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search/app_resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search App Resources
         * @description Search resources by app, resource type, IDs and text.
         */
        post: operations["c1.api.app.v1.AppResourceSearch.SearchAppResources"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search/app_users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search
         * @description Search app users based on filters specified in the request body.
         */
        post: operations["c1.api.app.v1.AppUserService.Search"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search
         * @description Search apps based on filters specified in the request body.
         */
        post: operations["c1.api.app.v1.AppSearch.Search"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search/entitlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search
         * @description Search app entitlements based on filters specified in the request body.
         */
        post: operations["c1.api.app.v1.AppEntitlementSearchService.Search"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search Grants
         * @description Search live grants by app, entitlement, app user and user.
         */
        post: operations["c1.api.app.v1.AppEntitlementSearchService.SearchGrants"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search/iam/personal_clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * NOTE: Searches personal clients for all users
         * @description Search API clients across users (admins only).
         */
        post: operations["c1.api.iam.v1.PersonalClientSearchService.Search"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search/past-grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search Past Grants
         * @description Search revoked and expired grants.
         */
        post: operations["c1.api.app.v1.AppEntitlementUserBindingService.SearchPastGrants"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search
         * @description Search users based on filters specified in the request body.
         */
        post: operations["c1.api.user.v1.UserSearch.Search"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/systemlog/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List Events
         * @description ListEvents pulls Events from the ConductorOne system. This endpoint should be used to synchorize the system log events to external systems.
         */
        post: operations["c1.api.systemlog.v1.SystemLogService.ListEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List
         * @description List users.
         */
        get: operations["c1.api.user.v1.UserService.List"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get
         * @description Get a user by ID.
         */
        get: operations["c1.api.user.v1.UserService.Get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/v1/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Token
         * @description OAuth 2.0 client credentials (RFC 6749 §4.4): a form body with `client_id` and either an EdDSA `client_assertion` (what the SDKs send) or the whole `client_secret`. Errors here are in OAuth form (`{"error": ...}`).
         */
        post: operations["roster.auth.v1.Token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sign-in Options
         * @description How people can sign in to the console: whether an OpenID Connect provider is set up, and the idle time.
         */
        get: operations["roster.console.Options"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/resolve-people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve People
         * @description Which Roster users a pasted or uploaded list of emails and user IDs names, with the reason for each line that names no one.
         */
        post: operations["roster.console.ResolvePeople"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/api/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Session
         * @description The signed-in person, their roles and permissions, and the CSRF token every change made with the session cookie must carry in `x-csrf-token`.
         */
        get: operations["roster.console.Session"];
        put?: never;
        /**
         * Sign In
         * @description Sign in to the console with an API client ID and secret (checked as the token endpoint checks them). Answers the session and sets its HttpOnly, SameSite=Strict cookie, which the API then accepts in place of a bearer token.
         */
        post: operations["roster.console.SignIn"];
        /**
         * Sign Out
         * @description Ends the console session (needs its `x-csrf-token`) and clears the cookie.
         */
        delete: operations["roster.console.SignOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * OpenID Connect Callback
         * @description Where the provider sends the browser back: signs in the Roster user with the email the provider vouches for, or answers a page saying why not.
         */
        get: operations["roster.console.OidcCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/auth/oidc/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * OpenID Connect Start
         * @description Sends the browser to the OpenID Connect provider (authorization code with PKCE).
         */
        get: operations["roster.console.OidcStart"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health
         * @description Answers 200 while the process is up; checks nothing else.
         */
        get: operations["roster.ops.Health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Metrics
         * @description Prometheus metrics: counts only, no IDs or names. Needs `Authorization: Bearer <ROSTER_METRICS_TOKEN>` when that is set.
         */
        get: operations["roster.ops.Metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ready
         * @description Answers 200 when the database answers and every migration is applied; 503 in the error format otherwise.
         */
        get: operations["roster.ops.Ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster/v1/apps/{app_id}/entitlements/{app_entitlement_id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List
         * @description The entitlement's manual members (user IDs) with an `ETag` naming this version of the list.
         */
        get: operations["roster.v1.Members.List"];
        /**
         * Set
         * @description Make the manual members exactly the given user IDs: adds and removes as one bulk action. Needs `If-Match` with the ETag of the list it replaces (412 when the list moved on); `?dryRun=true` shows the diff and writes nothing.
         */
        put: operations["roster.v1.Members.Set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster/v1/bulk_actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List
         * @description List bulk actions in ID order, filtered by `state`, `app_id` and `app_entitlement_id`.
         */
        get: operations["roster.v1.BulkActions.List"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster/v1/bulk_actions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get
         * @description A bulk action's state and progress counts.
         */
        get: operations["roster.v1.BulkActions.Get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster/v1/bulk_actions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel
         * @description Stop a bulk action that has not finished; the batches already committed stay committed.
         */
        post: operations["roster.v1.BulkActions.Cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster/v1/bulk_actions/{id}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Items
         * @description Every user ID of a bulk action with its outcome (`ADDED`, `ALREADY_MEMBER`, or `FAILED` and why), filtered by `outcome`.
         */
        get: operations["roster.v1.BulkActions.ListItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster/v1/limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get
         * @description The limits this Roster enforces: request sizes, IDs per call, page sizes.
         */
        get: operations["roster.v1.Limits.Get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster/v1/systemlog/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export
         * @description Stream the system-log events between `since` (inclusive) and `until` (exclusive) as JSON lines (`application/x-ndjson`).
         */
        get: operations["roster.v1.SystemLog.Export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create
         * @description Create a ConductorOne user (displayName, email, username, optional roleIds); ConductorOne has no such endpoint.
         */
        post: operations["roster.v1.Users.Create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Update
         * @description Update a user; only the fields named in `updateMask` change. A change of `roleIds` applies to the user's tokens at once.
         */
        post: operations["roster.v1.Users.Update"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster/v1/users/{user_id}/personal_clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create Personal Client
         * @description Make an API client for another user (an admin's way to give a user its first client). The secret is shown once.
         */
        post: operations["roster.v1.Users.CreatePersonalClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roster/v1/users/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import
         * @description Create up to 100,000 users in one call, from JSON `{"users": [...]}` or CSV with a `displayName,email,username` header; all or nothing.
         */
        post: operations["roster.v1.Users.Import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "c1.api.app.v1.Apps.List": {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            appAccountId: string;
                            appAccountName: string;
                            appOwners: {
                                createdAt: string | null;
                                delegatedUserId: string;
                                deletedAt: string | null;
                                department: string;
                                departmentSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                directoryIds: string[];
                                directoryStatus: string;
                                directoryStatusSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                displayName: string;
                                email: string;
                                emails: string[];
                                emailSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employeeIds: string[];
                                employeeIdSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employmentStatus: string;
                                employmentStatusSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employmentType: string;
                                employmentTypeSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                id: string;
                                jobTitle: string;
                                jobTitleSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                managerIds: string[];
                                managerSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                profile: {
                                    [key: string]: unknown;
                                };
                                roleIds: string[];
                                status: string;
                                type: string;
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                                usernameSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                            }[];
                            certifyPolicyId: string;
                            connectorVersion: number;
                            createdAt: string | null;
                            defaultRequestCatalogId: string;
                            deletedAt: string | null;
                            description: string;
                            displayName: string;
                            fieldMask: string | null;
                            grantPolicyId: string;
                            iconUrl: string;
                            id: string;
                            identityMatching: string;
                            instructions: string;
                            isDirectory: boolean;
                            isManuallyManaged: boolean;
                            logoUri: string;
                            monthlyCostUsd: number;
                            parentAppId: string;
                            revokePolicyId: string;
                            strictAccessEntitlementProvisioning: boolean;
                            updatedAt: string | null;
                            userCount: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.Apps.Create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    certifyPolicyId?: string | null;
                    description?: string | null;
                    displayName: string;
                    grantPolicyId?: string | null;
                    identityMatching?: ("APP_USER_IDENTITY_MATCHING_UNSPECIFIED" | "APP_USER_IDENTITY_MATCHING_STRICT" | "APP_USER_IDENTITY_MATCHING_DISPLAY_NAME") | null;
                    monthlyCostUsd?: number | null;
                    owners?: string[] | null;
                    revokePolicyId?: string | null;
                    strictAccessEntitlementProvisioning?: boolean | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        app: {
                            appAccountId: string;
                            appAccountName: string;
                            appOwners: {
                                createdAt: string | null;
                                delegatedUserId: string;
                                deletedAt: string | null;
                                department: string;
                                departmentSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                directoryIds: string[];
                                directoryStatus: string;
                                directoryStatusSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                displayName: string;
                                email: string;
                                emails: string[];
                                emailSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employeeIds: string[];
                                employeeIdSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employmentStatus: string;
                                employmentStatusSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employmentType: string;
                                employmentTypeSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                id: string;
                                jobTitle: string;
                                jobTitleSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                managerIds: string[];
                                managerSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                profile: {
                                    [key: string]: unknown;
                                };
                                roleIds: string[];
                                status: string;
                                type: string;
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                                usernameSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                            }[];
                            certifyPolicyId: string;
                            connectorVersion: number;
                            createdAt: string | null;
                            defaultRequestCatalogId: string;
                            deletedAt: string | null;
                            description: string;
                            displayName: string;
                            fieldMask: string | null;
                            grantPolicyId: string;
                            iconUrl: string;
                            id: string;
                            identityMatching: string;
                            instructions: string;
                            isDirectory: boolean;
                            isManuallyManaged: boolean;
                            logoUri: string;
                            monthlyCostUsd: number;
                            parentAppId: string;
                            revokePolicyId: string;
                            strictAccessEntitlementProvisioning: boolean;
                            updatedAt: string | null;
                            userCount: string;
                        };
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppUserService.List": {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        list: {
                            appPath: string;
                            appUser: {
                                appId: string;
                                appUserType: string;
                                createdAt: string | null;
                                deletedAt: string | null;
                                displayName: string;
                                email: string;
                                emails: string[];
                                employeeIds: string[];
                                id: string;
                                identityUserId: string;
                                isExternal: boolean;
                                profile: {
                                    [key: string]: unknown;
                                };
                                status: {
                                    details: string;
                                    status: string;
                                };
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                            };
                            identityUserPath: string;
                            lastUsagePath: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlements.List": {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        list: {
                            appEntitlement: {
                                alias: string;
                                appId: string;
                                appResourceId: string;
                                appResourceTypeId: string;
                                certifyPolicyId: string;
                                complianceFrameworkValueIds: string[];
                                createdAt: string | null;
                                defaultValuesApplied: boolean;
                                deletedAt: string | null;
                                deprovisionerPolicy: {
                                    [key: string]: unknown;
                                } | null;
                                description: string;
                                displayName: string;
                                durationGrant: string | null;
                                durationUnset: Record<string, never> | null;
                                emergencyGrantEnabled: boolean;
                                emergencyGrantPolicyId: string;
                                grantCount: string;
                                grantPolicyId: string;
                                id: string;
                                isAutomationEnabled: boolean;
                                isManuallyManaged: boolean;
                                matchBatonId: string;
                                overrideAccessRequestsDefaults: boolean;
                                provisionerPolicy: {
                                    [key: string]: unknown;
                                } | null;
                                purpose: string;
                                requestSchemaId: string;
                                revokePolicyId: string;
                                riskLevelValueId: string;
                                slug: string;
                                sourceConnectorIds: {
                                    [key: string]: string;
                                };
                                systemBuiltin: boolean;
                                updatedAt: string | null;
                                userEditedMask: string | null;
                            };
                            appPath: string;
                            appResourcePath: string;
                            appResourceTypePath: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlements.Create": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    alias?: string | null;
                    appEntitlementOwnerIds?: string[] | null;
                    appResourceId?: string | null;
                    appResourceTypeId?: string | null;
                    certifyPolicyId?: string | null;
                    complianceFrameworkValueIds?: string[] | null;
                    description?: string | null;
                    displayName: string;
                    durationGrant?: string | null;
                    durationUnset?: Record<string, never> | null;
                    emergencyGrantEnabled?: boolean | null;
                    emergencyGrantPolicyId?: string | null;
                    expandMask?: {
                        paths?: string[] | null;
                    } | null;
                    grantPolicyId?: string | null;
                    matchBatonId?: string | null;
                    overrideAccessRequestsDefaults?: boolean | null;
                    provisionPolicy?: {
                        [key: string]: unknown;
                    } | null;
                    purpose?: ("APP_ENTITLEMENT_PURPOSE_VALUE_UNSPECIFIED" | "APP_ENTITLEMENT_PURPOSE_VALUE_ASSIGNMENT" | "APP_ENTITLEMENT_PURPOSE_VALUE_PERMISSION") | null;
                    revokePolicyId?: string | null;
                    riskLevelValueId?: string | null;
                    slug?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appEntitlementView: {
                            appEntitlement: {
                                alias: string;
                                appId: string;
                                appResourceId: string;
                                appResourceTypeId: string;
                                certifyPolicyId: string;
                                complianceFrameworkValueIds: string[];
                                createdAt: string | null;
                                defaultValuesApplied: boolean;
                                deletedAt: string | null;
                                deprovisionerPolicy: {
                                    [key: string]: unknown;
                                } | null;
                                description: string;
                                displayName: string;
                                durationGrant: string | null;
                                durationUnset: Record<string, never> | null;
                                emergencyGrantEnabled: boolean;
                                emergencyGrantPolicyId: string;
                                grantCount: string;
                                grantPolicyId: string;
                                id: string;
                                isAutomationEnabled: boolean;
                                isManuallyManaged: boolean;
                                matchBatonId: string;
                                overrideAccessRequestsDefaults: boolean;
                                provisionerPolicy: {
                                    [key: string]: unknown;
                                } | null;
                                purpose: string;
                                requestSchemaId: string;
                                revokePolicyId: string;
                                riskLevelValueId: string;
                                slug: string;
                                sourceConnectorIds: {
                                    [key: string]: string;
                                };
                                systemBuiltin: boolean;
                                updatedAt: string | null;
                                userEditedMask: string | null;
                            };
                            appPath: string;
                            appResourcePath: string;
                            appResourceTypePath: string;
                        };
                        expanded: unknown[];
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlements.AddManuallyManagedMembers": {
        parameters: {
            query?: {
                /** @description Roster extension: classify every user ID (would add, already a member, refused) and write nothing. */
                dryRun?: boolean;
            };
            header?: {
                /** @description Makes the request safe to retry: a repeat with the same key and body within 24 hours gets the original answer (and bulk action) without doing the work again; the same key with another body is refused with 409. 1 to 255 visible ASCII characters, scoped to the API client. */
                "Idempotency-Key"?: string;
            };
            path: {
                app_entitlement_id: string;
                app_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    deprovisionAt?: string | null;
                    grantDuration?: string | null;
                    userIds?: string[] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bulkActionId: string;
                        dryRun?: {
                            alreadyMembers: string[];
                            wouldAdd: string[];
                            wouldCreateAppUser: string[];
                        };
                        failedUsersErrorMap: {
                            [key: string]: string;
                        };
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlementSearchService.SearchAppEntitlementsWithExpired": {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path: {
                app_entitlement_id: string;
                app_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            appEntitlementId: string;
                            appId: string;
                            appUser: {
                                appId: string;
                                appUserType: string;
                                createdAt: string | null;
                                deletedAt: string | null;
                                displayName: string;
                                email: string;
                                emails: string[];
                                employeeIds: string[];
                                id: string;
                                identityUserId: string;
                                isExternal: boolean;
                                profile: {
                                    [key: string]: unknown;
                                };
                                status: {
                                    details: string;
                                    status: string;
                                };
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                            } | null;
                            appUserId: string;
                            discovered: string | null;
                            expired: string | null;
                            grantReasons: unknown[];
                            grantSources: {
                                appId: string;
                                id: string;
                            }[];
                            user: {
                                createdAt: string | null;
                                delegatedUserId: string;
                                deletedAt: string | null;
                                department: string;
                                departmentSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                directoryIds: string[];
                                directoryStatus: string;
                                directoryStatusSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                displayName: string;
                                email: string;
                                emails: string[];
                                emailSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employeeIds: string[];
                                employeeIdSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employmentStatus: string;
                                employmentStatusSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employmentType: string;
                                employmentTypeSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                id: string;
                                jobTitle: string;
                                jobTitleSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                managerIds: string[];
                                managerSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                profile: {
                                    [key: string]: unknown;
                                };
                                roleIds: string[];
                                status: string;
                                type: string;
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                                usernameSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                            } | null;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlements.RemoveEntitlementMembership": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry: a repeat with the same key and body within 24 hours gets the original answer (and bulk action) without doing the work again; the same key with another body is refused with 409. 1 to 255 visible ASCII characters, scoped to the API client. */
                "Idempotency-Key"?: string;
            };
            path: {
                app_entitlement_id: string;
                app_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    appUserId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        revokeTaskId: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlements.ListUsers": {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path: {
                app_entitlement_id: string;
                app_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        list: {
                            appEntitlementUserBindingCreatedAt: string | null;
                            appEntitlementUserBindingDeprovisionAt: string | null;
                            appUser: {
                                appPath: string;
                                appUser: {
                                    appId: string;
                                    appUserType: string;
                                    createdAt: string | null;
                                    deletedAt: string | null;
                                    displayName: string;
                                    email: string;
                                    emails: string[];
                                    employeeIds: string[];
                                    id: string;
                                    identityUserId: string;
                                    isExternal: boolean;
                                    profile: {
                                        [key: string]: unknown;
                                    };
                                    status: {
                                        details: string;
                                        status: string;
                                    };
                                    updatedAt: string | null;
                                    username: string;
                                    usernames: string[];
                                };
                                identityUserPath: string;
                                lastUsagePath: string;
                            };
                            grantSources: {
                                appId: string;
                                id: string;
                            }[];
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlementUserBindingService.RemoveGrantDuration": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_entitlement_id: string;
                app_id: string;
                app_user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        binding: {
                            appEntitlementId: string;
                            appId: string;
                            appUserId: string;
                            createdAt: string | null;
                            deletedAt: string | null;
                            deprovisionAt: string | null;
                            grantSources: {
                                appId: string;
                                id: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlementUserBindingService.UpdateGrantDuration": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_entitlement_id: string;
                app_id: string;
                app_user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    newDeprovisionAt?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        binding: {
                            appEntitlementId: string;
                            appId: string;
                            appUserId: string;
                            createdAt: string | null;
                            deletedAt: string | null;
                            deprovisionAt: string | null;
                            grantSources: {
                                appId: string;
                                id: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlementUserBindingService.ListAppUsersForIdentityWithGrant": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_entitlement_id: string;
                app_id: string;
                identity_user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bindings: {
                            appEntitlementId: string;
                            appId: string;
                            appUserId: string;
                            createdAt: string | null;
                            deletedAt: string | null;
                            deprovisionAt: string | null;
                            grantSources: {
                                appId: string;
                                id: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlementOwners.List": {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path: {
                app_id: string;
                entitlement_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            createdAt: string | null;
                            delegatedUserId: string;
                            deletedAt: string | null;
                            department: string;
                            departmentSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            directoryIds: string[];
                            directoryStatus: string;
                            directoryStatusSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            displayName: string;
                            email: string;
                            emails: string[];
                            emailSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            employeeIds: string[];
                            employeeIdSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            employmentStatus: string;
                            employmentStatusSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            employmentType: string;
                            employmentTypeSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            id: string;
                            jobTitle: string;
                            jobTitleSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            managerIds: string[];
                            managerSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            profile: {
                                [key: string]: unknown;
                            };
                            roleIds: string[];
                            status: string;
                            type: string;
                            updatedAt: string | null;
                            username: string;
                            usernames: string[];
                            usernameSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlementOwners.Set": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                entitlement_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    userIds?: string[] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlementOwners.Add": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                entitlement_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    userId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlementOwners.Remove": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                entitlement_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlements.Get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appEntitlementView: {
                            appEntitlement: {
                                alias: string;
                                appId: string;
                                appResourceId: string;
                                appResourceTypeId: string;
                                certifyPolicyId: string;
                                complianceFrameworkValueIds: string[];
                                createdAt: string | null;
                                defaultValuesApplied: boolean;
                                deletedAt: string | null;
                                deprovisionerPolicy: {
                                    [key: string]: unknown;
                                } | null;
                                description: string;
                                displayName: string;
                                durationGrant: string | null;
                                durationUnset: Record<string, never> | null;
                                emergencyGrantEnabled: boolean;
                                emergencyGrantPolicyId: string;
                                grantCount: string;
                                grantPolicyId: string;
                                id: string;
                                isAutomationEnabled: boolean;
                                isManuallyManaged: boolean;
                                matchBatonId: string;
                                overrideAccessRequestsDefaults: boolean;
                                provisionerPolicy: {
                                    [key: string]: unknown;
                                } | null;
                                purpose: string;
                                requestSchemaId: string;
                                revokePolicyId: string;
                                riskLevelValueId: string;
                                slug: string;
                                sourceConnectorIds: {
                                    [key: string]: string;
                                };
                                systemBuiltin: boolean;
                                updatedAt: string | null;
                                userEditedMask: string | null;
                            };
                            appPath: string;
                            appResourcePath: string;
                            appResourceTypePath: string;
                        };
                        expanded: unknown[];
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlements.Update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    entitlement?: {
                        alias?: string | null;
                        certifyPolicyId?: string | null;
                        complianceFrameworkValueIds?: string[] | null;
                        description?: string | null;
                        displayName?: string | null;
                        durationGrant?: string | null;
                        durationUnset?: Record<string, never> | null;
                        emergencyGrantEnabled?: boolean | null;
                        emergencyGrantPolicyId?: string | null;
                        grantPolicyId?: string | null;
                        matchBatonId?: string | null;
                        overrideAccessRequestsDefaults?: boolean | null;
                        purpose?: ("APP_ENTITLEMENT_PURPOSE_VALUE_UNSPECIFIED" | "APP_ENTITLEMENT_PURPOSE_VALUE_ASSIGNMENT" | "APP_ENTITLEMENT_PURPOSE_VALUE_PERMISSION") | null;
                        revokePolicyId?: string | null;
                        riskLevelValueId?: string | null;
                        slug?: string | null;
                    } | null;
                    expandMask?: {
                        paths?: string[] | null;
                    } | null;
                    overrideAccessRequestsDefaults?: boolean | null;
                    updateMask?: (string | {
                        paths: string[];
                    }) | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appEntitlementView: {
                            appEntitlement: {
                                alias: string;
                                appId: string;
                                appResourceId: string;
                                appResourceTypeId: string;
                                certifyPolicyId: string;
                                complianceFrameworkValueIds: string[];
                                createdAt: string | null;
                                defaultValuesApplied: boolean;
                                deletedAt: string | null;
                                deprovisionerPolicy: {
                                    [key: string]: unknown;
                                } | null;
                                description: string;
                                displayName: string;
                                durationGrant: string | null;
                                durationUnset: Record<string, never> | null;
                                emergencyGrantEnabled: boolean;
                                emergencyGrantPolicyId: string;
                                grantCount: string;
                                grantPolicyId: string;
                                id: string;
                                isAutomationEnabled: boolean;
                                isManuallyManaged: boolean;
                                matchBatonId: string;
                                overrideAccessRequestsDefaults: boolean;
                                provisionerPolicy: {
                                    [key: string]: unknown;
                                } | null;
                                purpose: string;
                                requestSchemaId: string;
                                revokePolicyId: string;
                                riskLevelValueId: string;
                                slug: string;
                                sourceConnectorIds: {
                                    [key: string]: string;
                                };
                                systemBuiltin: boolean;
                                updatedAt: string | null;
                                userEditedMask: string | null;
                            };
                            appPath: string;
                            appResourcePath: string;
                            appResourceTypePath: string;
                        };
                        expanded: unknown[];
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlements.Delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlements.ListForAppResource": {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path: {
                app_id: string;
                app_resource_id: string;
                app_resource_type_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        list: {
                            appEntitlement: {
                                alias: string;
                                appId: string;
                                appResourceId: string;
                                appResourceTypeId: string;
                                certifyPolicyId: string;
                                complianceFrameworkValueIds: string[];
                                createdAt: string | null;
                                defaultValuesApplied: boolean;
                                deletedAt: string | null;
                                deprovisionerPolicy: {
                                    [key: string]: unknown;
                                } | null;
                                description: string;
                                displayName: string;
                                durationGrant: string | null;
                                durationUnset: Record<string, never> | null;
                                emergencyGrantEnabled: boolean;
                                emergencyGrantPolicyId: string;
                                grantCount: string;
                                grantPolicyId: string;
                                id: string;
                                isAutomationEnabled: boolean;
                                isManuallyManaged: boolean;
                                matchBatonId: string;
                                overrideAccessRequestsDefaults: boolean;
                                provisionerPolicy: {
                                    [key: string]: unknown;
                                } | null;
                                purpose: string;
                                requestSchemaId: string;
                                revokePolicyId: string;
                                riskLevelValueId: string;
                                slug: string;
                                sourceConnectorIds: {
                                    [key: string]: string;
                                };
                                systemBuiltin: boolean;
                                updatedAt: string | null;
                                userEditedMask: string | null;
                            };
                            appPath: string;
                            appResourcePath: string;
                            appResourceTypePath: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlements.ListForAppUser": {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path: {
                app_id: string;
                app_user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        list: {
                            appEntitlement: {
                                alias: string;
                                appId: string;
                                appResourceId: string;
                                appResourceTypeId: string;
                                certifyPolicyId: string;
                                complianceFrameworkValueIds: string[];
                                createdAt: string | null;
                                defaultValuesApplied: boolean;
                                deletedAt: string | null;
                                deprovisionerPolicy: {
                                    [key: string]: unknown;
                                } | null;
                                description: string;
                                displayName: string;
                                durationGrant: string | null;
                                durationUnset: Record<string, never> | null;
                                emergencyGrantEnabled: boolean;
                                emergencyGrantPolicyId: string;
                                grantCount: string;
                                grantPolicyId: string;
                                id: string;
                                isAutomationEnabled: boolean;
                                isManuallyManaged: boolean;
                                matchBatonId: string;
                                overrideAccessRequestsDefaults: boolean;
                                provisionerPolicy: {
                                    [key: string]: unknown;
                                } | null;
                                purpose: string;
                                requestSchemaId: string;
                                revokePolicyId: string;
                                riskLevelValueId: string;
                                slug: string;
                                sourceConnectorIds: {
                                    [key: string]: string;
                                };
                                systemBuiltin: boolean;
                                updatedAt: string | null;
                                userEditedMask: string | null;
                            };
                            appPath: string;
                            appResourcePath: string;
                            appResourceTypePath: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppOwners.List": {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            createdAt: string | null;
                            delegatedUserId: string;
                            deletedAt: string | null;
                            department: string;
                            departmentSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            directoryIds: string[];
                            directoryStatus: string;
                            directoryStatusSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            displayName: string;
                            email: string;
                            emails: string[];
                            emailSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            employeeIds: string[];
                            employeeIdSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            employmentStatus: string;
                            employmentStatusSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            employmentType: string;
                            employmentTypeSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            id: string;
                            jobTitle: string;
                            jobTitleSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            managerIds: string[];
                            managerSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            profile: {
                                [key: string]: unknown;
                            };
                            roleIds: string[];
                            status: string;
                            type: string;
                            updatedAt: string | null;
                            username: string;
                            usernames: string[];
                            usernameSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppOwners.Set": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    userIds?: string[] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppOwners.Add": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppOwners.Remove": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppResourceTypeService.List": {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        list: {
                            appPath: string;
                            appResourceType: {
                                appId: string;
                                createdAt: string | null;
                                deletedAt: string | null;
                                displayName: string;
                                id: string;
                                traitIds: string[];
                                updatedAt: string | null;
                            };
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppResourceTypeService.CreateManuallyManagedResourceType": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName: string;
                    /** @enum {unknown} */
                    resourceType: "ROLE" | "GROUP" | "LICENSE" | "PROJECT" | "CATALOG" | "CUSTOM" | "VAULT" | "PROFILE_TYPE" | "SESSION_POLICY" | "CLAW_AGENT";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appResourceType: {
                            appId: string;
                            createdAt: string | null;
                            deletedAt: string | null;
                            displayName: string;
                            id: string;
                            traitIds: string[];
                            updatedAt: string | null;
                        };
                        expanded: unknown[];
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppResourceService.List": {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path: {
                app_id: string;
                app_resource_type_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        list: {
                            appPath: string;
                            appResource: {
                                appId: string;
                                appResourceTypeId: string;
                                createdAt: string | null;
                                customDescription: string;
                                deletedAt: string | null;
                                description: string;
                                displayName: string;
                                grantCount: string;
                                id: string;
                                matchBatonId: string;
                                parentAppResourceId: string;
                                parentAppResourceTypeId: string;
                                secretTrait: {
                                    identityAppUserId: string;
                                    lastUsedAt: string | null;
                                    secretCreatedAt: string | null;
                                    secretExpiresAt: string | null;
                                } | null;
                                updatedAt: string | null;
                            };
                            parentResourcePath: string;
                            parentResourceTypePath: string;
                            resourceTypePath: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppResourceService.CreateManuallyManagedAppResource": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                app_resource_type_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string | null;
                    displayName: string;
                    matchBatonId?: string | null;
                    resourceOwnerUserIds?: string[] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appResource: {
                            appId: string;
                            appResourceTypeId: string;
                            createdAt: string | null;
                            customDescription: string;
                            deletedAt: string | null;
                            description: string;
                            displayName: string;
                            grantCount: string;
                            id: string;
                            matchBatonId: string;
                            parentAppResourceId: string;
                            parentAppResourceTypeId: string;
                            secretTrait: {
                                identityAppUserId: string;
                                lastUsedAt: string | null;
                                secretCreatedAt: string | null;
                                secretExpiresAt: string | null;
                            } | null;
                            updatedAt: string | null;
                        };
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppResourceService.Get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                app_resource_type_id: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appResourceView: {
                            appPath: string;
                            appResource: {
                                appId: string;
                                appResourceTypeId: string;
                                createdAt: string | null;
                                customDescription: string;
                                deletedAt: string | null;
                                description: string;
                                displayName: string;
                                grantCount: string;
                                id: string;
                                matchBatonId: string;
                                parentAppResourceId: string;
                                parentAppResourceTypeId: string;
                                secretTrait: {
                                    identityAppUserId: string;
                                    lastUsedAt: string | null;
                                    secretCreatedAt: string | null;
                                    secretExpiresAt: string | null;
                                } | null;
                                updatedAt: string | null;
                            };
                            parentResourcePath: string;
                            parentResourceTypePath: string;
                            resourceTypePath: string;
                        };
                        expanded: unknown[];
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppResourceService.Update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                app_resource_type_id: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    appResource?: {
                        description?: string | null;
                        displayName?: string | null;
                        matchBatonId?: string | null;
                    } | null;
                    expandMask?: {
                        paths?: string[] | null;
                    } | null;
                    updateMask?: (string | {
                        paths: string[];
                    }) | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appResourceView: {
                            appPath: string;
                            appResource: {
                                appId: string;
                                appResourceTypeId: string;
                                createdAt: string | null;
                                customDescription: string;
                                deletedAt: string | null;
                                description: string;
                                displayName: string;
                                grantCount: string;
                                id: string;
                                matchBatonId: string;
                                parentAppResourceId: string;
                                parentAppResourceTypeId: string;
                                secretTrait: {
                                    identityAppUserId: string;
                                    lastUsedAt: string | null;
                                    secretCreatedAt: string | null;
                                    secretExpiresAt: string | null;
                                } | null;
                                updatedAt: string | null;
                            };
                            parentResourcePath: string;
                            parentResourceTypePath: string;
                            resourceTypePath: string;
                        };
                        expanded: unknown[];
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppResourceService.DeleteManuallyManagedAppResource": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                app_resource_type_id: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppResourceTypeService.Get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appResourceTypeView: {
                            appPath: string;
                            appResourceType: {
                                appId: string;
                                createdAt: string | null;
                                deletedAt: string | null;
                                displayName: string;
                                id: string;
                                traitIds: string[];
                                updatedAt: string | null;
                            };
                        };
                        expanded: unknown[];
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppResourceTypeService.UpdateManuallyManagedResourceType": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    appResourceType?: {
                        displayName?: string | null;
                    } | null;
                    updateMask?: (string | {
                        paths: string[];
                    }) | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appResourceType: {
                            appId: string;
                            createdAt: string | null;
                            deletedAt: string | null;
                            displayName: string;
                            id: string;
                            traitIds: string[];
                            updatedAt: string | null;
                        };
                        expanded: unknown[];
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppResourceTypeService.DeleteManuallyManagedResourceType": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppResourceOwners.List": {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path: {
                app_id: string;
                resource_id: string;
                resource_type_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            createdAt: string | null;
                            delegatedUserId: string;
                            deletedAt: string | null;
                            department: string;
                            departmentSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            directoryIds: string[];
                            directoryStatus: string;
                            directoryStatusSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            displayName: string;
                            email: string;
                            emails: string[];
                            emailSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            employeeIds: string[];
                            employeeIdSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            employmentStatus: string;
                            employmentStatusSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            employmentType: string;
                            employmentTypeSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            id: string;
                            jobTitle: string;
                            jobTitleSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            managerIds: string[];
                            managerSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            profile: {
                                [key: string]: unknown;
                            };
                            roleIds: string[];
                            status: string;
                            type: string;
                            updatedAt: string | null;
                            username: string;
                            usernames: string[];
                            usernameSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppResourceOwners.Add": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                resource_id: string;
                resource_type_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    userId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppResourceOwners.Remove": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_id: string;
                resource_id: string;
                resource_type_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    userId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppUserService.ListAppUsersForUser": {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path: {
                app_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        list: {
                            appPath: string;
                            appUser: {
                                appId: string;
                                appUserType: string;
                                createdAt: string | null;
                                deletedAt: string | null;
                                displayName: string;
                                email: string;
                                emails: string[];
                                employeeIds: string[];
                                id: string;
                                identityUserId: string;
                                isExternal: boolean;
                                profile: {
                                    [key: string]: unknown;
                                };
                                status: {
                                    details: string;
                                    status: string;
                                };
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                            };
                            identityUserPath: string;
                            lastUsagePath: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppUserService.Update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_user_app_id: string;
                app_user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    appUser?: {
                        appUserType?: ("APP_USER_TYPE_UNSPECIFIED" | "APP_USER_TYPE_USER" | "APP_USER_TYPE_SERVICE_ACCOUNT" | "APP_USER_TYPE_SYSTEM_ACCOUNT") | null;
                        identityUserId?: string | null;
                    } | null;
                    expandMask?: {
                        paths?: string[] | null;
                    } | null;
                    updateMask?: (string | {
                        paths: string[];
                    }) | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appUserView: {
                            appPath: string;
                            appUser: {
                                appId: string;
                                appUserType: string;
                                createdAt: string | null;
                                deletedAt: string | null;
                                displayName: string;
                                email: string;
                                emails: string[];
                                employeeIds: string[];
                                id: string;
                                identityUserId: string;
                                isExternal: boolean;
                                profile: {
                                    [key: string]: unknown;
                                };
                                status: {
                                    details: string;
                                    status: string;
                                };
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                            };
                            identityUserPath: string;
                            lastUsagePath: string;
                        };
                        expanded: unknown[];
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.Apps.Get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        app: {
                            appAccountId: string;
                            appAccountName: string;
                            appOwners: {
                                createdAt: string | null;
                                delegatedUserId: string;
                                deletedAt: string | null;
                                department: string;
                                departmentSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                directoryIds: string[];
                                directoryStatus: string;
                                directoryStatusSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                displayName: string;
                                email: string;
                                emails: string[];
                                emailSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employeeIds: string[];
                                employeeIdSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employmentStatus: string;
                                employmentStatusSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employmentType: string;
                                employmentTypeSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                id: string;
                                jobTitle: string;
                                jobTitleSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                managerIds: string[];
                                managerSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                profile: {
                                    [key: string]: unknown;
                                };
                                roleIds: string[];
                                status: string;
                                type: string;
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                                usernameSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                            }[];
                            certifyPolicyId: string;
                            connectorVersion: number;
                            createdAt: string | null;
                            defaultRequestCatalogId: string;
                            deletedAt: string | null;
                            description: string;
                            displayName: string;
                            fieldMask: string | null;
                            grantPolicyId: string;
                            iconUrl: string;
                            id: string;
                            identityMatching: string;
                            instructions: string;
                            isDirectory: boolean;
                            isManuallyManaged: boolean;
                            logoUri: string;
                            monthlyCostUsd: number;
                            parentAppId: string;
                            revokePolicyId: string;
                            strictAccessEntitlementProvisioning: boolean;
                            updatedAt: string | null;
                            userCount: string;
                        };
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.Apps.Update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    app?: {
                        certifyPolicyId?: string | null;
                        description?: string | null;
                        displayName?: string | null;
                        grantPolicyId?: string | null;
                        iconUrl?: string | null;
                        identityMatching?: ("APP_USER_IDENTITY_MATCHING_UNSPECIFIED" | "APP_USER_IDENTITY_MATCHING_STRICT" | "APP_USER_IDENTITY_MATCHING_DISPLAY_NAME") | null;
                        instructions?: string | null;
                        monthlyCostUsd?: number | null;
                        revokePolicyId?: string | null;
                        strictAccessEntitlementProvisioning?: boolean | null;
                    } | null;
                    updateMask?: (string | {
                        paths: string[];
                    }) | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        app: {
                            appAccountId: string;
                            appAccountName: string;
                            appOwners: {
                                createdAt: string | null;
                                delegatedUserId: string;
                                deletedAt: string | null;
                                department: string;
                                departmentSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                directoryIds: string[];
                                directoryStatus: string;
                                directoryStatusSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                displayName: string;
                                email: string;
                                emails: string[];
                                emailSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employeeIds: string[];
                                employeeIdSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employmentStatus: string;
                                employmentStatusSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employmentType: string;
                                employmentTypeSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                id: string;
                                jobTitle: string;
                                jobTitleSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                managerIds: string[];
                                managerSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                profile: {
                                    [key: string]: unknown;
                                };
                                roleIds: string[];
                                status: string;
                                type: string;
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                                usernameSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                            }[];
                            certifyPolicyId: string;
                            connectorVersion: number;
                            createdAt: string | null;
                            defaultRequestCatalogId: string;
                            deletedAt: string | null;
                            description: string;
                            displayName: string;
                            fieldMask: string | null;
                            grantPolicyId: string;
                            iconUrl: string;
                            id: string;
                            identityMatching: string;
                            instructions: string;
                            isDirectory: boolean;
                            isManuallyManaged: boolean;
                            logoUri: string;
                            monthlyCostUsd: number;
                            parentAppId: string;
                            revokePolicyId: string;
                            strictAccessEntitlementProvisioning: boolean;
                            updatedAt: string | null;
                            userCount: string;
                        };
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.Apps.Delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.auth.v1.Auth.Introspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        features: string[];
                        permissions: string[];
                        principleId: string;
                        roles: string[];
                        userId: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlementUserBindingService.SearchGrantFeed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    after?: string | null;
                    appEntitlementRefs?: {
                        appId?: string | null;
                        id: string;
                    }[] | null;
                    appRefs?: {
                        id: string;
                    }[] | null;
                    appUserRefs?: {
                        appId?: string | null;
                        id: string;
                    }[] | null;
                    before?: string | null;
                    expandMask?: {
                        paths?: string[] | null;
                    } | null;
                    pageSize?: number | null;
                    pageToken?: string | null;
                    userRefs?: {
                        id: string;
                    }[] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        list: {
                            appPath: string;
                            appUserPath: string;
                            entitlementPath: string;
                            feed: {
                                appEntitlementId: string;
                                appId: string;
                                appUserId: string;
                                date: string | null;
                                eventType: string;
                                ticketId: string;
                            };
                            ticketPath: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.iam.v1.PersonalClientService.List": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            allowSourceCidr: string[];
                            clientId: string;
                            createdAt: string | null;
                            deletedAt: string | null;
                            displayName: string;
                            expiresTime: string | null;
                            id: string;
                            lastUsedAt: string | null;
                            scopedRoles: string[];
                            updatedAt: string | null;
                            userId: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.iam.v1.PersonalClientService.Create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    allowSourceCidr?: string[] | null;
                    displayName?: string | null;
                    expires?: string | null;
                    scopedRoles?: string[] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        client: {
                            allowSourceCidr: string[];
                            clientId: string;
                            createdAt: string | null;
                            deletedAt: string | null;
                            displayName: string;
                            expiresTime: string | null;
                            id: string;
                            lastUsedAt: string | null;
                            scopedRoles: string[];
                            updatedAt: string | null;
                            userId: string;
                        };
                        clientSecret: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.iam.v1.PersonalClientService.Get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        client: {
                            allowSourceCidr: string[];
                            clientId: string;
                            createdAt: string | null;
                            deletedAt: string | null;
                            displayName: string;
                            expiresTime: string | null;
                            id: string;
                            lastUsedAt: string | null;
                            scopedRoles: string[];
                            updatedAt: string | null;
                            userId: string;
                        };
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.iam.v1.PersonalClientService.Update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    client?: {
                        allowSourceCidr?: string[] | null;
                        displayName?: string | null;
                        expiresTime?: string | null;
                        scopedRoles?: string[] | null;
                    } | null;
                    updateMask?: (string | {
                        paths: string[];
                    }) | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        client: {
                            allowSourceCidr: string[];
                            clientId: string;
                            createdAt: string | null;
                            deletedAt: string | null;
                            displayName: string;
                            expiresTime: string | null;
                            id: string;
                            lastUsedAt: string | null;
                            scopedRoles: string[];
                            updatedAt: string | null;
                            userId: string;
                        };
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.iam.v1.PersonalClientService.Delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.iam.v1.Roles.List": {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            createdAt: string | null;
                            deletedAt: string | null;
                            displayName: string;
                            id: string;
                            name: string;
                            permissions: string[];
                            serviceRoles: string[];
                            systemApiOnly: boolean;
                            systemBuiltin: boolean;
                            updatedAt: string | null;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.iam.v1.Roles.Get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                role_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        role: {
                            createdAt: string | null;
                            deletedAt: string | null;
                            displayName: string;
                            id: string;
                            name: string;
                            permissions: string[];
                            serviceRoles: string[];
                            systemApiOnly: boolean;
                            systemBuiltin: boolean;
                            updatedAt: string | null;
                        };
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.iam.v1.Roles.Update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                role_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    role?: {
                        displayName?: string | null;
                        permissions?: string[] | null;
                        serviceRoles?: string[] | null;
                    } | null;
                    updateMask?: (string | {
                        paths: string[];
                    }) | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        role: {
                            createdAt: string | null;
                            deletedAt: string | null;
                            displayName: string;
                            id: string;
                            name: string;
                            permissions: string[];
                            serviceRoles: string[];
                            systemApiOnly: boolean;
                            systemBuiltin: boolean;
                            updatedAt: string | null;
                        };
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppResourceSearch.SearchAppResourceTypes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    appIds?: string[] | null;
                    appUserIds?: string[] | null;
                    displayName?: string | null;
                    excludeResourceTypeIds?: string[] | null;
                    excludeResourceTypeTraitIds?: string[] | null;
                    pageSize?: number | null;
                    pageToken?: string | null;
                    query?: string | null;
                    resourceTypeIds?: string[] | null;
                    resourceTypeTraitIds?: string[] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            appId: string;
                            createdAt: string | null;
                            deletedAt: string | null;
                            displayName: string;
                            id: string;
                            traitIds: string[];
                            updatedAt: string | null;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppResourceSearch.SearchAppResources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    appId?: string | null;
                    appUserIds?: string[] | null;
                    excludeDeletedResourceBindings?: boolean | null;
                    excludeResourceIds?: string[] | null;
                    excludeResourceTypeTraitIds?: string[] | null;
                    expandMask?: {
                        paths?: string[] | null;
                    } | null;
                    pageSize?: number | null;
                    pageToken?: string | null;
                    query?: string | null;
                    refs?: {
                        appId?: string | null;
                        appResourceTypeId?: string | null;
                        id: string;
                    }[] | null;
                    resourceIds?: string[] | null;
                    resourceTypeIds?: string[] | null;
                    resourceTypeTraitIds?: string[] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        list: {
                            appPath: string;
                            appResource: {
                                appId: string;
                                appResourceTypeId: string;
                                createdAt: string | null;
                                customDescription: string;
                                deletedAt: string | null;
                                description: string;
                                displayName: string;
                                grantCount: string;
                                id: string;
                                matchBatonId: string;
                                parentAppResourceId: string;
                                parentAppResourceTypeId: string;
                                secretTrait: {
                                    identityAppUserId: string;
                                    lastUsedAt: string | null;
                                    secretCreatedAt: string | null;
                                    secretExpiresAt: string | null;
                                } | null;
                                updatedAt: string | null;
                            };
                            parentResourcePath: string;
                            parentResourceTypePath: string;
                            resourceTypePath: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppUserService.Search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    appId?: string | null;
                    appUserDomains?: ("APP_USER_DOMAIN_UNSPECIFIED" | "APP_USER_DOMAIN_EXTERNAL" | "APP_USER_DOMAIN_TRUSTED")[] | null;
                    appUserIds?: string[] | null;
                    appUserStatusDetails?: string[] | null;
                    appUserStatuses?: ("STATUS_UNSPECIFIED" | "STATUS_ENABLED" | "STATUS_DISABLED" | "STATUS_DELETED")[] | null;
                    appUserTypes?: ("APP_USER_TYPE_UNSPECIFIED" | "APP_USER_TYPE_USER" | "APP_USER_TYPE_SERVICE_ACCOUNT" | "APP_USER_TYPE_SYSTEM_ACCOUNT")[] | null;
                    excludeAppUserIds?: string[] | null;
                    expandMask?: {
                        paths?: string[] | null;
                    } | null;
                    pageSize?: number | null;
                    pageToken?: string | null;
                    query?: string | null;
                    refs?: {
                        appId?: string | null;
                        id: string;
                    }[] | null;
                    userIds?: string[] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        list: {
                            appPath: string;
                            appUser: {
                                appId: string;
                                appUserType: string;
                                createdAt: string | null;
                                deletedAt: string | null;
                                displayName: string;
                                email: string;
                                emails: string[];
                                employeeIds: string[];
                                id: string;
                                identityUserId: string;
                                isExternal: boolean;
                                profile: {
                                    [key: string]: unknown;
                                };
                                status: {
                                    details: string;
                                    status: string;
                                };
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                            };
                            identityUserPath: string;
                            lastUsagePath: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppSearch.Search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    appIds?: string[] | null;
                    displayName?: string | null;
                    excludeAppIds?: string[] | null;
                    onlyDirectories?: boolean | null;
                    pageSize?: number | null;
                    pageToken?: string | null;
                    policyRefs?: {
                        id?: string | null;
                    }[] | null;
                    query?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            appAccountId: string;
                            appAccountName: string;
                            appOwners: {
                                createdAt: string | null;
                                delegatedUserId: string;
                                deletedAt: string | null;
                                department: string;
                                departmentSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                directoryIds: string[];
                                directoryStatus: string;
                                directoryStatusSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                displayName: string;
                                email: string;
                                emails: string[];
                                emailSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employeeIds: string[];
                                employeeIdSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employmentStatus: string;
                                employmentStatusSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employmentType: string;
                                employmentTypeSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                id: string;
                                jobTitle: string;
                                jobTitleSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                managerIds: string[];
                                managerSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                profile: {
                                    [key: string]: unknown;
                                };
                                roleIds: string[];
                                status: string;
                                type: string;
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                                usernameSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                            }[];
                            certifyPolicyId: string;
                            connectorVersion: number;
                            createdAt: string | null;
                            defaultRequestCatalogId: string;
                            deletedAt: string | null;
                            description: string;
                            displayName: string;
                            fieldMask: string | null;
                            grantPolicyId: string;
                            iconUrl: string;
                            id: string;
                            identityMatching: string;
                            instructions: string;
                            isDirectory: boolean;
                            isManuallyManaged: boolean;
                            logoUri: string;
                            monthlyCostUsd: number;
                            parentAppId: string;
                            revokePolicyId: string;
                            strictAccessEntitlementProvisioning: boolean;
                            updatedAt: string | null;
                            userCount: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlementSearchService.Search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    accessReviewId?: string | null;
                    alias?: string | null;
                    appIds?: string[] | null;
                    appUserIds?: string[] | null;
                    complianceFrameworkIds?: string[] | null;
                    displayName?: string | null;
                    excludeAppIds?: string[] | null;
                    excludeAppUserIds?: string[] | null;
                    excludedEntitlementRefs?: {
                        appId?: string | null;
                        id: string;
                    }[] | null;
                    excludeImmutable?: boolean | null;
                    excludeResourceTypeIds?: string[] | null;
                    expandMask?: {
                        paths?: string[] | null;
                    } | null;
                    includeDeleted?: boolean | null;
                    isAutomated?: boolean | null;
                    membershipType?: ("APP_ENTITLEMENT_MEMBERSHIP_TYPE_UNSPECIFIED" | "APP_ENTITLEMENT_MEMBERSHIP_TYPE_MEMBER" | "APP_ENTITLEMENT_MEMBERSHIP_TYPE_OWNER" | "APP_ENTITLEMENT_MEMBERSHIP_TYPE_EXCLUSION" | "APP_ENTITLEMENT_MEMBERSHIP_TYPE_ADMIN")[] | null;
                    onlyGetExpiring?: boolean | null;
                    pageSize?: number | null;
                    pageToken?: string | null;
                    policyRefs?: {
                        id?: string | null;
                    }[] | null;
                    query?: string | null;
                    refs?: {
                        appId?: string | null;
                        id: string;
                    }[] | null;
                    resourceIds?: string[] | null;
                    resourceTraitIds?: string[] | null;
                    resourceTypeIds?: string[] | null;
                    riskLevelIds?: string[] | null;
                    sourceConnectorId?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        facets: {
                            count: string;
                            facets: {
                                displayName: string;
                                iconUrl: string;
                                param: string;
                                value: {
                                    values: {
                                        count: string;
                                        displayName: string;
                                        iconUrl: string;
                                        value: string;
                                    }[];
                                };
                            }[];
                        } | null;
                        list: {
                            appEntitlement: {
                                alias: string;
                                appId: string;
                                appResourceId: string;
                                appResourceTypeId: string;
                                certifyPolicyId: string;
                                complianceFrameworkValueIds: string[];
                                createdAt: string | null;
                                defaultValuesApplied: boolean;
                                deletedAt: string | null;
                                deprovisionerPolicy: {
                                    [key: string]: unknown;
                                } | null;
                                description: string;
                                displayName: string;
                                durationGrant: string | null;
                                durationUnset: Record<string, never> | null;
                                emergencyGrantEnabled: boolean;
                                emergencyGrantPolicyId: string;
                                grantCount: string;
                                grantPolicyId: string;
                                id: string;
                                isAutomationEnabled: boolean;
                                isManuallyManaged: boolean;
                                matchBatonId: string;
                                overrideAccessRequestsDefaults: boolean;
                                provisionerPolicy: {
                                    [key: string]: unknown;
                                } | null;
                                purpose: string;
                                requestSchemaId: string;
                                revokePolicyId: string;
                                riskLevelValueId: string;
                                slug: string;
                                sourceConnectorIds: {
                                    [key: string]: string;
                                };
                                systemBuiltin: boolean;
                                updatedAt: string | null;
                                userEditedMask: string | null;
                            };
                            appPath: string;
                            appResourcePath: string;
                            appResourceTypePath: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlementSearchService.SearchGrants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    appIds?: string[] | null;
                    appUserIds?: string[] | null;
                    entitlementRefs?: {
                        appId?: string | null;
                        id: string;
                    }[] | null;
                    expandMask?: {
                        paths?: string[] | null;
                    } | null;
                    pageSize?: number | null;
                    pageToken?: string | null;
                    resourceIds?: string[] | null;
                    resourceTypeIds?: string[] | null;
                    userId?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        list: {
                            appEntitlementUserBinding: {
                                appEntitlementUserBindingCreatedAt: string | null;
                                appEntitlementUserBindingDeprovisionAt: string | null;
                                appUser: {
                                    appPath: string;
                                    appUser: {
                                        appId: string;
                                        appUserType: string;
                                        createdAt: string | null;
                                        deletedAt: string | null;
                                        displayName: string;
                                        email: string;
                                        emails: string[];
                                        employeeIds: string[];
                                        id: string;
                                        identityUserId: string;
                                        isExternal: boolean;
                                        profile: {
                                            [key: string]: unknown;
                                        };
                                        status: {
                                            details: string;
                                            status: string;
                                        };
                                        updatedAt: string | null;
                                        username: string;
                                        usernames: string[];
                                    };
                                    identityUserPath: string;
                                    lastUsagePath: string;
                                };
                                grantSources: {
                                    appId: string;
                                    id: string;
                                }[];
                            };
                            entitlement: {
                                appEntitlement: {
                                    alias: string;
                                    appId: string;
                                    appResourceId: string;
                                    appResourceTypeId: string;
                                    certifyPolicyId: string;
                                    complianceFrameworkValueIds: string[];
                                    createdAt: string | null;
                                    defaultValuesApplied: boolean;
                                    deletedAt: string | null;
                                    deprovisionerPolicy: {
                                        [key: string]: unknown;
                                    } | null;
                                    description: string;
                                    displayName: string;
                                    durationGrant: string | null;
                                    durationUnset: Record<string, never> | null;
                                    emergencyGrantEnabled: boolean;
                                    emergencyGrantPolicyId: string;
                                    grantCount: string;
                                    grantPolicyId: string;
                                    id: string;
                                    isAutomationEnabled: boolean;
                                    isManuallyManaged: boolean;
                                    matchBatonId: string;
                                    overrideAccessRequestsDefaults: boolean;
                                    provisionerPolicy: {
                                        [key: string]: unknown;
                                    } | null;
                                    purpose: string;
                                    requestSchemaId: string;
                                    revokePolicyId: string;
                                    riskLevelValueId: string;
                                    slug: string;
                                    sourceConnectorIds: {
                                        [key: string]: string;
                                    };
                                    systemBuiltin: boolean;
                                    updatedAt: string | null;
                                    userEditedMask: string | null;
                                };
                                appPath: string;
                                appResourcePath: string;
                                appResourceTypePath: string;
                            };
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.iam.v1.PersonalClientSearchService.Search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    pageSize?: number | null;
                    pageToken?: string | null;
                    query?: string | null;
                    users?: {
                        id?: string | null;
                    }[] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            allowSourceCidr: string[];
                            clientId: string;
                            createdAt: string | null;
                            deletedAt: string | null;
                            displayName: string;
                            expiresTime: string | null;
                            id: string;
                            lastUsedAt: string | null;
                            scopedRoles: string[];
                            updatedAt: string | null;
                            userId: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.app.v1.AppEntitlementUserBindingService.SearchPastGrants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    appEntitlementRefs?: {
                        appId?: string | null;
                        id: string;
                    }[] | null;
                    appIds?: string[] | null;
                    appUserRefs?: {
                        appId?: string | null;
                        id: string;
                    }[] | null;
                    expandMask?: {
                        paths?: string[] | null;
                    } | null;
                    pageSize?: number | null;
                    pageToken?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        list: {
                            appPath: string;
                            appUserPath: string;
                            entitlementPath: string;
                            history: {
                                appEntitlementId: string;
                                appId: string;
                                appUserId: string;
                                grantedAt: string | null;
                                revokedAt: string | null;
                            };
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.user.v1.UserSearch.Search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email?: string | null;
                    excludeIds?: string[] | null;
                    excludeTypes?: string[] | null;
                    expandMask?: {
                        paths?: string[];
                    } | null;
                    ids?: string[] | null;
                    pageSize?: number | null;
                    pageToken?: string | null;
                    query?: string | null;
                    refs?: {
                        id: string;
                    }[] | null;
                    roleIds?: string[] | null;
                    userStatuses?: string[] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        list: {
                            delegatedUserPath: string;
                            directoriesPath: string;
                            managersPath: string;
                            rolesPath: string;
                            user: {
                                createdAt: string | null;
                                delegatedUserId: string;
                                deletedAt: string | null;
                                department: string;
                                departmentSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                directoryIds: string[];
                                directoryStatus: string;
                                directoryStatusSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                displayName: string;
                                email: string;
                                emails: string[];
                                emailSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employeeIds: string[];
                                employeeIdSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employmentStatus: string;
                                employmentStatusSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employmentType: string;
                                employmentTypeSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                id: string;
                                jobTitle: string;
                                jobTitleSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                managerIds: string[];
                                managerSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                profile: {
                                    [key: string]: unknown;
                                };
                                roleIds: string[];
                                status: string;
                                type: string;
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                                usernameSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                            };
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.systemlog.v1.SystemLogService.ListEvents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    pageSize?: number | null;
                    pageToken?: string | null;
                    since?: string | null;
                    sinceEventUid?: string | null;
                    sortDirection?: ("SORT_DIRECTION_UNSPECIFIED" | "SORT_DIRECTION_ASC" | "SORT_DIRECTION_DESC") | null;
                    until?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            [key: string]: unknown;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.user.v1.UserService.List": {
        parameters: {
            query?: {
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        list: {
                            delegatedUserPath: string;
                            directoriesPath: string;
                            managersPath: string;
                            rolesPath: string;
                            user: {
                                createdAt: string | null;
                                delegatedUserId: string;
                                deletedAt: string | null;
                                department: string;
                                departmentSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                directoryIds: string[];
                                directoryStatus: string;
                                directoryStatusSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                displayName: string;
                                email: string;
                                emails: string[];
                                emailSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employeeIds: string[];
                                employeeIdSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employmentStatus: string;
                                employmentStatusSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employmentType: string;
                                employmentTypeSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                id: string;
                                jobTitle: string;
                                jobTitleSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                managerIds: string[];
                                managerSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                profile: {
                                    [key: string]: unknown;
                                };
                                roleIds: string[];
                                status: string;
                                type: string;
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                                usernameSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                            };
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "c1.api.user.v1.UserService.Get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expanded: unknown[];
                        userView: {
                            delegatedUserPath: string;
                            directoriesPath: string;
                            managersPath: string;
                            rolesPath: string;
                            user: {
                                createdAt: string | null;
                                delegatedUserId: string;
                                deletedAt: string | null;
                                department: string;
                                departmentSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                directoryIds: string[];
                                directoryStatus: string;
                                directoryStatusSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                displayName: string;
                                email: string;
                                emails: string[];
                                emailSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employeeIds: string[];
                                employeeIdSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employmentStatus: string;
                                employmentStatusSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                employmentType: string;
                                employmentTypeSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                id: string;
                                jobTitle: string;
                                jobTitleSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                managerIds: string[];
                                managerSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                                profile: {
                                    [key: string]: unknown;
                                };
                                roleIds: string[];
                                status: string;
                                type: string;
                                updatedAt: string | null;
                                username: string;
                                usernames: string[];
                                usernameSources: {
                                    appId: string;
                                    appUserId: string;
                                    appUserProfileAttributeKey: string;
                                    userAttributeMappingId: string;
                                    value: string;
                                }[];
                            };
                        };
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "roster.auth.v1.Token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        error_description: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access_token: string;
                        expires_in: number;
                        token_type: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "roster.console.Options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        idleMinutes: number;
                        oidc: boolean;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "roster.console.ResolvePeople": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    lines: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        people: {
                            displayName: string;
                            email: string;
                            input: string;
                            userId: string;
                        }[];
                        unresolved: {
                            input: string;
                            reason: string;
                        }[];
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "roster.console.Session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description send it in the x-csrf-token header of every change */
                        csrfToken: string;
                        /**
                         * Format: date-time
                         * @description the absolute end of the session
                         */
                        expiresAt: string;
                        /** @description the session ends after this long unused */
                        idleMinutes: number;
                        method: "client_secret" | "oidc";
                        /** @description held only on the apps, entitlements and resources the user owns */
                        ownedPermissions: string[];
                        permissions: string[];
                        roleIds: string[];
                        user: {
                            displayName: string;
                            email: string;
                            id: string;
                        };
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "roster.console.SignIn": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    clientId: string;
                    clientSecret: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description send it in the x-csrf-token header of every change */
                        csrfToken: string;
                        /**
                         * Format: date-time
                         * @description the absolute end of the session
                         */
                        expiresAt: string;
                        /** @description the session ends after this long unused */
                        idleMinutes: number;
                        method: "client_secret" | "oidc";
                        /** @description held only on the apps, entitlements and resources the user owns */
                        ownedPermissions: string[];
                        permissions: string[];
                        roleIds: string[];
                        user: {
                            displayName: string;
                            email: string;
                            id: string;
                        };
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "roster.console.SignOut": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "roster.console.OidcCallback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "roster.console.OidcStart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "roster.ops.Health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "roster.ops.Metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus exposition */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "roster.ops.Ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        database: string;
                        status: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "roster.v1.Members.List": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_entitlement_id: string;
                app_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        unlinkedAppUserIds: string[];
                        userIds: string[];
                        version: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "roster.v1.Members.Set": {
        parameters: {
            query?: {
                /** @description Show the users it would add and remove, and write nothing. */
                dryRun?: boolean;
            };
            header?: {
                /** @description The ETag of the member list this replaces; needed unless dryRun. */
                "if-match"?: string;
            };
            path: {
                app_entitlement_id: string;
                app_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    userIds: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bulkActionId: string;
                        dryRun: boolean;
                        failedUsersErrorMap: {
                            [key: string]: string;
                        };
                        toAdd: string[];
                        toRemove: string[];
                        version: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "roster.v1.BulkActions.List": {
        parameters: {
            query?: {
                app_entitlement_id?: string;
                app_id?: string;
                page_size?: number;
                page_token?: string;
                state?: "BULK_ACTION_STATE_PENDING" | "BULK_ACTION_STATE_RUNNING" | "BULK_ACTION_STATE_SUCCEEDED" | "BULK_ACTION_STATE_PARTIALLY_FAILED" | "BULK_ACTION_STATE_FAILED" | "BULK_ACTION_STATE_CANCELLED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            appEntitlementId: string;
                            appId: string;
                            completedAt: string | null;
                            createdAt: string;
                            failed: number;
                            id: string;
                            kind: string;
                            processed: number;
                            state: string;
                            succeeded: number;
                            total: number;
                            updatedAt: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "roster.v1.BulkActions.Get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bulkAction: {
                            appEntitlementId: string;
                            appId: string;
                            completedAt: string | null;
                            createdAt: string;
                            failed: number;
                            id: string;
                            kind: string;
                            processed: number;
                            state: string;
                            succeeded: number;
                            total: number;
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "roster.v1.BulkActions.Cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bulkAction: {
                            appEntitlementId: string;
                            appId: string;
                            completedAt: string | null;
                            createdAt: string;
                            failed: number;
                            id: string;
                            kind: string;
                            processed: number;
                            state: string;
                            succeeded: number;
                            total: number;
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "roster.v1.BulkActions.ListItems": {
        parameters: {
            query?: {
                outcome?: "ADDED" | "ALREADY_MEMBER" | "FAILED";
                page_size?: number;
                page_token?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            appUserCreated: boolean;
                            appUserId: string;
                            error: string;
                            outcome: string;
                            userId: string;
                        }[];
                        nextPageToken: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "roster.v1.Limits.Get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        limits: {
                            bulkActionRetentionDays: number;
                            defaultPageSize: number;
                            idempotencyKeyTtlSeconds: number;
                            maxAddRequestBytes: number;
                            maxAddUserIds: number;
                            maxImportUsers: number;
                            maxPageSize: number;
                            maxStringLengths: {
                                [key: string]: number;
                            };
                        };
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "roster.v1.SystemLog.Export": {
        parameters: {
            query?: {
                /** @description inclusive */
                since?: string;
                /** @description exclusive */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one OCSF event per line */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "roster.v1.Users.Create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName: string;
                    email: string;
                    roleIds?: string[];
                    username?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            createdAt: string | null;
                            delegatedUserId: string;
                            deletedAt: string | null;
                            department: string;
                            departmentSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            directoryIds: string[];
                            directoryStatus: string;
                            directoryStatusSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            displayName: string;
                            email: string;
                            emails: string[];
                            emailSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            employeeIds: string[];
                            employeeIdSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            employmentStatus: string;
                            employmentStatusSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            employmentType: string;
                            employmentTypeSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            id: string;
                            jobTitle: string;
                            jobTitleSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            managerIds: string[];
                            managerSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            profile: {
                                [key: string]: unknown;
                            };
                            roleIds: string[];
                            status: string;
                            type: string;
                            updatedAt: string | null;
                            username: string;
                            usernames: string[];
                            usernameSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "roster.v1.Users.Update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName?: string;
                    email?: string;
                    roleIds?: string[];
                    username?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            createdAt: string | null;
                            delegatedUserId: string;
                            deletedAt: string | null;
                            department: string;
                            departmentSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            directoryIds: string[];
                            directoryStatus: string;
                            directoryStatusSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            displayName: string;
                            email: string;
                            emails: string[];
                            emailSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            employeeIds: string[];
                            employeeIdSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            employmentStatus: string;
                            employmentStatusSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            employmentType: string;
                            employmentTypeSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            id: string;
                            jobTitle: string;
                            jobTitleSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            managerIds: string[];
                            managerSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                            profile: {
                                [key: string]: unknown;
                            };
                            roleIds: string[];
                            status: string;
                            type: string;
                            updatedAt: string | null;
                            username: string;
                            usernames: string[];
                            usernameSources: {
                                appId: string;
                                appUserId: string;
                                appUserProfileAttributeKey: string;
                                userAttributeMappingId: string;
                                value: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "roster.v1.Users.CreatePersonalClient": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    allowSourceCidr?: string[] | null;
                    displayName?: string | null;
                    expires?: string | null;
                    scopedRoles?: string[] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        client: {
                            allowSourceCidr: string[];
                            clientId: string;
                            createdAt: string | null;
                            deletedAt: string | null;
                            displayName: string;
                            expiresTime: string | null;
                            id: string;
                            lastUsedAt: string | null;
                            scopedRoles: string[];
                            updatedAt: string | null;
                            userId: string;
                        };
                        clientSecret: string;
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
    "roster.v1.Users.Import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        userIds: string[];
                    };
                };
            };
            /** @description Error: the status code and body of CONTRACT.md §7.1; `details[0].reason` names the error and `details[0].metadata` carries its particulars. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description gRPC status code */
                        code: number;
                        details: {
                            "@type": string;
                            domain: string;
                            metadata: {
                                [key: string]: string;
                            };
                            reason: string;
                        }[];
                        message: string;
                    };
                };
            };
        };
    };
}
