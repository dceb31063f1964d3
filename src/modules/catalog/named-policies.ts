import type { Executor } from '../../db/schema.js';
import { type PolicyCatalogPorts, type PolicyType, requirePolicyOfType } from '../policies/index.js';

/** The columns of apps and entitlements that name a policy, their wire fields and the type they need. */
const POLICY_COLUMNS = [
  ['grant_policy_id', 'grantPolicyId', 'POLICY_TYPE_GRANT'],
  ['revoke_policy_id', 'revokePolicyId', 'POLICY_TYPE_REVOKE'],
  ['certify_policy_id', 'certifyPolicyId', 'POLICY_TYPE_CERTIFY'],
  ['emergency_grant_policy_id', 'emergencyGrantPolicyId', 'POLICY_TYPE_GRANT'],
] as const satisfies ReadonlyArray<readonly [string, string, PolicyType]>;

type PolicyColumn = (typeof POLICY_COLUMNS)[number][0];

/**
 * Refuses a row or a change that names a policy which is missing or of the wrong type (issue 19):
 * `""` names none. Only the columns present are checked, so an update checks what it changes.
 */
export async function requireNamedPolicies(
  trx: Executor,
  values: Partial<Record<PolicyColumn, string | null | undefined>>,
): Promise<void> {
  for (const [column, field, type] of POLICY_COLUMNS) {
    const id = values[column];
    if (id) await requirePolicyOfType(trx, id, type, field);
  }
}

/** What the policies module, below the catalog, asks of it; the container passes this. */
export const policyCatalogPorts: PolicyCatalogPorts = {
  async entitlementExists(trx, appId, appEntitlementId) {
    const row = await trx
      .selectFrom('app_entitlements')
      .select('id')
      .where('id', '=', appEntitlementId)
      .where('app_id', '=', appId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row !== undefined;
  },

  async namedBy(trx, policyId) {
    const apps = await trx
      .selectFrom('apps')
      .select('id')
      .where('deleted_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb('grant_policy_id', '=', policyId),
          eb('revoke_policy_id', '=', policyId),
          eb('certify_policy_id', '=', policyId),
        ]),
      )
      .orderBy('id')
      .limit(3)
      .execute();
    const entitlements = await trx
      .selectFrom('app_entitlements')
      .select('id')
      .where('deleted_at', 'is', null)
      .where((eb) => eb.or(POLICY_COLUMNS.map(([column]) => eb(column, '=', policyId))))
      .orderBy('id')
      .limit(3)
      .execute();
    return [
      ...apps.map((row) => ({ type: 'app' as const, id: row.id })),
      ...entitlements.map((row) => ({ type: 'app_entitlement' as const, id: row.id })),
    ];
  },
};
