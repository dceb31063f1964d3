import { type Static, Type } from 'typebox';
import { IdString, NameString, QueryString, TextString, UrlString } from '../../http/strings.js';
import {
  FieldMask,
  FilterIds,
  filterList,
  Int64,
  int64,
  Nullable,
  NullableTimestamp,
  Opt,
  PageBody,
} from '../../http/wire.js';
import { toUser, User } from '../users/index.js';
import type { AppRecord } from './apps.repository.js';

/** The ConductorOne App (CONTRACT.md §4), every field emitted. */
export const App = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  description: Type.String(),
  iconUrl: Type.String(),
  logoUri: Type.String(),
  isManuallyManaged: Type.Boolean(),
  isDirectory: Type.Boolean(),
  parentAppId: Type.String(),
  appAccountId: Type.String(),
  appAccountName: Type.String(),
  appOwners: Type.Array(User),
  grantPolicyId: Type.String(),
  revokePolicyId: Type.String(),
  certifyPolicyId: Type.String(),
  defaultRequestCatalogId: Type.String(),
  identityMatching: Type.String(),
  instructions: Type.String(),
  monthlyCostUsd: Type.Integer(),
  connectorVersion: Type.Integer(),
  strictAccessEntitlementProvisioning: Type.Boolean(),
  userCount: Int64,
  fieldMask: Nullable(Type.String()),
  createdAt: NullableTimestamp,
  updatedAt: NullableTimestamp,
  deletedAt: NullableTimestamp,
});
export type App = Static<typeof App>;

export function toApp(row: AppRecord): App {
  return {
    id: row.id,
    displayName: row.display_name,
    description: row.description,
    iconUrl: row.icon_url,
    logoUri: '',
    isManuallyManaged: row.is_manually_managed,
    isDirectory: false,
    parentAppId: '',
    appAccountId: '',
    appAccountName: '',
    appOwners: (row.owners ?? []).map(toUser),
    grantPolicyId: row.grant_policy_id,
    revokePolicyId: row.revoke_policy_id,
    certifyPolicyId: row.certify_policy_id,
    defaultRequestCatalogId: '',
    identityMatching: row.identity_matching,
    instructions: row.instructions,
    monthlyCostUsd: row.monthly_cost_usd,
    connectorVersion: 0,
    strictAccessEntitlementProvisioning: row.strict_access_entitlement_provisioning,
    userCount: int64(row.user_count ?? 0),
    fieldMask: null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export const IdentityMatching = Type.Enum([
  'APP_USER_IDENTITY_MATCHING_UNSPECIFIED',
  'APP_USER_IDENTITY_MATCHING_STRICT',
  'APP_USER_IDENTITY_MATCHING_DISPLAY_NAME',
]);

const DisplayName = NameString({ minLength: 1 });
const Text = TextString();
const Ref = IdString();
/** int32 on the wire; a negative cost means nothing. */
const MonthlyCost = Type.Integer({ minimum: 0, maximum: 2_147_483_647 });

/** app.v1.Apps.Create. `owners` are user IDs (CONTRACT.md §7.13). */
export const NewApp = Type.Object({
  displayName: DisplayName,
  description: Opt(Text),
  owners: Opt(FilterIds),
  grantPolicyId: Opt(Ref),
  revokePolicyId: Opt(Ref),
  certifyPolicyId: Opt(Ref),
  identityMatching: Opt(IdentityMatching),
  monthlyCostUsd: Opt(MonthlyCost),
  strictAccessEntitlementProvisioning: Opt(Type.Boolean()),
});
export type NewApp = Static<typeof NewApp>;

/**
 * The fields of an App a client may write. Other App fields may be sent (Terraform sends the whole
 * object) and are ignored; they are not validated here because clients echo them back as read.
 */
export const AppPatch = Type.Object({
  displayName: Opt(NameString()),
  description: Opt(Text),
  iconUrl: Opt(UrlString()),
  grantPolicyId: Opt(Ref),
  revokePolicyId: Opt(Ref),
  certifyPolicyId: Opt(Ref),
  identityMatching: Opt(IdentityMatching),
  instructions: Opt(Text),
  monthlyCostUsd: Opt(MonthlyCost),
  strictAccessEntitlementProvisioning: Opt(Type.Boolean()),
});
export type AppPatch = Static<typeof AppPatch>;

/** App fields that exist on the wire but that clients never write (CONTRACT.md §4, `*`, and §7.6). */
export const APP_READ_ONLY_FIELDS = [
  'id',
  'logoUri',
  'isDirectory',
  'parentAppId',
  'appAccountId',
  'appAccountName',
  'appOwners',
  'userCount',
  'fieldMask',
  'createdAt',
  'updatedAt',
  'deletedAt',
  // Every app Roster holds is manually managed (§7.3); there are no connectors to version.
  'isManuallyManaged',
  'connectorVersion',
  // Request catalogs do not exist in Roster.
  'defaultRequestCatalogId',
] as const;

export const UpdateAppBody = Type.Object({ app: Opt(AppPatch), updateMask: FieldMask });

export const SearchAppsBody = Type.Object({
  query: Opt(QueryString()),
  displayName: Opt(QueryString()),
  appIds: Opt(FilterIds),
  excludeAppIds: Opt(FilterIds),
  onlyDirectories: Opt(Type.Boolean()),
  policyRefs: Opt(filterList(Type.Object({ id: Type.Optional(Nullable(IdString())) }))),
  ...PageBody,
});
export type SearchAppsBody = Static<typeof SearchAppsBody>;
