import type { Audited, Flag, JsonText } from '../../db/columns.js';

export interface AppsTable extends Audited {
  id: string;
  display_name: string;
  description: string;
  icon_url: string;
  is_manually_managed: Flag;
  identity_matching: string;
  monthly_cost_usd: number;
  grant_policy_id: string;
  revoke_policy_id: string;
  certify_policy_id: string;
  strict_access_entitlement_provisioning: Flag;
  instructions: string;
}

export interface AppResourceTypesTable extends Audited {
  id: string;
  app_id: string;
  display_name: string;
  resource_type: string;
}

export interface AppResourcesTable extends Audited {
  id: string;
  app_id: string;
  app_resource_type_id: string;
  display_name: string;
  description: string;
  match_baton_id: string;
}

export interface AppEntitlementsTable extends Audited {
  id: string;
  app_id: string;
  app_resource_type_id: string;
  app_resource_id: string;
  display_name: string;
  description: string;
  alias: string;
  slug: string;
  is_manually_managed: Flag;
  purpose: string;
  grant_policy_id: string;
  revoke_policy_id: string;
  certify_policy_id: string;
  emergency_grant_enabled: Flag;
  emergency_grant_policy_id: string;
  override_access_requests_defaults: Flag;
  risk_level_value_id: string;
  compliance_framework_value_ids: JsonText;
  match_baton_id: string;
  /** A protobuf Duration such as "3600s", or null for no default grant duration. */
  duration_grant: string | null;
  /**
   * The SCIM connection whose identity provider owns this entitlement (a SCIM group): only it
   * changes the entitlement or its members. Null otherwise, and once the connection is deleted.
   */
  scim_connection_id: string | null;
}

/** The tables the catalog module owns; src/db/schema.ts combines every module's into `Database`. */
export interface CatalogTables {
  apps: AppsTable;
  app_resource_types: AppResourceTypesTable;
  app_resources: AppResourcesTable;
  app_entitlements: AppEntitlementsTable;
}
