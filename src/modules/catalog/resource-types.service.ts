import { keysetPage, type Page } from '../../http/pagination.js';
import { planUpdate, requiredName, type UpdateRules } from '../../http/update-mask.js';
import type { Actor } from '../../lib/actor.js';
import { notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { writeUpdate } from '../audit/index.js';
import { deleteWithEverythingBelow } from './cascade.js';
import type { CatalogServiceDeps } from './catalog.service.js';
import {
  insertResourceType,
  listResourceTypes,
  type ResourceTypeRow,
  updateResourceType,
} from './resource-types.repository.js';
import {
  type NewResourceType,
  RESOURCE_TYPE_READ_ONLY_FIELDS,
  type ResourceTypePatch,
} from './resource-types.schemas.js';
import { requireApp, requireResourceType } from './scope.js';

export type ResourceTypesService = ReturnType<typeof createResourceTypesService>;

const UPDATE_RULES: UpdateRules<ResourceTypePatch, ResourceTypeRow> = {
  displayName: requiredName('app resource type'),
};

const TARGET = 'app_resource_type';

export function createResourceTypesService(deps: CatalogServiceDeps) {
  const { db, clock, systemLog } = deps;

  async function get(appId: string, id: string): Promise<ResourceTypeRow> {
    await requireApp(db, appId);
    return requireResourceType(db, appId, id);
  }

  return {
    get,

    /** Creates a manually managed resource type; creates are creates (CONTRACT.md §7.14). */
    async create(actor: Actor, appId: string, input: NewResourceType): Promise<ResourceTypeRow> {
      const now = clock.now();
      const at = now.toISOString();
      const row: ResourceTypeRow = {
        id: newId(now.getTime()),
        app_id: appId,
        display_name: input.displayName,
        resource_type: input.resourceType,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      };
      await db.transaction().execute(async (trx) => {
        await requireApp(trx, appId);
        await insertResourceType(trx, row);
        await systemLog.record(trx, [
          {
            operation: `${TARGET}.created`,
            activity: 'create',
            targetType: TARGET,
            targetId: row.id,
            actor,
            occurredAt: now,
            details: { appId, resourceType: input.resourceType },
          },
        ]);
      });
      return row;
    },

    async list(
      appId: string,
      paging: { pageSize?: number; pageToken?: string },
    ): Promise<Page<ResourceTypeRow>> {
      await requireApp(db, appId);
      return keysetPage(paging, (afterId, limit) => listResourceTypes(db, appId, afterId, limit));
    },

    async update(
      actor: Actor,
      appId: string,
      id: string,
      patch: ResourceTypePatch | null | undefined,
      mask: string[] | undefined,
    ): Promise<ResourceTypeRow> {
      await db.transaction().execute(async (trx) => {
        await requireApp(trx, appId);
        const current = await requireResourceType(trx, appId, id);
        const plan = planUpdate(
          'AppResourceType',
          current,
          patch,
          mask,
          UPDATE_RULES,
          RESOURCE_TYPE_READ_ONLY_FIELDS,
        );
        await writeUpdate(trx, deps, plan, (changes) => updateResourceType(trx, id, changes), {
          operation: `${TARGET}.updated`,
          targetType: TARGET,
          targetId: id,
          actor,
          details: { appId },
        });
      });
      return get(appId, id);
    },

    /** Deletes the type, its resources and their entitlements, revoking their grants (§3, §7.12). */
    async delete(actor: Actor, appId: string, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await requireApp(trx, appId);
        await requireResourceType(trx, appId, id);
        const root = { kind: TARGET, appId, id } as const;
        if (!(await deleteWithEverythingBelow(trx, deps, root, actor, clock.now()))) {
          throw notFound('app resource type', id);
        }
      });
    },
  };
}
