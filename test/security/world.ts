import { expect } from 'vitest';
import {
  createApp,
  createEntitlement,
  createPolicies,
  createResource,
  createResourceType,
  createUser,
  insertGrant,
} from '../fixtures.js';
import type { TestApp } from '../harness.js';
import { createCaller, ROLES } from '../identity-fixtures.js';
import type { World } from './route-samples.js';

/**
 * The objects the route samples act on: an app with a resource type, a resource and an entitlement
 * with one grant, a user, a grant and a certify policy, a draft access review, and a Read-Only Admin's API client (so the personal-client samples leave
 * the admin's own client alone).
 */
export async function createWorld(t: TestApp): Promise<World> {
  const app = await createApp(t);
  const type = await createResourceType(t, app.id);
  const resource = await createResource(t, app.id, type.id);
  const entitlement = await createEntitlement(t, app.id);
  const user = await createUser(t);
  const { appUserId } = await insertGrant(t, app.id, entitlement.id);
  const target = await createCaller(t, [ROLES.readOnlyAdmin]);
  const policies = await createPolicies(t);
  const review = await t.request('POST', '/api/v1/access_review', {
    displayName: 'Sample campaign',
    ownerIds: [user.id],
    policyId: policies.certify,
  });
  expect(review.status, JSON.stringify(review.body)).toBe(200);
  return {
    appId: app.id,
    typeId: type.id,
    resourceId: resource.id,
    entitlementId: entitlement.id,
    userId: user.id,
    appUserId,
    clientId: target.client.id,
    roleId: ROLES.superAdmin,
    policyId: policies.grant,
    certifyPolicyId: policies.certify,
    reviewId: review.body.accessReview.accessReview.id,
  };
}
