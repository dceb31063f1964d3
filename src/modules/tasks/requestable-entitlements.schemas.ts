import { Type } from 'typebox';
import { IdString, QueryString } from '../../http/strings.js';
import { Nullable, Opt, PageBody } from '../../http/wire.js';
import { DEFAULT_GRANT_POLICY_ID } from '../policies/index.js';
import type { RequestableEntitlementRow } from './requestable-entitlements.repository.js';

export const RequestableEntitlementsBody = Type.Object({
  /** Matches app and entitlement names, ignoring case. */
  query: Opt(QueryString()),
  appId: Opt(IdString()),
  ...PageBody,
});

/** What the console's Request access page shows of an entitlement a person may ask for. */
export const RequestableEntitlement = Type.Object({
  appId: Type.String(),
  appDisplayName: Type.String(),
  appEntitlementId: Type.String(),
  displayName: Type.String(),
  description: Type.String(),
  /** The policy a request follows: the entitlement's grant policy or the built-in default. */
  grantPolicyId: Type.String(),
  grantPolicyName: Type.String(),
  /** The longest a grant lasts (a Duration such as "86400s"); null for no limit. */
  durationGrant: Nullable(Type.String()),
  /** The caller holds it now. */
  held: Type.Boolean(),
  /** The caller has an open request for it: its task ID, else ''. */
  openRequestTaskId: Type.String(),
});

export const RequestableEntitlementsResponse = Type.Object({
  list: Type.Array(RequestableEntitlement),
  nextPageToken: Type.String(),
});

/** The built-in default policy's effect, in the words a requester understands. */
export const DEFAULT_POLICY_NAME = 'App owners approve';

export function toRequestableEntitlement(row: RequestableEntitlementRow) {
  // A task on an entitlement naming no policy follows the built-in default (tasks.service open()).
  const policyId = row.grant_policy_id || DEFAULT_GRANT_POLICY_ID;
  return {
    appId: row.app_id,
    appDisplayName: row.app_display_name,
    appEntitlementId: row.id,
    displayName: row.display_name,
    description: row.description,
    grantPolicyId: policyId,
    grantPolicyName:
      policyId === DEFAULT_GRANT_POLICY_ID ? DEFAULT_POLICY_NAME : (row.grant_policy_name ?? policyId),
    durationGrant: row.duration_grant,
    held: row.held,
    openRequestTaskId: row.open_task_id,
  };
}
