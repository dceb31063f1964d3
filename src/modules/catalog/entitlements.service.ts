import { keysetPage, type Page } from '../../http/pagination.js';
import { flag, planUpdate, requiredName, type UpdateRules } from '../../http/update-mask.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, invalidArgument, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { writeUpdate } from '../audit/index.js';
import { deleteWithEverythingBelow } from './cascade.js';
import type { CatalogServiceDeps } from './catalog.service.js';
import { checkNotScimOwned, requireEntitlementRecord } from './entitlement-guard.js';
import {
  type EntitlementRecord,
  type EntitlementRow,
  insertEntitlement,
  listEntitlements,
  updateEntitlement,
} from './entitlements.repository.js';
import {
  ENTITLEMENT_READ_ONLY_FIELDS,
  type EntitlementPatch,
  type NewEntitlement,
} from './entitlements.schemas.js';
import { requireNamedPolicies } from './named-policies.js';
import { requireApp, requireResource, requireResourceType } from './scope.js';

export type EntitlementsService = ReturnType<typeof createEntitlementsService>;

const UPDATE_RULES: UpdateRules<EntitlementPatch, EntitlementRow> = {
  displayName: requiredName('app entitlement'),
  description: (v) => ({ description: v ?? '' }),
  alias: (v) => ({ alias: v ?? '' }),
  slug: (v) => ({ slug: v ?? '' }),
  grantPolicyId: (v) => ({ grant_policy_id: v ?? '' }),
  revokePolicyId: (v) => ({ revoke_policy_id: v ?? '' }),
  certifyPolicyId: (v) => ({ certify_policy_id: v ?? '' }),
  emergencyGrantEnabled: (v) => ({ emergency_grant_enabled: flag(v) }),
  emergencyGrantPolicyId: (v) => ({ emergency_grant_policy_id: v ?? '' }),
  overrideAccessRequestsDefaults: (v) => ({ override_access_requests_defaults: flag(v) }),
  complianceFrameworkValueIds: (v) => ({ compliance_framework_value_ids: v ?? [] }),
  riskLevelValueId: (v) => ({ risk_level_value_id: v ?? '' }),
  matchBatonId: (v) => ({ match_baton_id: v ?? '' }),
  purpose: (v) => ({ purpose: v ?? PURPOSE_UNSPECIFIED }),
  // The max_grant_duration oneof: either member names the one column.
  durationGrant: (v) => ({ duration_grant: v ?? null }),
  durationUnset: () => ({ duration_grant: null }),
};

const PURPOSE_UNSPECIFIED = 'APP_ENTITLEMENT_PURPOSE_VALUE_UNSPECIFIED';
const TARGET = 'app_entitlement';

/** durationGrant and durationUnset are one protobuf oneof: at most one may be set. */
function checkDurationOneof(
  input: { durationGrant?: unknown; durationUnset?: unknown } | null | undefined,
): void {
  if (input && input.durationGrant != null && input.durationUnset != null) {
    throw invalidArgument('set durationGrant or durationUnset, not both', 'DURATION_CONFLICT');
  }
}

const aliasTaken = (appId: string, alias: string) =>
  new AppError(
    'ALREADY_EXISTS',
    `alias ${JSON.stringify(alias)} is already used by another entitlement of app ${appId}; aliases are unique within an app`,
    'ALIAS_TAKEN',
    { appId, alias },
  );

