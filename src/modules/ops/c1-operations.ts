/**
 * The ConductorOne API operations Roster serves, as the official spec names and describes them
 * (docs/conductorone-subset.openapi.json), keyed by `METHOD path` in the spec's `{param}` form;
 * generated SDKs name their methods after the operationIds. Where the spec's description only says
 * which method it invokes, the description says what Roster does.
 */
export interface OperationDoc {
  readonly operationId: string;
  readonly tag: string;
  readonly summary: string;
  readonly description: string;
}

export const C1_OPERATIONS: Readonly<Record<string, OperationDoc>> = {
  'GET /api/v1/apps': {
    operationId: 'c1.api.app.v1.Apps.List',
    tag: 'App',
    summary: 'List',
    description: 'List all apps.',
  },
  'POST /api/v1/apps': {
    operationId: 'c1.api.app.v1.Apps.Create',
    tag: 'App',
    summary: 'Create',
    description: 'Create a new manual app without a connector.',
  },
  'GET /api/v1/apps/{app_id}/app_users': {
    operationId: 'c1.api.app.v1.AppUserService.List',
    tag: 'AppUsers',
    summary: 'List',
    description: "List the app's users (accounts in the app), linked or not to a ConductorOne user.",
  },
  'GET /api/v1/apps/{app_id}/entitlements': {
    operationId: 'c1.api.app.v1.AppEntitlements.List',
    tag: 'App Entitlement',
    summary: 'List',
    description: 'List app entitlements associated with an app.',
  },
  'POST /api/v1/apps/{app_id}/entitlements': {
    operationId: 'c1.api.app.v1.AppEntitlements.Create',
    tag: 'App Entitlement',
    summary: 'Create',
    description: 'Create an entitlement in a manually managed app.',
  },
  'GET /api/v1/apps/{app_id}/entitlements/resource_types/{app_resource_type_id}/resources/{app_resource_id}':
    {
      operationId: 'c1.api.app.v1.AppEntitlements.ListForAppResource',
      tag: 'App Entitlement',
      summary: 'List For App Resource',
      description: 'List app entitlements associated with an app resource.',
    },
  'GET /api/v1/apps/{app_id}/entitlements/users/{app_user_id}': {
    operationId: 'c1.api.app.v1.AppEntitlements.ListForAppUser',
    tag: 'App Entitlement',
    summary: 'List For App User',
    description: 'List app entitlements associated with an app user.',
  },
  'POST /api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/add-manual-user': {
    operationId: 'c1.api.app.v1.AppEntitlements.AddManuallyManagedMembers',
    tag: 'App Entitlement',
    summary: 'Add Manually Managed Members',
    description:
      'Grant the entitlement to ConductorOne users: validates every user ID, commits a bulk action and answers at once; the bulk action grants in batches (CONTRACT.md §6). Takes `?dryRun=true` and an `Idempotency-Key` header.',
  },
  'GET /api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/grants': {
    operationId: 'c1.api.app.v1.AppEntitlementSearchService.SearchAppEntitlementsWithExpired',
    tag: 'App Entitlement',
    summary: 'Search App Entitlements With Expired',
    description: 'Search app entitlements, include app users, users, expires, discovered.',
  },
  'DELETE /api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/remove-membership': {
    operationId: 'c1.api.app.v1.AppEntitlements.RemoveEntitlementMembership',
    tag: 'App Entitlement',
    summary: 'Remove Entitlement Membership',
    description:
      'Revoke the entitlement from app users (by app-user ID), recording a REMOVED grant event each. Takes an `Idempotency-Key` header.',
  },
  'GET /api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/users': {
    operationId: 'c1.api.app.v1.AppEntitlements.ListUsers',
    tag: 'App Entitlement',
    summary: 'List Users',
    description: 'List the users, as AppEntitlementUsers objects, of an app entitlement.',
  },
  'POST /api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/users/{app_user_id}/remove-grant-duration': {
    operationId: 'c1.api.app.v1.AppEntitlementUserBindingService.RemoveGrantDuration',
    tag: 'App Entitlement User Binding',
    summary: 'Remove Grant Duration',
    description: "Make an app user's grant of the entitlement permanent again.",
  },
  'POST /api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/users/{app_user_id}/update-grant-duration': {
    operationId: 'c1.api.app.v1.AppEntitlementUserBindingService.UpdateGrantDuration',
    tag: 'App Entitlement User Binding',
    summary: 'Update Grant Duration',
    description:
      "Set when an app user's grant of the entitlement expires (`deprovisionAt` or `grantDuration`).",
  },
  'GET /api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/users/{identity_user_id}/grants': {
    operationId: 'c1.api.app.v1.AppEntitlementUserBindingService.ListAppUsersForIdentityWithGrant',
    tag: 'App Entitlement User Binding',
    summary: 'List App Users For Identity With Grant',
    description:
      'Returns a list of app users for the identity in the app. If that app user also has a grant to the entitlement from the request, data about the grant is also returned. It will always return ALL app users for this identity, but only SOME may have grant data.',
  },
  'GET /api/v1/apps/{app_id}/entitlements/{entitlement_id}/owners': {
    operationId: 'c1.api.app.v1.AppEntitlementOwners.List',
    tag: 'App Entitlement Owner',
    summary: 'List',
    description: 'List owners for a given app entitlement.',
  },
  'POST /api/v1/apps/{app_id}/entitlements/{entitlement_id}/owners': {
    operationId: 'c1.api.app.v1.AppEntitlementOwners.Add',
    tag: 'App Entitlement Owner',
    summary: 'Add',
    description: 'Add an owner to a given app entitlement.',
  },
  'PUT /api/v1/apps/{app_id}/entitlements/{entitlement_id}/owners': {
    operationId: 'c1.api.app.v1.AppEntitlementOwners.Set',
    tag: 'App Entitlement Owner',
    summary: 'Set',
    description: 'Sets the owners for a given app entitlement to the specified list of users.',
  },
  'DELETE /api/v1/apps/{app_id}/entitlements/{entitlement_id}/owners/{user_id}': {
    operationId: 'c1.api.app.v1.AppEntitlementOwners.Remove',
    tag: 'App Entitlement Owner',
    summary: 'Remove',
    description: 'Remove an owner from a given app entitlement.',
  },
  'DELETE /api/v1/apps/{app_id}/entitlements/{id}': {
    operationId: 'c1.api.app.v1.AppEntitlements.Delete',
    tag: 'App Entitlement',
    summary: 'Delete',
    description: 'Delete an entitlement and revoke its grants.',
  },
  'GET /api/v1/apps/{app_id}/entitlements/{id}': {
    operationId: 'c1.api.app.v1.AppEntitlements.Get',
    tag: 'App Entitlement',
    summary: 'Get',
    description: 'Get an app entitlement by ID.',
  },
  'POST /api/v1/apps/{app_id}/entitlements/{id}': {
    operationId: 'c1.api.app.v1.AppEntitlements.Update',
    tag: 'App Entitlement',
    summary: 'Update',
    description: 'Update an app entitlement by ID.',
  },
  'GET /api/v1/apps/{app_id}/owners': {
    operationId: 'c1.api.app.v1.AppOwners.List',
    tag: 'App Owner',
    summary: 'List',
    description: 'List owners of an app.',
  },
  'PUT /api/v1/apps/{app_id}/owners': {
    operationId: 'c1.api.app.v1.AppOwners.Set',
    tag: 'App Owner',
    summary: 'Set',
    description: 'Sets the owners for a given app to the specified list of users.',
  },
  'DELETE /api/v1/apps/{app_id}/owners/{user_id}': {
    operationId: 'c1.api.app.v1.AppOwners.Remove',
    tag: 'App Owner',
    summary: 'Remove',
    description: 'Removes an owner from an app.',
  },
  'POST /api/v1/apps/{app_id}/owners/{user_id}': {
    operationId: 'c1.api.app.v1.AppOwners.Add',
    tag: 'App Owner',
    summary: 'Add',
    description: 'Adds an owner to an app.',
  },
  'GET /api/v1/apps/{app_id}/resource_types': {
    operationId: 'c1.api.app.v1.AppResourceTypeService.List',
    tag: 'App Resource Type',
    summary: 'List',
    description: 'List app resource types.',
  },
  'POST /api/v1/apps/{app_id}/resource_types': {
    operationId: 'c1.api.app.v1.AppResourceTypeService.CreateManuallyManagedResourceType',
    tag: 'App Resource Type',
    summary: 'Create Manually Managed Resource Type',
    description: 'Create a resource type in a manually managed app.',
  },
  'GET /api/v1/apps/{app_id}/resource_types/{app_resource_type_id}/resources': {
    operationId: 'c1.api.app.v1.AppResourceService.List',
    tag: 'App Resource',
    summary: 'List',
    description: 'List the resources of a resource type.',
  },
  'POST /api/v1/apps/{app_id}/resource_types/{app_resource_type_id}/resources': {
    operationId: 'c1.api.app.v1.AppResourceService.CreateManuallyManagedAppResource',
    tag: 'App Resource',
    summary: 'Create Manually Managed App Resource',
    description: 'Create a resource of a resource type in a manually managed app.',
  },
  'DELETE /api/v1/apps/{app_id}/resource_types/{app_resource_type_id}/resources/{id}': {
    operationId: 'c1.api.app.v1.AppResourceService.DeleteManuallyManagedAppResource',
    tag: 'App Resource',
    summary: 'Delete Manually Managed App Resource',
    description: 'Delete a resource, its entitlements and their grants.',
  },
  'GET /api/v1/apps/{app_id}/resource_types/{app_resource_type_id}/resources/{id}': {
    operationId: 'c1.api.app.v1.AppResourceService.Get',
    tag: 'App Resource',
    summary: 'Get',
    description: 'Get a resource by ID.',
  },
  'POST /api/v1/apps/{app_id}/resource_types/{app_resource_type_id}/resources/{id}': {
    operationId: 'c1.api.app.v1.AppResourceService.Update',
    tag: 'App Resource',
    summary: 'Update',
    description: 'Update a resource; only the fields named in `updateMask` change.',
  },
  'DELETE /api/v1/apps/{app_id}/resource_types/{id}': {
    operationId: 'c1.api.app.v1.AppResourceTypeService.DeleteManuallyManagedResourceType',
    tag: 'App Resource Type',
    summary: 'Delete Manually Managed Resource Type',
    description: 'Delete a resource type, its resources, their entitlements and grants.',
  },
  'GET /api/v1/apps/{app_id}/resource_types/{id}': {
    operationId: 'c1.api.app.v1.AppResourceTypeService.Get',
    tag: 'App Resource Type',
    summary: 'Get',
    description: 'Get an app resource type.',
  },
  'POST /api/v1/apps/{app_id}/resource_types/{id}': {
    operationId: 'c1.api.app.v1.AppResourceTypeService.UpdateManuallyManagedResourceType',
    tag: 'App Resource Type',
    summary: 'Update Manually Managed Resource Type',
    description: 'Update a resource type; only the fields named in `updateMask` change.',
  },
  'DELETE /api/v1/apps/{app_id}/resource_types/{resource_type_id}/resource/{resource_id}/owners': {
    operationId: 'c1.api.app.v1.AppResourceOwners.Remove',
    tag: 'App Resource Owner',
    summary: 'Remove',
    description: 'Remove an owner from a resource.',
  },
  'GET /api/v1/apps/{app_id}/resource_types/{resource_type_id}/resource/{resource_id}/owners': {
    operationId: 'c1.api.app.v1.AppResourceOwners.List',
    tag: 'App Resource Owner',
    summary: 'List',
    description: 'List all owners of an app resource.',
  },
  'POST /api/v1/apps/{app_id}/resource_types/{resource_type_id}/resource/{resource_id}/owners': {
    operationId: 'c1.api.app.v1.AppResourceOwners.Add',
    tag: 'App Resource Owner',
    summary: 'Add',
    description: 'Add an owner to a resource.',
  },
  'GET /api/v1/apps/{app_id}/users/{user_id}/app_users': {
    operationId: 'c1.api.app.v1.AppUserService.ListAppUsersForUser',
    tag: 'AppUsers',
    summary: 'List App Users For User',
    description: "List a ConductorOne user's app users in the app.",
  },
  'POST /api/v1/apps/{app_user_app_id}/app_users/{app_user_id}': {
    operationId: 'c1.api.app.v1.AppUserService.Update',
    tag: 'AppUsers',
    summary: 'Update',
    description:
      'Update an app user by ID. Only the fields specified in the update mask are updated. Currently, only the appUserType, and identityUserId fields can be updated.',
  },
  'DELETE /api/v1/apps/{id}': {
    operationId: 'c1.api.app.v1.Apps.Delete',
    tag: 'App',
    summary: 'Delete',
    description: 'Delete an app.',
  },
  'GET /api/v1/apps/{id}': {
    operationId: 'c1.api.app.v1.Apps.Get',
    tag: 'App',
    summary: 'Get',
    description: 'Get an app by ID.',
  },
  'POST /api/v1/apps/{id}': {
    operationId: 'c1.api.app.v1.Apps.Update',
    tag: 'App',
    summary: 'Update',
    description: 'Update an existing app.',
  },
  'GET /api/v1/auth/introspect': {
    operationId: 'c1.api.auth.v1.Auth.Introspect',
    tag: 'Auth',
    summary: 'Introspect',
    description:
      "Introspect returns the current user's principle_id, user_id and a list of roles, permissions, and enabled features.",
  },
  'POST /api/v1/grants/feed': {
    operationId: 'c1.api.app.v1.AppEntitlementUserBindingService.SearchGrantFeed',
    tag: 'App Entitlement User Binding Feed',
    summary: 'Search Grant Feed',
    description: 'Grant and revocation events in time order, in pages, for keeping an external copy in step.',
  },
  'GET /api/v1/iam/personal_clients': {
    operationId: 'c1.api.iam.v1.PersonalClientService.List',
    tag: 'Personal Client',
    summary: 'NOTE: Only shows personal clients for the current user.',
    description: "List the caller's personal API clients (secrets are never shown again).",
  },
  'POST /api/v1/iam/personal_clients': {
    operationId: 'c1.api.iam.v1.PersonalClientService.Create',
    tag: 'Personal Client',
    summary: 'Create',
    description: 'Create creates a new PersonalClient object for the current User.',
  },
  'DELETE /api/v1/iam/personal_clients/{id}': {
    operationId: 'c1.api.iam.v1.PersonalClientService.Delete',
    tag: 'Personal Client',
    summary: 'Delete',
    description: "Delete one of the caller's API clients; its tokens stop working.",
  },
  'GET /api/v1/iam/personal_clients/{id}': {
    operationId: 'c1.api.iam.v1.PersonalClientService.Get',
    tag: 'Personal Client',
    summary: 'Get',
    description: "Get one of the caller's API clients.",
  },
  'POST /api/v1/iam/personal_clients/{id}': {
    operationId: 'c1.api.iam.v1.PersonalClientService.Update',
    tag: 'Personal Client',
    summary: 'Update',
    description: "Update one of the caller's API clients; only the fields named in `updateMask` change.",
  },
  'GET /api/v1/iam/roles': {
    operationId: 'c1.api.iam.v1.Roles.List',
    tag: 'Role',
    summary: 'List',
    description: 'List all roles for the current user.',
  },
  'GET /api/v1/iam/roles/{role_id}': {
    operationId: 'c1.api.iam.v1.Roles.Get',
    tag: 'Role',
    summary: 'Get',
    description: 'Get a role by id.',
  },
  'POST /api/v1/iam/roles/{role_id}': {
    operationId: 'c1.api.iam.v1.Roles.Update',
    tag: 'Role',
    summary: 'Update',
    description: 'Update a role by passing a Role object.',
  },
  'POST /api/v1/search/app_resource_types': {
    operationId: 'c1.api.app.v1.AppResourceSearch.SearchAppResourceTypes',
    tag: 'App Resource',
    summary: 'Search App Resource Types',
    description: 'Search app resources based on filters specified in the request body.',
  },
  'POST /api/v1/search/app_resources': {
    operationId: 'c1.api.app.v1.AppResourceSearch.SearchAppResources',
    tag: 'App Resource',
    summary: 'Search App Resources',
    description: 'Search resources by app, resource type, IDs and text.',
  },
  'POST /api/v1/search/app_users': {
    operationId: 'c1.api.app.v1.AppUserService.Search',
    tag: 'AppUsers',
    summary: 'Search',
    description: 'Search app users based on filters specified in the request body.',
  },
  'POST /api/v1/search/apps': {
    operationId: 'c1.api.app.v1.AppSearch.Search',
    tag: 'App',
    summary: 'Search',
    description: 'Search apps based on filters specified in the request body.',
  },
  'POST /api/v1/search/entitlements': {
    operationId: 'c1.api.app.v1.AppEntitlementSearchService.Search',
    tag: 'App Entitlement',
    summary: 'Search',
    description: 'Search app entitlements based on filters specified in the request body.',
  },
  'POST /api/v1/search/grants': {
    operationId: 'c1.api.app.v1.AppEntitlementSearchService.SearchGrants',
    tag: 'App Entitlement',
    summary: 'Search Grants',
    description: 'Search live grants by app, entitlement, app user and user.',
  },
  'POST /api/v1/search/iam/personal_clients': {
    operationId: 'c1.api.iam.v1.PersonalClientSearchService.Search',
    tag: 'Personal Client',
    summary: 'NOTE: Searches personal clients for all users',
    description: 'Search API clients across users (admins only).',
  },
  'POST /api/v1/search/past-grants': {
    operationId: 'c1.api.app.v1.AppEntitlementUserBindingService.SearchPastGrants',
    tag: 'App Entitlement User Binding History',
    summary: 'Search Past Grants',
    description: 'Search revoked and expired grants.',
  },
  'POST /api/v1/search/users': {
    operationId: 'c1.api.user.v1.UserSearch.Search',
    tag: 'User',
    summary: 'Search',
    description: 'Search users based on filters specified in the request body.',
  },
  'GET /api/v1/policies': {
    operationId: 'c1.api.policy.v1.Policies.List',
    tag: 'Policy',
    summary: 'List',
    description: 'List policies: the built-in default grant policy and every live policy, in ID order.',
  },
  'POST /api/v1/policies': {
    operationId: 'c1.api.policy.v1.Policies.Create',
    tag: 'Policy',
    summary: 'Create',
    description:
      'Create a policy of type GRANT, REVOKE or CERTIFY. Steps Roster does not run (expression, webhook and agent approvals, step-up, connector provisioning, forms, wait conditions, rules) are refused with 400 UNSUPPORTED_POLICY_FIELD naming the field.',
  },
  'DELETE /api/v1/policies/{id}': {
    operationId: 'c1.api.policy.v1.Policies.Delete',
    tag: 'Policy',
    summary: 'Delete',
    description:
      'Delete a policy by ID. Refused while an app, entitlement or policy names it, and for the built-in policy.',
  },
  'GET /api/v1/policies/{id}': {
    operationId: 'c1.api.policy.v1.Policies.Get',
    tag: 'Policy',
    summary: 'Get',
    description: 'Get a policy by ID.',
  },
  'POST /api/v1/policies/{id}': {
    operationId: 'c1.api.policy.v1.Policies.Update',
    tag: 'Policy',
    summary: 'Update',
    description: 'Update a policy by providing a policy object and an update mask.',
  },
  'POST /api/v1/search/policies': {
    operationId: 'c1.api.policy.v1.PolicySearch.Search',
    tag: 'Policy',
    summary: 'Search',
    description: 'Search policies based on filters specified in the request body.',
  },
  'POST /api/v1/search/tasks': {
    operationId: 'c1.api.task.v1.TaskSearchService.Search',
    tag: 'Task',
    summary: 'Search',
    description:
      'Search tasks, newest first unless sortBy asks for oldest first. A caller who reads no task (not a Read-Only or Super Admin) finds only tasks it opened, is the subject of, or may act or has acted on.',
  },
  'POST /api/v1/task/audits': {
    operationId: 'c1.api.task.v1.TaskAudit.List',
    tag: 'Task',
    summary: 'List',
    description:
      "A task's audit trail, oldest first: created, steps started, fallbacks, approvals, denials, comments, outcome and state change, each with its actor and time.",
  },
  'POST /api/v1/task/grant': {
    operationId: 'c1.api.task.v1.TaskService.CreateGrantTask',
    tag: 'Task',
    summary: 'Create Grant Task',
    description:
      "Request access to a manually managed entitlement, for oneself (anyone signed in) or for someone else (Super Admins, App Admins of the app, the person's manager). The entitlement's grant policy decides it; without one, the app's owners approve.",
  },
  'POST /api/v1/task/revoke': {
    operationId: 'c1.api.task.v1.TaskService.CreateRevokeTask',
    tag: 'Task',
    summary: 'Create Revoke Task',
    description:
      'Request that access be removed; without a revoke policy on the entitlement it is removed at once.',
  },
  'POST /api/v1/task/offboarding': {
    operationId: 'c1.api.task.v1.TaskService.CreateOffboardingTask',
    tag: 'Task',
    summary: 'Create Offboarding Task',
    description:
      'Offboard a person (Super Admins): every grant they hold, in every app, is revoked in one transaction, each naming the task in the grant history, and the task closes at once with OFFBOARDING_OUTCOME_DONE. A person who holds nothing is refused (GRANT_NOT_FOUND).',
  },
  'GET /api/v1/tasks/{id}': {
    operationId: 'c1.api.task.v1.TaskService.Get',
    tag: 'Task',
    summary: 'Get',
    description: 'Get a task by ID or by its number (numericId). A task the caller may not see is not found.',
  },
  'POST /api/v1/tasks/{task_id}/action/approve': {
    operationId: 'c1.api.task.v1.TaskActionsService.Approve',
    tag: 'Task',
    summary: 'Approve',
    description:
      "Approve the current step (policyStepId), or on a manual provision step confirm the account exists. The last step's approval grants or revokes in the same transaction, naming the task in the grant history.",
  },
  'POST /api/v1/tasks/{task_id}/action/close': {
    operationId: 'c1.api.task.v1.TaskActionsService.Close',
    tag: 'Task',
    summary: 'Close',
    description: 'Close an open task without its outcome (the requester, the subject or an administrator).',
  },
  'POST /api/v1/tasks/{task_id}/action/comment': {
    operationId: 'c1.api.task.v1.TaskActionsService.Comment',
    tag: 'Task',
    summary: 'Comment',
    description: 'Add a comment to the audit trail of a task the caller may see.',
  },
  'POST /api/v1/tasks/{task_id}/action/deny': {
    operationId: 'c1.api.task.v1.TaskActionsService.Deny',
    tag: 'Task',
    summary: 'Deny',
    description:
      'Deny the current step (policyStepId); the task closes denied and nothing is granted or revoked.',
  },
  'POST /api/v1/tasks/{task_id}/action/reassign': {
    operationId: 'c1.api.task.v1.TaskActionsService.Reassign',
    tag: 'Task',
    summary: 'Reassign',
    description:
      "Make newStepUserIds the approvers of the current step (policyStepId), which gets a new step ID. An approver may when the step's approval allows reassignment, a Super Admin always; the new users must be live, among allowedReassignees when it lists any, and never the requester unless the step allows self-approval.",
  },
  'POST /api/v1/tasks/{task_id}/action/escalate': {
    operationId: 'c1.api.task.v1.TaskActionsService.EscalateToEmergencyAccess',
    tag: 'Task',
    summary: 'Escalate To Emergency Access',
    description:
      "Move an open grant task onto its entitlement's emergency grant policy (the requester or a Super Admin): the task becomes emergency access and that policy runs from its first step. Refused when the entitlement has no emergencyGrantPolicyId (EMERGENCY_ACCESS_UNAVAILABLE).",
  },
  'POST /api/v1/tasks/{task_id}/action/process': {
    operationId: 'c1.api.task.v1.TaskActionsService.ProcessNow',
    tag: 'Task',
    summary: 'Process Now',
    description:
      "Make the current step's timer fire now (Super Admins): a wait step ends and the policy continues, an approval with an escalation escalates. Refused when the step waits for nothing timed (TASK_NOTHING_TO_PROCESS).",
  },
  'POST /api/v1/tasks/{task_id}/action/restart': {
    operationId: 'c1.api.task.v1.TaskActionsService.Restart',
    tag: 'Task',
    summary: 'Restart',
    description:
      "Start an open task's policy again from its first step (the requester or a Super Admin); the current step ends restarted and earlier decisions stay in the history.",
  },
  'POST /api/v1/tasks/{task_id}/action/skip-step': {
    operationId: 'c1.api.task.v1.TaskActionsService.SkipStep',
    tag: 'Task',
    summary: 'Skip Step',
    description:
      'Skip the current step (policyStepId; Super Admins); the policy continues with the next step, and the last one passed grants or revokes as an approval would.',
  },
  'POST /api/v1/tasks/{task_id}/action/update-request-data': {
    operationId: 'c1.api.task.v1.TaskActionsService.UpdateRequestData',
    tag: 'Task',
    summary: 'Update Request Data',
    description:
      "Replace the request data (the task's data) of an open grant task (the requester or a Super Admin).",
  },
  'POST /api/v1/systemlog/events': {
    operationId: 'c1.api.systemlog.v1.SystemLogService.ListEvents',
    tag: 'System Log',
    summary: 'List Events',
    description:
      'ListEvents pulls Events from the ConductorOne system. This endpoint should be used to synchorize the system log events to external systems.',
  },
  'GET /api/v1/users': {
    operationId: 'c1.api.user.v1.UserService.List',
    tag: 'User',
    summary: 'List',
    description: 'List users.',
  },
  'GET /api/v1/users/{id}': {
    operationId: 'c1.api.user.v1.UserService.Get',
    tag: 'User',
    summary: 'Get',
    description: 'Get a user by ID.',
  },
  // Access reviews (issue 20): paths, methods, operationIds and summaries from the official
  // TypeScript SDK 1.2 (src/funcs/accessReview*.ts); described in docs/conductorone-access-reviews.openapi.json.
  'POST /api/v1/access_review': {
    operationId: 'c1.api.accessreview.v1.AccessReviewService.Create',
    tag: 'Access Review',
    summary: 'Create',
    description:
      'Create an access review campaign, in ACCESS_REVIEW_STATE_DRAFT: a displayName, at least one owner (live users), a CERTIFY policyId, scopeType ACCESS_REVIEW_SCOPE_TYPE_BY_ENTITLEMENTS (others are refused with 400 UNSUPPORTED_ACCESS_REVIEW_FIELD), an optional completionDate in the future; duplicateFrom copies the scope, owners and policy of another campaign. Super Admins only.',
  },
  'GET /api/v1/access_reviews': {
    operationId: 'c1.api.accessreview.v1.AccessReviewService.List',
    tag: 'Access Review',
    summary: 'List',
    description:
      'List access review campaigns in ID order: every one for Read-Only and Super Admins, the ones the caller owns for anyone else.',
  },
  'GET /api/v1/access_review/{id}': {
    operationId: 'c1.api.accessreview.v1.AccessReviewService.Get',
    tag: 'Access Review',
    summary: 'Get',
    description: 'Get an access review campaign by ID; a campaign the caller may not see is 404.',
  },
  'POST /api/v1/access_review/{id}': {
    operationId: 'c1.api.accessreview.v1.AccessReviewService.Update',
    tag: 'Access Review',
    summary: 'Update',
    description:
      "Update a campaign with an accessReview object and an updateMask. Name, description, owners, completionDate and auto-close change until it is closed; policyId, scopeType and scopeV2 only while it is a draft (else 400 ACCESS_REVIEW_NOT_DRAFT). Super Admins and the campaign's owners.",
  },
  'DELETE /api/v1/access_review/{id}': {
    operationId: 'c1.api.accessreview.v1.AccessReviewService.Delete',
    tag: 'Access Review',
    summary: 'Delete',
    description:
      'Delete a draft campaign (any other state is 400 ACCESS_REVIEW_NOT_DRAFT). Super Admins only.',
  },
  'GET /api/v1/access_review/{access_review_id}/scope_and_entitlements': {
    operationId: 'c1.api.accessreview.v1.AccessReviewSetupEntitlementService.GetCampaignScopeAndEntitlements',
    tag: 'Access Review Setup Entitlement',
    summary: 'Get Campaign Scope And Entitlements',
    description:
      "A campaign's scopeV2 and the apps and entitlements it reviews (an entry with an empty appEntitlementId is the whole app).",
  },
  'POST /api/v1/access_review/{access_review_id}/scope_and_entitlements': {
    operationId: 'c1.api.accessreview.v1.AccessReviewSetupEntitlementService.SetCampaignScopeAndEntitlements',
    tag: 'Access Review Setup Entitlement',
    summary: 'Set Campaign Scope And Entitlements',
    description:
      "Replace a draft campaign's apps and entitlements ({appId, appEntitlementId}; no appEntitlementId selects the whole app) and set its scopeV2 (appAccess with allUsers, allAccounts, allGrants; other members are 400 UNSUPPORTED_ACCESS_REVIEW_FIELD). An unknown app or entitlement is 404 naming it.",
  },
};
