import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db } from '../../db/schema.js';
import { decodePageToken, keysetPage, type Page } from '../../http/pagination.js';
import { flag, planUpdate, requiredName, type UpdateRules } from '../../http/update-mask.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { SystemLog } from '../audit/index.js';
import { writeUpdate } from '../audit/index.js';
import {
  type AppFilter,
  type AppRecord,
  type AppRow,
  findAppRecord,
  insertApp,
  listApps,
  updateApp,
} from './apps.repository.js';
import { APP_READ_ONLY_FIELDS, type AppPatch, type NewApp } from './apps.schemas.js';
import { deleteWithEverythingBelow } from './cascade.js';
import { requireNamedPolicies } from './named-policies.js';
import type { CatalogOwners, RevokeGrantsOfEntitlements } from './ports.js';

export interface AppsServiceDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
  readonly owners: CatalogOwners;
  /** Deleting an app revokes every grant of its entitlements (CONTRACT.md §7.12). */
  readonly revokeGrantsOfEntitlements: RevokeGrantsOfEntitlements;
}

export type AppsService = ReturnType<typeof createAppsService>;

export type AppListFilter = Omit<AppFilter, 'afterId' | 'limit'> & {
  readonly pageSize?: number | null | undefined;
  readonly pageToken?: string | null | undefined;
  /** Roster holds no directory apps, so asking only for directories finds nothing. */
  readonly onlyDirectories?: boolean | null | undefined;
};

const UPDATE_RULES: UpdateRules<AppPatch, AppRow> = {
  displayName: requiredName('app'),
  description: (v) => ({ description: v ?? '' }),
  iconUrl: (v) => ({ icon_url: v ?? '' }),
  grantPolicyId: (v) => ({ grant_policy_id: v ?? '' }),
  revokePolicyId: (v) => ({ revoke_policy_id: v ?? '' }),
  certifyPolicyId: (v) => ({ certify_policy_id: v ?? '' }),
  identityMatching: (v) => ({ identity_matching: v ?? 'APP_USER_IDENTITY_MATCHING_UNSPECIFIED' }),
  instructions: (v) => ({ instructions: v ?? '' }),
  monthlyCostUsd: (v) => ({ monthly_cost_usd: v ?? 0 }),
  strictAccessEntitlementProvisioning: (v) => ({ strict_access_entitlement_provisioning: flag(v) }),
};

export function createAppsService(deps: AppsServiceDeps) {
  const { db, clock, systemLog } = deps;

  /** Fills App.appOwners (CONTRACT.md §4) with one query per page. */
  async function withOwners(rows: AppRecord[]): Promise<AppRecord[]> {
    const owners = await deps.owners.ownersOfApps(rows.map((r) => r.id));
    return rows.map((row) => ({ ...row, owners: owners.get(row.id) ?? [] }));
  }

  async function get(id: string): Promise<AppRecord> {
    const row = await findAppRecord(db, id, clock.now().toISOString());
    if (!row || row.deleted_at !== null) throw notFound('app', id);
    return (await withOwners([row]))[0] as AppRecord;
  }

  return {
    get,

    /** Creates a manually managed app (CONTRACT.md §3, §7.3) with its system-log event. */
    async create(actor: Actor, input: NewApp): Promise<AppRecord> {
      const now = clock.now();
      const at = now.toISOString();
      const row: AppRow = {
        id: newId(now.getTime()),
        display_name: input.displayName,
        description: input.description ?? '',
        icon_url: '',
        is_manually_managed: true,
        identity_matching: input.identityMatching ?? 'APP_USER_IDENTITY_MATCHING_UNSPECIFIED',
        monthly_cost_usd: input.monthlyCostUsd ?? 0,
        grant_policy_id: input.grantPolicyId ?? '',
        revoke_policy_id: input.revokePolicyId ?? '',
        certify_policy_id: input.certifyPolicyId ?? '',
        strict_access_entitlement_provisioning: flag(input.strictAccessEntitlementProvisioning ?? false),
        instructions: '',
        created_at: at,
        updated_at: at,
        deleted_at: null,
      };
      await db.transaction().execute(async (trx) => {
        await requireNamedPolicies(trx, row);
        await insertApp(trx, row);
        if (input.owners && input.owners.length > 0) {
          await deps.owners.setInTransaction(trx, actor, { type: 'app', appId: row.id }, input.owners);
        }
        await systemLog.record(trx, [
          {
            operation: 'app.created',
            activity: 'create',
            targetType: 'app',
            targetId: row.id,
            actor,
            occurredAt: now,
          },
        ]);
      });
      return get(row.id);
    },

    async list(filter: AppListFilter): Promise<Page<AppRecord>> {
      if (filter.onlyDirectories) {
        decodePageToken(filter.pageToken ?? undefined);
        return { items: [], nextPageToken: '' };
      }
      const page = await keysetPage(filter, (afterId, limit) =>
        listApps(db, { ...filter, afterId, limit }, clock.now().toISOString()),
      );
      return { ...page, items: await withOwners(page.items) };
    },

    /** CONTRACT.md §7.6; a request that changes nothing writes nothing. */
    async update(actor: Actor, id: string, patch: AppPatch | null | undefined, mask: string[] | undefined) {
      await db.transaction().execute(async (trx) => {
        const current = await findAppRecord(trx, id, clock.now().toISOString());
        if (!current || current.deleted_at !== null) throw notFound('app', id);
        const plan = planUpdate('App', current, patch, mask, UPDATE_RULES, APP_READ_ONLY_FIELDS);
        await requireNamedPolicies(trx, plan.changes);
        await writeUpdate(trx, deps, plan, (changes) => updateApp(trx, id, changes), {
          operation: 'app.updated',
          targetType: 'app',
          targetId: id,
          actor,
        });
      });
      return get(id);
    },

    /** Soft delete with its whole catalog, revoking every grant below it, in one transaction (§7.12). */
    async delete(actor: Actor, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const deleted = await deleteWithEverythingBelow(
          trx,
          deps,
          { kind: 'app', appId: id },
          actor,
          clock.now(),
        );
        if (!deleted) throw notFound('app', id);
      });
    },
  };
}
