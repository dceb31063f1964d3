import type { Executor } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import type { SystemLog, SystemLogEntry } from '../audit/index.js';
import { softDeleteApp } from './apps.repository.js';
import { softDeleteEntitlements } from './entitlements.repository.js';
import type { RevokeGrantsOfEntitlements } from './ports.js';
import { softDeleteResourceTypes } from './resource-types.repository.js';
import { softDeleteResources } from './resources.repository.js';

/** What a delete starts from. Everything below it goes with it (CONTRACT.md §7.12). */
export type DeleteRoot =
  | { readonly kind: 'app'; readonly appId: string }
  | { readonly kind: 'app_resource_type'; readonly appId: string; readonly id: string }
  | { readonly kind: 'app_resource'; readonly appId: string; readonly id: string }
  | { readonly kind: 'app_entitlement'; readonly appId: string; readonly id: string };

/**
 * Soft-deletes `root` and everything below it (app → resource types → resources → entitlements),
 * revokes the live grants of every entitlement it deleted with REMOVED grant events, and writes one
 * system-log event per deleted object, all in the caller's transaction. Returns false, changing
 * nothing, when the root was not live.
 */
export async function deleteWithEverythingBelow(
  trx: Executor,
  deps: { readonly systemLog: SystemLog; readonly revokeGrantsOfEntitlements: RevokeGrantsOfEntitlements },
  root: DeleteRoot,
  actor: Actor,
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  const deleted: Record<DeleteRoot['kind'], string[]> = {
    app: [],
    app_resource_type: [],
    app_resource: [],
    app_entitlement: [],
  };

  switch (root.kind) {
    case 'app':
      if (!(await softDeleteApp(trx, root.appId, at))) return false;
      deleted.app = [root.appId];
      deleted.app_resource_type = await softDeleteResourceTypes(trx, { appId: root.appId }, at);
      deleted.app_resource = await softDeleteResources(trx, { appId: root.appId }, at);
      deleted.app_entitlement = await softDeleteEntitlements(trx, { appId: root.appId }, at);
      break;
    case 'app_resource_type':
      deleted.app_resource_type = await softDeleteResourceTypes(trx, { id: root.id }, at);
      if (deleted.app_resource_type.length === 0) return false;
      deleted.app_resource = await softDeleteResources(trx, { resourceTypeId: root.id }, at);
      deleted.app_entitlement = await softDeleteEntitlements(trx, { resourceTypeId: root.id }, at);
      break;
    case 'app_resource':
      deleted.app_resource = await softDeleteResources(trx, { id: root.id }, at);
      if (deleted.app_resource.length === 0) return false;
      deleted.app_entitlement = await softDeleteEntitlements(trx, { resourceId: root.id }, at);
      break;
    case 'app_entitlement':
      deleted.app_entitlement = await softDeleteEntitlements(trx, { id: root.id }, at);
      if (deleted.app_entitlement.length === 0) return false;
      break;
  }

  const rootId = root.kind === 'app' ? root.appId : root.id;
  const events: SystemLogEntry[] = [];
  for (const kind of Object.keys(deleted) as Array<DeleteRoot['kind']>) {
    const ids = deleted[kind];
    for (const id of ids) {
      events.push({
        operation: `${kind}.deleted`,
        activity: 'delete',
        targetType: kind,
        targetId: id,
        actor,
        occurredAt: now,
        details:
          id === rootId
            ? { appId: root.appId }
            : { appId: root.appId, deletedWith: { type: root.kind, id: rootId } },
      });
    }
  }
  await deps.systemLog.record(trx, events);
  await deps.revokeGrantsOfEntitlements(trx, deleted.app_entitlement, actor, now);
  return true;
}
