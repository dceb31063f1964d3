import type { Db } from '../../db/schema.js';
import { keysetPage, type Page } from '../../http/pagination.js';
import { planUpdate, type UpdateRules } from '../../http/update-mask.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { invalidArgument, notFound } from '../../lib/errors.js';
import type { SystemLog } from '../audit/index.js';
import { writeUpdate } from '../audit/index.js';
import { requireApp } from '../catalog/index.js';
import { findUserById } from '../users/index.js';
import { type AppUserRow, findAppUserById, listAppUsers, updateAppUser } from './app-users.repository.js';
import {
  APP_USER_READ_ONLY_FIELDS,
  type AppUserPatch,
  type SearchAppUsersBody,
} from './app-users.schemas.js';

export interface AppUsersServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
}

type PageRequest = { pageSize?: number | null | undefined; pageToken?: string | null | undefined };

const UPDATE_RULES: UpdateRules<AppUserPatch, AppUserRow> = {
  appUserType: (v) => ({ app_user_type: v ?? 'APP_USER_TYPE_UNSPECIFIED' }),
  // An empty identity unlinks the account; anything else re-links it (checked in update()).
  identityUserId: (v) => ({ identity_user_id: v ?? '' }),
};

export type AppUsersService = ReturnType<typeof createAppUsersService>;

export function createAppUsersService(deps: AppUsersServiceDeps) {
  const { db } = deps;

  async function page(filter: Omit<Parameters<typeof listAppUsers>[1], 'afterId' | 'limit'>, p: PageRequest) {
    return keysetPage(p, (afterId, limit) => listAppUsers(db, { ...filter, afterId, limit }));
  }

  return {
    /** AU.List: the live accounts of an app. */
    async listForApp(appId: string, pageRequest: PageRequest): Promise<Page<AppUserRow>> {
      await requireApp(db, appId);
      return page({ appId }, pageRequest);
    },

    /** AU.ListAppUsersForUser: the live accounts of an app linked to one identity user. */
    async listForUser(appId: string, userId: string, pageRequest: PageRequest): Promise<Page<AppUserRow>> {
      await requireApp(db, appId);
      const user = await findUserById(db, userId);
      if (!user) throw notFound('user', userId);
      return page({ appId, identityUserIds: [userId] }, pageRequest);
    },

    /**
     * AU.Search. Roster keeps no status details and every account is trusted (`isExternal` is
     * false): asking for status details, or only for the EXTERNAL domain, finds nothing.
     */
    search(body: SearchAppUsersBody): Promise<Page<AppUserRow>> {
      const domains = body.appUserDomains ?? [];
      return page(
        {
          appId: body.appId || undefined,
          query: body.query || undefined,
          refs: body.refs?.map((r) => ({ id: r.id, appId: r.appId ?? undefined })),
          ids: body.appUserIds ?? undefined,
          excludeIds: body.excludeAppUserIds ?? undefined,
          identityUserIds: body.userIds ?? undefined,
          types: body.appUserTypes ?? undefined,
          statuses: body.appUserStatuses ?? undefined,
          matchesNothing:
            (body.appUserStatusDetails?.length ?? 0) > 0 ||
            (domains.length > 0 && domains.every((d) => d === 'APP_USER_DOMAIN_EXTERNAL')),
        },
        body,
      );
    },

    /**
     * AU.Update: only `appUserType` and `identityUserId` (CONTRACT.md §5), under the mask rules of
     * §7.6, with one system-log event in the same transaction (§7.11). Re-linking moves the account,
     * and the grants it holds, to another person; the grants themselves are the account's and stay.
     */
    async update(
      actor: Actor,
      appId: string,
      appUserId: string,
      patch: AppUserPatch | null | undefined,
      mask: string[] | undefined,
    ): Promise<AppUserRow> {
      return db.transaction().execute(async (trx) => {
        const current = await findAppUserById(trx, appUserId);
        if (!current || current.app_id !== appId || current.deleted_at !== null) {
          throw notFound('app user', appUserId);
        }
        const plan = planUpdate('AppUser', current, patch, mask, UPDATE_RULES, APP_USER_READ_ONLY_FIELDS);
        if (plan.fields.length === 0) return current;
        const identity = plan.changes.identity_user_id;
        if (identity) {
          const user = await findUserById(trx, identity);
          if (!user) throw notFound('user', identity);
          if (user.deleted_at !== null) {
            throw invalidArgument(
              `user ${identity} is deleted; link the account to a live user`,
              'USER_DELETED',
              {
                id: identity,
              },
            );
          }
        }
        const changes = await writeUpdate(
          trx,
          deps,
          plan,
          (written) => updateAppUser(trx, appUserId, written),
          {
            operation: 'app_user.updated',
            targetType: 'app_user',
            targetId: appUserId,
            actor,
            details: {
              appId,
              ...(identity === undefined
                ? {}
                : { previousIdentityUserId: current.identity_user_id, identityUserId: identity }),
            },
          },
        );
        return { ...current, ...changes };
      });
    },
  };
}
