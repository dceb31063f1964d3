/**
 * One sample request per route under /api/v1 and /roster/v1, for the shared security suite
 * (test/security/security.test.ts). Adding a route means adding one line here; the suite fails,
 * naming the route, until it is added. A sample should be a request that would change or reveal
 * something if it got through, so that "nothing changed" means something.
 */
export interface World {
  readonly appId: string;
  readonly typeId: string;
  readonly resourceId: string;
  readonly entitlementId: string;
  readonly userId: string;
  readonly appUserId: string;
  readonly clientId: string;
  readonly roleId: string;
  readonly policyId: string;
  readonly certifyPolicyId: string;
  readonly reviewId: string;
}

export interface Sample {
  readonly url: string;
  readonly body?: unknown;
}

type Samples = Record<string, (w: World) => Sample>;

const A = (w: World) => `/api/v1/apps/${w.appId}`;
const E = (w: World) => `${A(w)}/entitlements/${w.entitlementId}`;
const RT = (w: World) => `${A(w)}/resource_types/${w.typeId}`;

export const ROUTE_SAMPLES: Samples = {
  // users
  'GET /api/v1/users': () => ({ url: '/api/v1/users' }),
  'GET /api/v1/users/:id': (w) => ({ url: `/api/v1/users/${w.userId}` }),
  'POST /api/v1/search/users': () => ({ url: '/api/v1/search/users', body: {} }),
  'POST /roster/v1/users': () => ({
    url: '/roster/v1/users',
    body: { displayName: 'X', email: 'x@example.test' },
  }),
  'POST /roster/v1/users/:id': (w) => ({
    url: `/roster/v1/users/${w.userId}`,
    body: { roleIds: [] },
  }),
  'POST /roster/v1/users/resolve': (w) => ({
    url: '/roster/v1/users/resolve',
    body: { inputs: [w.userId, 'someone@example.test'] },
  }),
  'GET /roster/v1/users/shared-emails': () => ({ url: '/roster/v1/users/shared-emails' }),
  'POST /roster/v1/users/import': () => ({
    url: '/roster/v1/users/import',
    body: { users: [{ displayName: 'X', email: 'x@example.test' }] },
  }),
  // apps
  'GET /api/v1/apps': () => ({ url: '/api/v1/apps' }),
  'POST /api/v1/apps': () => ({ url: '/api/v1/apps', body: { displayName: 'X' } }),
  'GET /api/v1/apps/:id': (w) => ({ url: A(w) }),
  'POST /api/v1/apps/:id': (w) => ({ url: A(w), body: { app: { displayName: 'Renamed' } } }),
  'DELETE /api/v1/apps/:id': (w) => ({ url: A(w), body: {} }),
  'POST /api/v1/search/apps': () => ({ url: '/api/v1/search/apps', body: {} }),
  // resource types and resources
  'GET /api/v1/apps/:app_id/resource_types': (w) => ({ url: `${A(w)}/resource_types` }),
  'POST /api/v1/apps/:app_id/resource_types': (w) => ({
    url: `${A(w)}/resource_types`,
    body: { displayName: 'X', resourceType: 'GROUP' },
  }),
  'GET /api/v1/apps/:app_id/resource_types/:id': (w) => ({ url: RT(w) }),
  'POST /api/v1/apps/:app_id/resource_types/:id': (w) => ({
    url: RT(w),
    body: { appResourceType: { displayName: 'Renamed' } },
  }),
  'DELETE /api/v1/apps/:app_id/resource_types/:id': (w) => ({ url: RT(w), body: {} }),
  'GET /api/v1/apps/:app_id/resource_types/:app_resource_type_id/resources': (w) => ({
    url: `${RT(w)}/resources`,
  }),
  'POST /api/v1/apps/:app_id/resource_types/:app_resource_type_id/resources': (w) => ({
    url: `${RT(w)}/resources`,
    body: { displayName: 'X' },
  }),
  'GET /api/v1/apps/:app_id/resource_types/:app_resource_type_id/resources/:id': (w) => ({
    url: `${RT(w)}/resources/${w.resourceId}`,
  }),
  'POST /api/v1/apps/:app_id/resource_types/:app_resource_type_id/resources/:id': (w) => ({
    url: `${RT(w)}/resources/${w.resourceId}`,
    body: { appResource: { displayName: 'Renamed' } },
  }),
  'DELETE /api/v1/apps/:app_id/resource_types/:app_resource_type_id/resources/:id': (w) => ({
    url: `${RT(w)}/resources/${w.resourceId}`,
    body: {},
  }),
  // entitlements and memberships
  'GET /api/v1/apps/:app_id/entitlements': (w) => ({ url: `${A(w)}/entitlements` }),
  'POST /api/v1/apps/:app_id/entitlements': (w) => ({
    url: `${A(w)}/entitlements`,
    body: { displayName: 'X' },
  }),
  'GET /api/v1/apps/:app_id/entitlements/:id': (w) => ({ url: E(w) }),
  'POST /api/v1/apps/:app_id/entitlements/:id': (w) => ({
    url: E(w),
    body: { entitlement: { displayName: 'Renamed' } },
  }),
  'DELETE /api/v1/apps/:app_id/entitlements/:id': (w) => ({ url: E(w), body: {} }),
  'POST /api/v1/apps/:app_id/entitlements/:app_entitlement_id/add-manual-user': (w) => ({
    url: `${E(w)}/add-manual-user`,
    body: { userIds: [w.userId] },
  }),
  'DELETE /api/v1/apps/:app_id/entitlements/:app_entitlement_id/remove-membership': (w) => ({
    url: `${E(w)}/remove-membership`,
    body: { appUserId: w.appUserId },
  }),
  'GET /api/v1/apps/:app_id/entitlements/:app_entitlement_id/grants': (w) => ({ url: `${E(w)}/grants` }),
  'GET /api/v1/apps/:app_id/entitlements/:app_entitlement_id/users': (w) => ({ url: `${E(w)}/users` }),
  'GET /roster/v1/bulk_actions/:id': (w) => ({ url: `/roster/v1/bulk_actions/${w.entitlementId}` }),
  'GET /roster/v1/bulk_actions': () => ({ url: '/roster/v1/bulk_actions' }),
  'GET /roster/v1/bulk_actions/:id/items': (w) => ({
    url: `/roster/v1/bulk_actions/${w.entitlementId}/items`,
  }),
  'POST /roster/v1/bulk_actions/:id/cancel': (w) => ({
    url: `/roster/v1/bulk_actions/${w.entitlementId}/cancel`,
    body: {},
  }),
  'GET /roster/v1/limits': () => ({ url: '/roster/v1/limits' }),
  // grant durations and exact membership
  'POST /api/v1/apps/:app_id/entitlements/:app_entitlement_id/users/:app_user_id/update-grant-duration': (
    w,
  ) => ({
    url: `${E(w)}/users/${w.appUserId}/update-grant-duration`,
    body: { newDeprovisionAt: '2999-01-01T00:00:00Z' },
  }),
  'POST /api/v1/apps/:app_id/entitlements/:app_entitlement_id/users/:app_user_id/remove-grant-duration': (
    w,
  ) => ({
    url: `${E(w)}/users/${w.appUserId}/remove-grant-duration`,
    body: {},
  }),
  'GET /roster/v1/apps/:app_id/entitlements/:app_entitlement_id/members': (w) => ({
    url: `/roster/v1/apps/${w.appId}/entitlements/${w.entitlementId}/members`,
  }),
  'GET /roster/v1/apps/:app_id/entitlements/:app_entitlement_id/users': (w) => ({
    url: `/roster/v1/apps/${w.appId}/entitlements/${w.entitlementId}/users`,
  }),
  'PUT /roster/v1/apps/:app_id/entitlements/:app_entitlement_id/members': (w) => ({
    url: `/roster/v1/apps/${w.appId}/entitlements/${w.entitlementId}/members`,
    body: { userIds: [] },
  }),
  // the record: searches, app users, history
  'GET /api/v1/apps/:app_id/app_users': (w) => ({ url: `${A(w)}/app_users` }),
  'GET /api/v1/apps/:app_id/users/:user_id/app_users': (w) => ({
    url: `${A(w)}/users/${w.userId}/app_users`,
  }),
  'POST /api/v1/search/app_users': () => ({ url: '/api/v1/search/app_users', body: {} }),
  'POST /api/v1/apps/:app_user_app_id/app_users/:app_user_id': (w) => ({
    url: `${A(w)}/app_users/${w.appUserId}`,
    body: { appUser: { appUserType: 'APP_USER_TYPE_SERVICE_ACCOUNT' }, updateMask: 'appUserType' },
  }),
  'POST /api/v1/search/app_resource_types': () => ({ url: '/api/v1/search/app_resource_types', body: {} }),
  'POST /api/v1/search/app_resources': () => ({ url: '/api/v1/search/app_resources', body: {} }),
  'POST /api/v1/search/entitlements': () => ({ url: '/api/v1/search/entitlements', body: {} }),
  'GET /api/v1/apps/:app_id/entitlements/users/:app_user_id': (w) => ({
    url: `${A(w)}/entitlements/users/${w.appUserId}`,
  }),
  'GET /api/v1/apps/:app_id/entitlements/resource_types/:app_resource_type_id/resources/:app_resource_id': (
    w,
  ) => ({
    url: `${A(w)}/entitlements/resource_types/${w.typeId}/resources/${w.resourceId}`,
  }),
  'POST /api/v1/search/grants': () => ({ url: '/api/v1/search/grants', body: {} }),
  'POST /api/v1/search/past-grants': () => ({ url: '/api/v1/search/past-grants', body: {} }),
  'POST /api/v1/grants/feed': () => ({ url: '/api/v1/grants/feed', body: {} }),
  'POST /roster/v1/grants/changes': () => ({ url: '/roster/v1/grants/changes', body: {} }),
  'GET /api/v1/apps/:app_id/entitlements/:app_entitlement_id/users/:identity_user_id/grants': (w) => ({
    url: `${E(w)}/users/${w.userId}/grants`,
  }),
  // the system log
  'POST /api/v1/systemlog/events': () => ({ url: '/api/v1/systemlog/events', body: {} }),
  'GET /roster/v1/systemlog/export': () => ({ url: '/roster/v1/systemlog/export' }),
  // owners
  'GET /api/v1/apps/:app_id/owners': (w) => ({ url: `${A(w)}/owners` }),
  'PUT /api/v1/apps/:app_id/owners': (w) => ({ url: `${A(w)}/owners`, body: { userIds: [w.userId] } }),
  'POST /api/v1/apps/:app_id/owners/:user_id': (w) => ({ url: `${A(w)}/owners/${w.userId}`, body: {} }),
  'DELETE /api/v1/apps/:app_id/owners/:user_id': (w) => ({ url: `${A(w)}/owners/${w.userId}`, body: {} }),
  'GET /api/v1/apps/:app_id/entitlements/:entitlement_id/owners': (w) => ({ url: `${E(w)}/owners` }),
  'POST /api/v1/apps/:app_id/entitlements/:entitlement_id/owners': (w) => ({
    url: `${E(w)}/owners`,
    body: { userId: w.userId },
  }),
  'PUT /api/v1/apps/:app_id/entitlements/:entitlement_id/owners': (w) => ({
    url: `${E(w)}/owners`,
    body: { userIds: [w.userId] },
  }),
  'DELETE /api/v1/apps/:app_id/entitlements/:entitlement_id/owners/:user_id': (w) => ({
    url: `${E(w)}/owners/${w.userId}`,
    body: {},
  }),
  'GET /api/v1/apps/:app_id/resource_types/:resource_type_id/resource/:resource_id/owners': (w) => ({
    url: `${RT(w)}/resource/${w.resourceId}/owners`,
  }),
  'POST /api/v1/apps/:app_id/resource_types/:resource_type_id/resource/:resource_id/owners': (w) => ({
    url: `${RT(w)}/resource/${w.resourceId}/owners`,
    body: { userId: w.userId },
  }),
  'DELETE /api/v1/apps/:app_id/resource_types/:resource_type_id/resource/:resource_id/owners': (w) => ({
    url: `${RT(w)}/resource/${w.resourceId}/owners`,
    body: { userId: w.userId },
  }),
  // IAM and auth
  'GET /api/v1/auth/introspect': () => ({ url: '/api/v1/auth/introspect' }),
  'GET /api/v1/iam/roles': () => ({ url: '/api/v1/iam/roles' }),
  'GET /api/v1/iam/roles/:role_id': (w) => ({ url: `/api/v1/iam/roles/${w.roleId}` }),
  'POST /api/v1/iam/roles/:role_id': (w) => ({
    url: `/api/v1/iam/roles/${w.roleId}`,
    body: { role: { displayName: 'Renamed' } },
  }),
  'GET /api/v1/iam/personal_clients': () => ({ url: '/api/v1/iam/personal_clients' }),
  'POST /api/v1/iam/personal_clients': () => ({
    url: '/api/v1/iam/personal_clients',
    body: { displayName: 'X' },
  }),
  'GET /api/v1/iam/personal_clients/:id': (w) => ({ url: `/api/v1/iam/personal_clients/${w.clientId}` }),
  'POST /api/v1/iam/personal_clients/:id': (w) => ({
    url: `/api/v1/iam/personal_clients/${w.clientId}`,
    body: { client: { displayName: 'Renamed' } },
  }),
  'DELETE /api/v1/iam/personal_clients/:id': (w) => ({
    url: `/api/v1/iam/personal_clients/${w.clientId}`,
    body: {},
  }),
  'POST /api/v1/search/iam/personal_clients': () => ({
    url: '/api/v1/search/iam/personal_clients',
    body: {},
  }),
  'POST /roster/v1/users/:user_id/personal_clients': (w) => ({
    url: `/roster/v1/users/${w.userId}/personal_clients`,
    body: { displayName: 'X' },
  }),
  // SCIM connections (the SCIM endpoints themselves authenticate by connection token: scim.auth.test.ts)
  'POST /roster/v1/scim/connections': () => ({
    url: '/roster/v1/scim/connections',
    body: { displayName: 'X' },
  }),
  'GET /roster/v1/scim/connections': () => ({ url: '/roster/v1/scim/connections' }),
  'GET /roster/v1/scim/connections/:id': (w) => ({ url: `/roster/v1/scim/connections/${w.appId}` }),
  'DELETE /roster/v1/scim/connections/:id': (w) => ({
    url: `/roster/v1/scim/connections/${w.appId}`,
    body: {},
  }),
  'POST /roster/v1/scim/connections/:id/token': (w) => ({
    url: `/roster/v1/scim/connections/${w.appId}/token`,
    body: {},
  }),
  'DELETE /roster/v1/scim/connections/:id/token': (w) => ({
    url: `/roster/v1/scim/connections/${w.appId}/token`,
    body: {},
  }),
  // Webhooks (App Admins reach them only for their apps: webhooks.routes.test.ts)
  'POST /roster/v1/webhooks': () => ({
    url: '/roster/v1/webhooks',
    body: { url: 'https://example.com/hook', eventTypes: ['grant.added'] },
  }),
  'GET /roster/v1/webhooks': () => ({ url: '/roster/v1/webhooks' }),
  'GET /roster/v1/webhooks/:id': (w) => ({ url: `/roster/v1/webhooks/${w.appId}` }),
  'POST /roster/v1/webhooks/:id': (w) => ({ url: `/roster/v1/webhooks/${w.appId}`, body: {} }),
  'DELETE /roster/v1/webhooks/:id': (w) => ({ url: `/roster/v1/webhooks/${w.appId}`, body: {} }),
  'POST /roster/v1/webhooks/:id/secret': (w) => ({ url: `/roster/v1/webhooks/${w.appId}/secret`, body: {} }),
  'POST /roster/v1/webhooks/:id/pause': (w) => ({ url: `/roster/v1/webhooks/${w.appId}/pause`, body: {} }),
  'POST /roster/v1/webhooks/:id/resume': (w) => ({ url: `/roster/v1/webhooks/${w.appId}/resume`, body: {} }),
  'POST /roster/v1/webhooks/:id/ping': (w) => ({ url: `/roster/v1/webhooks/${w.appId}/ping`, body: {} }),
  'GET /roster/v1/webhooks/:id/deliveries': (w) => ({ url: `/roster/v1/webhooks/${w.appId}/deliveries` }),
  'GET /roster/v1/webhooks/:id/deliveries/:deliveryId': (w) => ({
    url: `/roster/v1/webhooks/${w.appId}/deliveries/${w.appId}`,
  }),
  'POST /roster/v1/webhooks/:id/deliveries/:deliveryId/redeliver': (w) => ({
    url: `/roster/v1/webhooks/${w.appId}/deliveries/${w.appId}/redeliver`,
    body: {},
  }),
  'POST /roster/v1/webhooks/:id/redeliver': (w) => ({
    url: `/roster/v1/webhooks/${w.appId}/redeliver`,
    body: { since: '2026-01-01T00:00:00Z' },
  }),
  // Policies (issue 19)
  'GET /api/v1/policies': () => ({ url: '/api/v1/policies' }),
  'POST /api/v1/policies': () => ({
    url: '/api/v1/policies',
    body: { displayName: 'X', policyType: 'POLICY_TYPE_GRANT' },
  }),
  'GET /api/v1/policies/:id': (w) => ({ url: `/api/v1/policies/${w.policyId}` }),
  'POST /api/v1/policies/:id': (w) => ({
    url: `/api/v1/policies/${w.policyId}`,
    body: { policy: { displayName: 'Y' }, updateMask: 'displayName' },
  }),
  'DELETE /api/v1/policies/:id': (w) => ({ url: `/api/v1/policies/${w.policyId}`, body: {} }),
  'POST /api/v1/search/policies': () => ({ url: '/api/v1/search/policies', body: {} }),
  // Tasks (issue 19)
  'POST /api/v1/task/grant': (w) => ({
    url: '/api/v1/task/grant',
    body: { appId: w.appId, appEntitlementId: w.entitlementId },
  }),
  'POST /api/v1/task/revoke': (w) => ({
    url: '/api/v1/task/revoke',
    body: { appId: w.appId, appEntitlementId: w.entitlementId, identityUserId: w.userId },
  }),
  'POST /api/v1/task/offboarding': (w) => ({
    url: '/api/v1/task/offboarding',
    body: { subjectUserId: w.userId },
  }),
  'GET /api/v1/tasks/:id': (w) => ({ url: `/api/v1/tasks/${w.appId}` }),
  'POST /roster/v1/requestable-entitlements': () => ({
    url: '/roster/v1/requestable-entitlements',
    body: {},
  }),
  'POST /api/v1/search/tasks': () => ({ url: '/api/v1/search/tasks', body: {} }),
  'POST /api/v1/task/audits': (w) => ({ url: '/api/v1/task/audits', body: { taskId: w.appId } }),
  'POST /api/v1/tasks/:task_id/action/approve': (w) => ({
    url: `/api/v1/tasks/${w.appId}/action/approve`,
    body: { policyStepId: w.appId },
  }),
  'POST /api/v1/tasks/:task_id/action/deny': (w) => ({
    url: `/api/v1/tasks/${w.appId}/action/deny`,
    body: { policyStepId: w.appId },
  }),
  'POST /api/v1/tasks/:task_id/action/reassign': (w) => ({
    url: `/api/v1/tasks/${w.appId}/action/reassign`,
    body: { policyStepId: w.appId, newStepUserIds: [w.userId] },
  }),
  'POST /api/v1/tasks/:task_id/action/comment': (w) => ({
    url: `/api/v1/tasks/${w.appId}/action/comment`,
    body: { comment: 'x' },
  }),
  'POST /api/v1/tasks/:task_id/action/close': (w) => ({
    url: `/api/v1/tasks/${w.appId}/action/close`,
    body: {},
  }),
  'POST /api/v1/tasks/:task_id/action/skip-step': (w) => ({
    url: `/api/v1/tasks/${w.appId}/action/skip-step`,
    body: { policyStepId: w.appId },
  }),
  'POST /api/v1/tasks/:task_id/action/restart': (w) => ({
    url: `/api/v1/tasks/${w.appId}/action/restart`,
    body: {},
  }),
  'POST /api/v1/tasks/:task_id/action/escalate': (w) => ({
    url: `/api/v1/tasks/${w.appId}/action/escalate`,
    body: {},
  }),
  'POST /api/v1/tasks/:task_id/action/process': (w) => ({
    url: `/api/v1/tasks/${w.appId}/action/process`,
    body: {},
  }),
  'POST /api/v1/tasks/:task_id/action/update-request-data': (w) => ({
    url: `/api/v1/tasks/${w.appId}/action/update-request-data`,
    body: { data: { reason: 'x' } },
  }),
  // Access reviews (issue 20)
  'POST /api/v1/access_review': (w) => ({
    url: '/api/v1/access_review',
    body: { displayName: 'X', ownerIds: [w.userId], policyId: w.certifyPolicyId },
  }),
  'GET /api/v1/access_reviews': () => ({ url: '/api/v1/access_reviews' }),
  'GET /api/v1/access_review/:id': (w) => ({ url: `/api/v1/access_review/${w.reviewId}` }),
  'POST /api/v1/access_review/:id': (w) => ({
    url: `/api/v1/access_review/${w.reviewId}`,
    body: { accessReview: { displayName: 'Y' }, updateMask: 'displayName' },
  }),
  'DELETE /api/v1/access_review/:id': (w) => ({ url: `/api/v1/access_review/${w.reviewId}`, body: {} }),
  'GET /api/v1/access_review/:access_review_id/scope_and_entitlements': (w) => ({
    url: `/api/v1/access_review/${w.reviewId}/scope_and_entitlements`,
  }),
  'POST /api/v1/access_review/:access_review_id/scope_and_entitlements': (w) => ({
    url: `/api/v1/access_review/${w.reviewId}/scope_and_entitlements`,
    body: { entitlements: [{ appId: w.appId, appEntitlementId: w.entitlementId }] },
  }),
  'POST /roster/v1/access_reviews/:id/start': (w) => ({
    url: `/roster/v1/access_reviews/${w.reviewId}/start`,
    body: {},
  }),
  'GET /roster/v1/access_reviews/:id/progress': (w) => ({
    url: `/roster/v1/access_reviews/${w.reviewId}/progress`,
  }),
  'GET /roster/v1/access_reviews/:id/evidence': (w) => ({
    url: `/roster/v1/access_reviews/${w.reviewId}/evidence`,
  }),
  'POST /roster/v1/access_reviews/:id/decisions': (w) => ({
    url: `/roster/v1/access_reviews/${w.reviewId}/decisions`,
    body: { decisions: [{ taskId: w.appId, decision: 'CERTIFY', comment: 'ok' }] },
  }),
  'POST /roster/v1/access_reviews/:id/close': (w) => ({
    url: `/roster/v1/access_reviews/${w.reviewId}/close`,
    body: { remaining: 'SKIP' },
  }),
};
