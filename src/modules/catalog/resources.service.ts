import { keysetPage, type Page } from '../../http/pagination.js';
import { planUpdate, requiredName, type UpdateRules } from '../../http/update-mask.js';
import type { Actor } from '../../lib/actor.js';
import { notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { writeUpdate } from '../audit/index.js';
import { deleteWithEverythingBelow } from './cascade.js';
import type { CatalogServiceDeps } from './catalog.service.js';
import {
  findResourceRecord,
  insertResource,
  listResources,
  type ResourceRecord,
  type ResourceRow,
  updateResource,
} from './resources.repository.js';
import { type NewResource, RESOURCE_READ_ONLY_FIELDS, type ResourcePatch } from './resources.schemas.js';
import { requireApp, requireResource, requireResourceType } from './scope.js';

export type ResourcesService = ReturnType<typeof createResourcesService>;

const UPDATE_RULES: UpdateRules<ResourcePatch, ResourceRow> = {
  displayName: requiredName('app resource'),
  description: (v) => ({ description: v ?? '' }),
  matchBatonId: (v) => ({ match_baton_id: v ?? '' }),
};

const TARGET = 'app_resource';

/** A resource path: `/apps/{appId}/resource_types/{typeId}/resources/{id}`. */
export interface ResourcePath {
  readonly appId: string;
  readonly typeId: string;
  readonly id: string;
}

export function createResourcesService(deps: CatalogServiceDeps) {
  const { db, clock, systemLog } = deps;

  async function get({ appId, typeId, id }: ResourcePath): Promise<ResourceRecord> {
    await requireApp(db, appId);
    await requireResourceType(db, appId, typeId);
    await requireResource(db, appId, typeId, id);
    const record = await findResourceRecord(db, id, clock.now().toISOString());
    if (!record) throw notFound('app resource', id);
    return record;
  }

  return {
    get,

    /** Creates a manually managed resource of a type; creates are creates (CONTRACT.md §7.14). */
    async create(actor: Actor, appId: string, typeId: string, input: NewResource): Promise<ResourceRecord> {
      const now = clock.now();
      const at = now.toISOString();
      const row: ResourceRow = {
        id: newId(now.getTime()),
        app_id: appId,
        app_resource_type_id: typeId,
        display_name: input.displayName,
        description: input.description ?? '',
        match_baton_id: input.matchBatonId ?? '',
        created_at: at,
        updated_at: at,
        deleted_at: null,
      };
      await db.transaction().execute(async (trx) => {
        await requireApp(trx, appId);
        await requireResourceType(trx, appId, typeId);
        await insertResource(trx, row);
        if (input.resourceOwnerUserIds && input.resourceOwnerUserIds.length > 0) {
          await deps.owners.setInTransaction(
            trx,
            actor,
            { type: 'resource', appId, resourceTypeId: typeId, resourceId: row.id },
            input.resourceOwnerUserIds,
          );
        }
        await systemLog.record(trx, [
          {
            operation: `${TARGET}.created`,
            activity: 'create',
            targetType: TARGET,
            targetId: row.id,
            actor,
            occurredAt: now,
            details: { appId, appResourceTypeId: typeId },
          },
        ]);
      });
      return { ...row, grant_count: 0 };
    },

    async list(
      appId: string,
      typeId: string,
      paging: { pageSize?: number; pageToken?: string },
    ): Promise<Page<ResourceRecord>> {
      await requireApp(db, appId);
      await requireResourceType(db, appId, typeId);
      return keysetPage(paging, (afterId, limit) =>
        listResources(db, typeId, afterId, limit, clock.now().toISOString()),
      );
    },

    async update(
      actor: Actor,
      path: ResourcePath,
      patch: ResourcePatch | null | undefined,
      mask: string[] | undefined,
    ): Promise<ResourceRecord> {
      const { appId, typeId, id } = path;
      await db.transaction().execute(async (trx) => {
        await requireApp(trx, appId);
        await requireResourceType(trx, appId, typeId);
        const current = await requireResource(trx, appId, typeId, id);
        const plan = planUpdate('AppResource', current, patch, mask, UPDATE_RULES, RESOURCE_READ_ONLY_FIELDS);
        await writeUpdate(trx, deps, plan, (changes) => updateResource(trx, id, changes), {
          operation: `${TARGET}.updated`,
          targetType: TARGET,
          targetId: id,
          actor,
          details: { appId, appResourceTypeId: typeId },
        });
      });
      return get(path);
    },

    /** Deletes the resource and its entitlements, revoking their grants (CONTRACT.md §3, §7.12). */
    async delete(actor: Actor, { appId, typeId, id }: ResourcePath): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await requireApp(trx, appId);
        await requireResourceType(trx, appId, typeId);
        await requireResource(trx, appId, typeId, id);
        const root = { kind: TARGET, appId, id } as const;
        if (!(await deleteWithEverythingBelow(trx, deps, root, actor, clock.now()))) {
          throw notFound('app resource', id);
        }
      });
    },
  };
}
