import { type Static, Type } from 'typebox';
import type { Expansion } from '../../http/expansion.js';
import {
  Duration,
  ExpandMask,
  FieldMask,
  FilterIds,
  Int64,
  int64,
  Nullable,
  NullableTimestamp,
  Opt,
  StringList,
} from '../../http/wire.js';
import { DisplayName, NameEdit, Ref, Text } from './catalog.schemas.js';
import type { EntitlementRecord } from './entitlements.repository.js';

const FreeObject = Type.Record(Type.String(), Type.Unknown());

/** The ConductorOne AppEntitlement (CONTRACT.md §4), every field emitted. */
export const AppEntitlement = Type.Object({
  id: Type.String(),
  appId: Type.String(),
  appResourceTypeId: Type.String(),
  appResourceId: Type.String(),
  displayName: Type.String(),
  description: Type.String(),
  alias: Type.String(),
  slug: Type.String(),
  isManuallyManaged: Type.Boolean(),
  isAutomationEnabled: Type.Boolean(),
  systemBuiltin: Type.Boolean(),
  grantCount: Int64,
  grantPolicyId: Type.String(),
  revokePolicyId: Type.String(),
  certifyPolicyId: Type.String(),
  emergencyGrantEnabled: Type.Boolean(),
  emergencyGrantPolicyId: Type.String(),
  overrideAccessRequestsDefaults: Type.Boolean(),
  defaultValuesApplied: Type.Boolean(),
  complianceFrameworkValueIds: StringList,
  riskLevelValueId: Type.String(),
  requestSchemaId: Type.String(),
  matchBatonId: Type.String(),
  purpose: Type.String(),
  provisionerPolicy: Nullable(FreeObject),
  deprovisionerPolicy: Nullable(FreeObject),
  durationGrant: Nullable(Type.String()),
  durationUnset: Nullable(Type.Object({})),
  sourceConnectorIds: Type.Record(Type.String(), Type.String()),
  userEditedMask: Nullable(Type.String()),
  createdAt: NullableTimestamp,
  updatedAt: NullableTimestamp,
  deletedAt: NullableTimestamp,
});
export type AppEntitlement = Static<typeof AppEntitlement>;

export const AppEntitlementView = Type.Object({
  appEntitlement: AppEntitlement,
  appPath: Type.String(),
  appResourceTypePath: Type.String(),
  appResourcePath: Type.String(),
});

export function toEntitlement(row: EntitlementRecord): AppEntitlement {
  return {
    id: row.id,
    appId: row.app_id,
    appResourceTypeId: row.app_resource_type_id,
    appResourceId: row.app_resource_id,
    displayName: row.display_name,
    description: row.description,
    alias: row.alias,
    slug: row.slug,
    // A SCIM group's members come from its identity provider, as a connector's would (§7.3).
    isManuallyManaged: row.is_manually_managed && row.scim_connection_id === null,
    isAutomationEnabled: false,
    systemBuiltin: false,
    grantCount: int64(row.grant_count ?? 0),
    grantPolicyId: row.grant_policy_id,
    revokePolicyId: row.revoke_policy_id,
    certifyPolicyId: row.certify_policy_id,
    emergencyGrantEnabled: row.emergency_grant_enabled,
    emergencyGrantPolicyId: row.emergency_grant_policy_id,
    overrideAccessRequestsDefaults: row.override_access_requests_defaults,
    defaultValuesApplied: false,
    complianceFrameworkValueIds: row.compliance_framework_value_ids,
    riskLevelValueId: row.risk_level_value_id,
    requestSchemaId: '',
    matchBatonId: row.match_baton_id,
    purpose: row.purpose,
    provisionerPolicy: null,
    deprovisionerPolicy: null,
    // The max_grant_duration oneof: a stored duration, or explicitly none.
    durationGrant: row.duration_grant,
    durationUnset: row.duration_grant === null ? {} : null,
    // The SCIM connection that owns the entitlement, with the entitlement's ID there (its group's id).
    sourceConnectorIds: row.scim_connection_id === null ? {} : { [row.scim_connection_id]: row.id },
    userEditedMask: null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export const toEntitlementView = (row: EntitlementRecord) => ({
  appEntitlement: toEntitlement(row),
  appPath: '',
  appResourceTypePath: '',
  appResourcePath: '',
});

export const Purpose = Type.Enum([
  'APP_ENTITLEMENT_PURPOSE_VALUE_UNSPECIFIED',
  'APP_ENTITLEMENT_PURPOSE_VALUE_ASSIGNMENT',
  'APP_ENTITLEMENT_PURPOSE_VALUE_PERMISSION',
]);

const EditableFields = {
  description: Opt(Text),
  alias: Opt(Ref),
  slug: Opt(Ref),
  grantPolicyId: Opt(Ref),
  revokePolicyId: Opt(Ref),
  certifyPolicyId: Opt(Ref),
  emergencyGrantEnabled: Opt(Type.Boolean()),
  emergencyGrantPolicyId: Opt(Ref),
  overrideAccessRequestsDefaults: Opt(Type.Boolean()),
  complianceFrameworkValueIds: Opt(Type.Array(Ref, { maxItems: 1_000 })),
  riskLevelValueId: Opt(Ref),
  matchBatonId: Opt(Ref),
  purpose: Opt(Purpose),
  durationGrant: Opt(Duration),
  durationUnset: Opt(Type.Object({})),
};

/**
 * AE.Create. `appEntitlementOwnerIds` become the entitlement's owners; `expandMask` fills the
 * response's `expanded`; `provisionPolicy` is accepted and not stored.
 */
export const NewEntitlement = Type.Object({
  displayName: DisplayName,
  appResourceTypeId: Opt(Ref),
  appResourceId: Opt(Ref),
  appEntitlementOwnerIds: Opt(FilterIds),
  provisionPolicy: Opt(FreeObject),
  expandMask: ExpandMask,
  ...EditableFields,
});
export type NewEntitlement = Static<typeof NewEntitlement>;

export const EntitlementPatch = Type.Object({ displayName: Opt(NameEdit), ...EditableFields });
export type EntitlementPatch = Static<typeof EntitlementPatch>;

/** Server-set, fixed at creation, or not kept by Roster: never written by an update. */
export const ENTITLEMENT_READ_ONLY_FIELDS = [
  'id',
  'appId',
  'appResourceTypeId',
  'appResourceId',
  'isManuallyManaged',
  'isAutomationEnabled',
  'systemBuiltin',
  'grantCount',
  'defaultValuesApplied',
  'requestSchemaId',
  'provisionerPolicy',
  'deprovisionerPolicy',
  'sourceConnectorIds',
  'userEditedMask',
  'createdAt',
  'updatedAt',
  'deletedAt',
];

/** AE.Update: note the entity travels as `entitlement`, not `appEntitlement`. */
export const UpdateEntitlementBody = Type.Object({
  entitlement: Opt(EntitlementPatch),
  updateMask: FieldMask,
  overrideAccessRequestsDefaults: Opt(Type.Boolean()),
  expandMask: ExpandMask,
});

/**
 * Views with their `*Path` pointers filled through one Expansion per response (CONTRACT.md §1,
 * §7.7). The mask paths are those the expand masks of the official spec list for each view.
 */
export const entitlementView = (row: EntitlementRecord, wanted: Expansion) => ({
  appEntitlement: toEntitlement(row),
  appPath: wanted.path('app_id', 'app', row.app_id),
  appResourceTypePath: wanted.path('app_resource_type_id', 'appResourceType', row.app_resource_type_id),
  appResourcePath: wanted.path('app_resource_id', 'appResource', row.app_resource_id),
});
