import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppsService } from './apps.service.js';

export const appsRoutes: FastifyPluginAsyncTypebox<{ apps: AppsService }> = async () => {};
