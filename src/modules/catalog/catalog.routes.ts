import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Expand } from '../../http/expansion.js';
import type { CatalogService } from './catalog.service.js';
import { entitlementsRoutes } from './entitlements.routes.js';
import { resourceTypesRoutes } from './resource-types.routes.js';
import { resourcesRoutes } from './resources.routes.js';

export const catalogRoutes: FastifyPluginAsyncTypebox<{
  catalog: CatalogService;
  expansion: Expand;
}> = async (app, { catalog, expansion }) => {
  await app.register(resourceTypesRoutes, { resourceTypes: catalog.resourceTypes });
  await app.register(resourcesRoutes, { resources: catalog.resources });
  await app.register(entitlementsRoutes, { entitlements: catalog.entitlements, expansion });
};