export function createEntitlementsService(deps: CatalogServiceDeps) {
  const { db, clock, systemLog, dialect } = deps;

  /** Runs a write, turning a hit on the partial unique index of aliases into 409 (CONTRACT.md §7.14). */
  async function guardingAlias<T>(appId: string, alias: () => string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (dialect.isUniqueViolation(error)) throw aliasTaken(appId, alias());
      throw error;
    }
  }

  /** The entitlement with its grant count: one query (requireEntitlementRecord). */
  function get(appId: string, id: string): Promise<EntitlementRecord> {
    return requireEntitlementRecord(db, appId, id, clock.now());
  }

  return {
    get,

    /**
     * Creates an entitlement; creates are creates (CONTRACT.md §7.14). It hangs on a resource type
     * and/or resource of the same app when given, and is manually managed when its app is (§7.3).
     */
    async create(
      actor: Actor,
      appId: string,
      input: NewEntitlement,
      /** The SCIM connection creating the entitlement as one of its groups, which then owns it. */
      scimConnectionId: string | null = null,
    ): Promise<EntitlementRecord> {
      checkDurationOneof(input);
      const now = clock.now();
      const at = now.toISOString();
      const id = newId(now.getTime());
      await guardingAlias(
        appId,
        () => input.alias ?? '',
        () =>
          db.transaction().execute(async (trx) => {
            const app = await requireApp(trx, appId);
            let typeId = input.appResourceTypeId || '';
            const resourceId = input.appResourceId || '';
            if (typeId) await requireResourceType(trx, appId, typeId);
            if (resourceId) {
              const resource = await requireResource(trx, appId, typeId || undefined, resourceId);
              typeId = resource.app_resource_type_id;
            }
            const row: EntitlementRow = {
              id,
              app_id: appId,
              app_resource_type_id: typeId,
              app_resource_id: resourceId,
              display_name: input.displayName,
              description: input.description ?? '',
              alias: input.alias ?? '',
              slug: input.slug ?? '',
              is_manually_managed: app.is_manually_managed,
              purpose: input.purpose ?? PURPOSE_UNSPECIFIED,
              grant_policy_id: input.grantPolicyId ?? '',
              revoke_policy_id: input.revokePolicyId ?? '',
              certify_policy_id: input.certifyPolicyId ?? '',
              emergency_grant_enabled: flag(input.emergencyGrantEnabled ?? false),
              emergency_grant_policy_id: input.emergencyGrantPolicyId ?? '',
              override_access_requests_defaults: flag(input.overrideAccessRequestsDefaults ?? false),
              risk_level_value_id: input.riskLevelValueId ?? '',
              compliance_framework_value_ids: input.complianceFrameworkValueIds ?? [],
              match_baton_id: input.matchBatonId ?? '',
              duration_grant: input.durationGrant ?? null,
              scim_connection_id: scimConnectionId,
              created_at: at,
              updated_at: at,
              deleted_at: null,
            };
            await requireNamedPolicies(trx, row);
            await insertEntitlement(trx, row);
            if (input.appEntitlementOwnerIds && input.appEntitlementOwnerIds.length > 0) {
              await deps.owners.setInTransaction(
                trx,
                actor,
                { type: 'entitlement', appId, entitlementId: id },
                input.appEntitlementOwnerIds,
              );
            }
            await systemLog.record(trx, [
              {
                operation: `${TARGET}.created`,
                activity: 'create',
                targetType: TARGET,
                targetId: id,
                actor,
                occurredAt: now,
                details: { appId, appResourceTypeId: typeId, appResourceId: resourceId },
              },
            ]);
          }),
      );
      return get(appId, id);
    },

    async list(
      appId: string,
      paging: { pageSize?: number; pageToken?: string },
    ): Promise<Page<EntitlementRecord>> {
      await requireApp(db, appId);
      return keysetPage(paging, (afterId, limit) =>
        listEntitlements(db, { appId }, afterId, limit, clock.now().toISOString()),
      );
    },

    async update(
      actor: Actor,
      appId: string,
      id: string,
      patch: EntitlementPatch | null | undefined,
      mask: string[] | undefined,
    ): Promise<EntitlementRecord> {
      checkDurationOneof(patch);
      let alias = '';
      await guardingAlias(
        appId,
        () => alias,
        () =>
          db.transaction().execute(async (trx) => {
            await requireApp(trx, appId);
            const current = await requireEntitlementRecord(trx, appId, id, clock.now());
            checkNotScimOwned(current, actor);
            const plan = planUpdate(
              'AppEntitlement',
              current,
              patch,
              mask,
              UPDATE_RULES,
              ENTITLEMENT_READ_ONLY_FIELDS,
            );
            alias = plan.changes.alias ?? current.alias;
            await requireNamedPolicies(trx, plan.changes);
            await writeUpdate(trx, deps, plan, (changes) => updateEntitlement(trx, id, changes), {
              operation: `${TARGET}.updated`,
              targetType: TARGET,
              targetId: id,
              actor,
              details: { appId },
            });
          }),
      );
      return get(appId, id);
    },

    /** Deletes the entitlement and revokes its live grants with REMOVED events (CONTRACT.md §7.12). */
    async delete(actor: Actor, appId: string, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await requireApp(trx, appId);
        checkNotScimOwned(await requireEntitlementRecord(trx, appId, id, clock.now()), actor);
        const root = { kind: TARGET, appId, id } as const;
        if (!(await deleteWithEverythingBelow(trx, deps, root, actor, clock.now()))) {
          throw notFound('app entitlement', id);
        }
      });
    },
  };
}
