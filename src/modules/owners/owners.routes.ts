import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../http/principal.js';
import { Empty, FilterIds, IdParam, ListOf, PageQuery } from '../../http/wire.js';
import type { OwnerTarget } from '../catalog/index.js';
import { toUser, User } from '../users/index.js';
import type { OwnersService } from './owners.service.js';

const APP = '/api/v1/apps/:app_id';
const ENTITLEMENT = `${APP}/entitlements/:entitlement_id`;
// The singular `resource` segment is the published path (CONTRACT.md §5, Routing pitfalls).
const RESOURCE = `${APP}/resource_types/:resource_type_id/resource/:resource_id`;

const AppParams = Type.Object({ app_id: IdParam });
const AppUserParams = Type.Object({ app_id: IdParam, user_id: IdParam });
const EntParams = Type.Object({ app_id: IdParam, entitlement_id: IdParam });
const EntUserParams = Type.Object({ app_id: IdParam, entitlement_id: IdParam, user_id: IdParam });
const ResParams = Type.Object({ app_id: IdParam, resource_type_id: IdParam, resource_id: IdParam });
const UserIdBody = Type.Object({ userId: IdParam });
const UserIdsBody = Type.Object({ userIds: Type.Optional(Type.Union([FilterIds, Type.Null()])) });
const OwnerList = ListOf(User);

/** Owners of apps, entitlements and resources (CONTRACT.md §5 "Owners", §7.13). */
export const ownersRoutes: FastifyPluginAsyncTypebox<{ owners: OwnersService }> = async (app, { owners }) => {
  const listed = async (target: OwnerTarget, query: { page_size?: number; page_token?: string }) => {
    const page = await owners.list(target, { pageSize: query.page_size, pageToken: query.page_token });
    return { list: page.items.map(toUser), nextPageToken: page.nextPageToken };
  };
  const appT = (p: { app_id: string }): OwnerTarget => ({ type: 'app', appId: p.app_id });
  const entT = (routeParams: { app_id: string; entitlement_id: string }): OwnerTarget => ({
    type: 'entitlement',
    appId: routeParams.app_id,
    entitlementId: routeParams.entitlement_id,
  });
  const resT = (routeParams: {
    app_id: string;
    resource_type_id: string;
    resource_id: string;
  }): OwnerTarget => ({
    type: 'resource',
    appId: routeParams.app_id,
    resourceTypeId: routeParams.resource_type_id,
    resourceId: routeParams.resource_id,
  });
  // App owners decide who administers an app, so only apps:write changes them; entitlement and
  // resource owners are part of the catalog an App Admin manages (CONTRACT.md §7.10).
  const ownedEnt = { app: 'app_id', entitlement: 'entitlement_id' };
  const ownedRes = { app: 'app_id', resource: 'resource_id' };

  app.get(
    `${APP}/owners`,
    {
      config: { permission: 'apps:read' },
      schema: { params: AppParams, querystring: PageQuery, response: { 200: OwnerList } },
    },
    async (request) => listed(appT(request.params), request.query),
  );
  app.put(
    `${APP}/owners`,
    {
      config: { permission: 'apps:write' },
      schema: { params: AppParams, body: UserIdsBody, response: { 200: Empty } },
    },
    async (request) => {
      await owners.set(actorOf(request), appT(request.params), request.body.userIds ?? []);
      return {};
    },
  );
  app.post(
    `${APP}/owners/:user_id`,
    { config: { permission: 'apps:write' }, schema: { params: AppUserParams, response: { 200: Empty } } },
    async (request) => {
      await owners.add(actorOf(request), appT(request.params), [request.params.user_id]);
      return {};
    },
  );
  app.delete(
    `${APP}/owners/:user_id`,
    { config: { permission: 'apps:write' }, schema: { params: AppUserParams, response: { 200: Empty } } },
    async (request) => {
      await owners.remove(actorOf(request), appT(request.params), request.params.user_id);
      return {};
    },
  );

  app.get(
    `${ENTITLEMENT}/owners`,
    {
      config: { permission: 'catalog:read' },
      schema: { params: EntParams, querystring: PageQuery, response: { 200: OwnerList } },
    },
    async (request) => listed(entT(request.params), request.query),
  );
  app.post(
    `${ENTITLEMENT}/owners`,
    {
      config: { permission: 'catalog:write', owned: ownedEnt },
      schema: { params: EntParams, body: UserIdBody, response: { 200: Empty } },
    },
    async (request) => {
      await owners.add(actorOf(request), entT(request.params), [request.body.userId]);
      return {};
    },
  );
  app.put(
    `${ENTITLEMENT}/owners`,
    {
      config: { permission: 'catalog:write', owned: ownedEnt },
      schema: { params: EntParams, body: UserIdsBody, response: { 200: Empty } },
    },
    async (request) => {
      await owners.set(actorOf(request), entT(request.params), request.body.userIds ?? []);
      return {};
    },
  );
  app.delete(
    `${ENTITLEMENT}/owners/:user_id`,
    {
      config: { permission: 'catalog:write', owned: ownedEnt },
      schema: { params: EntUserParams, response: { 200: Empty } },
    },
    async (request) => {
      await owners.remove(actorOf(request), entT(request.params), request.params.user_id);
      return {};
    },
  );

  app.get(
    `${RESOURCE}/owners`,
    {
      config: { permission: 'catalog:read' },
      schema: { params: ResParams, querystring: PageQuery, response: { 200: OwnerList } },
    },
    async (request) => listed(resT(request.params), request.query),
  );
  app.post(
    `${RESOURCE}/owners`,
    {
      config: { permission: 'catalog:write', owned: ownedRes },
      schema: { params: ResParams, body: UserIdBody, response: { 200: Empty } },
    },
    async (request) => {
      await owners.add(actorOf(request), resT(request.params), [request.body.userId]);
      return {};
    },
  );
  // AppResourceOwners.Remove carries its user ID in the DELETE body (CONTRACT.md §1, Requests).
  app.delete(
    `${RESOURCE}/owners`,
    {
      config: { permission: 'catalog:write', owned: ownedRes },
      schema: { params: ResParams, body: UserIdBody, response: { 200: Empty } },
    },
    async (request) => {
      await owners.remove(actorOf(request), resT(request.params), request.body.userId);
      return {};
    },
  );
};
