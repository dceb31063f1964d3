import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CatalogService } from './catalog.service.js';

export const catalogRoutes: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async () => {};
