import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ExpansionService } from '../expansion/index.js';
import type { CatalogService } from './catalog.service.js';
import { entitlementsRoutes } from './entitlements.routes.js';
import { resourceTypesRoutes } from './resource-types.routes.js';
import { resourcesRoutes } from './resources.routes.js';

export const catalogRoutes: FastifyPluginAsyncTypebox<{
  catalog: CatalogService;
  expansion: ExpansionService;
}> = async (app, { catalog, expansion }) => {
  await app.register(resourceTypesRoutes, { resourceTypes: catalog.resourceTypes });
  await app.register(resourcesRoutes, { resources: catalog.resources });
  await app.register(entitlementsRoutes, { entitlements: catalog.entitlements, expansion });
};
