import type { Executor } from '../../db/schema.js';
import { notFound } from '../../lib/errors.js';
import { type AppRow, findAppById } from './apps.repository.js';
import { findResourceTypeById, type ResourceTypeRow } from './resource-types.repository.js';
import { findResourceById, type ResourceRow } from './resources.repository.js';

/**
 * Lookups that turn a path into live rows, or a 404 naming the first part that is unknown or
 * deleted. A child reached through the wrong parent is as unknown as a missing one.
 */
export async function requireApp(db: Executor, appId: string): Promise<AppRow> {
  const app = await findAppById(db, appId);
  if (!app || app.deleted_at !== null) throw notFound('app', appId);
  return app;
}

export async function requireResourceType(db: Executor, appId: string, id: string): Promise<ResourceTypeRow> {
  const type = await findResourceTypeById(db, id);
  if (!type || type.deleted_at !== null || type.app_id !== appId) throw notFound('app resource type', id);
  return type;
}

export async function requireResource(
  db: Executor,
  appId: string,
  resourceTypeId: string | undefined,
  id: string,
): Promise<ResourceRow> {
  const resource = await findResourceById(db, id);
  if (
    !resource ||
    resource.deleted_at !== null ||
    resource.app_id !== appId ||
    (resourceTypeId !== undefined && resource.app_resource_type_id !== resourceTypeId)
  ) {
    throw notFound('app resource', id);
  }
  return resource;
}
