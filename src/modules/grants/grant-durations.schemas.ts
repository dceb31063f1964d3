import { Type } from 'typebox';
import { IdString, WordString } from '../../http/strings.js';
import { Nullable, NullableTimestamp, Timestamp } from '../../http/wire.js';
import type { GrantRow } from './grants.repository.js';

const AppEntitlementRef = Type.Object({ appId: Type.String(), id: Type.String() });

/** AppEntitlementUserBinding (CONTRACT.md §4). */
export const Binding = Type.Object({
  appId: Type.String(),
  appEntitlementId: Type.String(),
  appUserId: Type.String(),
  createdAt: NullableTimestamp,
  deletedAt: NullableTimestamp,
  deprovisionAt: NullableTimestamp,
  grantSources: Type.Array(AppEntitlementRef),
});

export const BindingResponse = Type.Object({ binding: Binding });

export const GrantUserParams = Type.Object({
  app_id: IdString({ minLength: 1 }),
  app_entitlement_id: IdString({ minLength: 1 }),
  app_user_id: IdString({ minLength: 1 }),
});

export const UpdateGrantDurationBody = Type.Object({
  newDeprovisionAt: Type.Optional(Nullable(Timestamp)),
});

/** Roster's extension fields of the add-manual-user body; the SDKs neither send nor know them. */
export const GrantExpiryFields = {
  deprovisionAt: Type.Optional(Nullable(Timestamp)),
  grantDuration: Type.Optional(Nullable(WordString())),
};

export function toBinding(grant: GrantRow) {
  return {
    appId: grant.app_id,
    appEntitlementId: grant.app_entitlement_id,
    appUserId: grant.app_user_id,
    createdAt: grant.created_at,
    deletedAt: grant.deleted_at,
    deprovisionAt: grant.deprovision_at,
    grantSources: [],
  };
}
