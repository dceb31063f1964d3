import { Type } from 'typebox';
import { IdString } from '../../http/strings.js';
import { Nullable, NullableTimestamp, PageQuery } from '../../http/wire.js';
import type { AppUserRow } from '../app-users/index.js';
import { AppUser, AppUserView, toAppUser, toAppUserView } from '../app-users/index.js';
import type { UserRow } from '../users/index.js';
import { toUser, User } from '../users/index.js';
import type { GrantRow } from './grants.repository.js';

const AppEntitlementRef = Type.Object({ appId: Type.String(), id: Type.String() });

/** AppEntitlementWithExpired, the item of GET .../entitlements/{id}/grants. */
export const GrantWithExpired = Type.Object({
  appId: Type.String(),
  appEntitlementId: Type.String(),
  appUserId: Type.String(),
  appUser: Nullable(AppUser),
  user: Nullable(User),
  discovered: NullableTimestamp,
  expired: NullableTimestamp,
  grantSources: Type.Array(AppEntitlementRef),
  grantReasons: Type.Array(Type.Unknown()),
});

/** AppEntitlementUserView, the item of GET .../entitlements/{id}/users. */
export const EntitlementUserView = Type.Object({
  appUser: AppUserView,
  appEntitlementUserBindingCreatedAt: NullableTimestamp,
  appEntitlementUserBindingDeprovisionAt: NullableTimestamp,
  grantSources: Type.Array(AppEntitlementRef),
});

/**
 * An AppEntitlementUserView with the task that made the grant (Roster's members page, CONTRACT.md
 * §7.26): `originatingTicketId` and its `originatingTicketNumericId`, both `""` when the grant came
 * from add-manual-user, a set of members, SCIM or an import.
 */
export const MemberWithTicket = Type.Object({
  ...EntitlementUserView.properties,
  originatingTicketId: Type.String(),
  originatingTicketNumericId: Type.String(),
});

export const MemberPageQuery = Type.Object({
  ...PageQuery.properties,
  app_user_ids: Type.Optional(
    Type.String({
      maxLength: 10_000,
      description: 'Comma-separated app user IDs (at most 100): only their grants are listed.',
    }),
  ),
});

export const RemoveMembershipBody = Type.Object({
  appUserId: IdString({ minLength: 1 }),
});

export const RemoveMembershipResponse = Type.Object({ revokeTaskId: Type.String() });

export const EntitlementParams = Type.Object({
  app_id: IdString({ minLength: 1 }),
  app_entitlement_id: IdString({ minLength: 1 }),
});

export function toGrantWithExpired(
  grant: GrantRow,
  appUser: AppUserRow | undefined,
  user: UserRow | undefined,
) {
  return {
    appId: grant.app_id,
    appEntitlementId: grant.app_entitlement_id,
    appUserId: grant.app_user_id,
    appUser: appUser ? toAppUser(appUser) : null,
    user: user ? toUser(user) : null,
    discovered: grant.created_at,
    // When the grant expires or expired: its deprovision time, or its revocation.
    expired: grant.deleted_at ?? grant.deprovision_at,
    grantSources: [],
    grantReasons: [],
  };
}

export function toEntitlementUserView(
  grant: Pick<GrantRow, 'created_at' | 'deprovision_at'>,
  appUser: AppUserRow,
) {
  return {
    appUser: toAppUserView(appUser),
    appEntitlementUserBindingCreatedAt: grant.created_at,
    appEntitlementUserBindingDeprovisionAt: grant.deprovision_at,
    grantSources: [],
  };
}
