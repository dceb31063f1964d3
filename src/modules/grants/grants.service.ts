import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db, Executor } from '../../db/schema.js';
import { keysetPage } from '../../http/pagination.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, notFound } from '../../lib/errors.js';
import { isId } from '../../lib/ids.js';
import { type AppUserRow, findAppUserById, findAppUsersByIds } from '../app-users/index.js';
import type { SystemLog } from '../audit/index.js';
import { requireEntitlementInApp, requireManualEntitlement } from '../catalog/index.js';
import type { Idempotency, IdempotencyRequest } from '../idempotency/index.js';
import { findUsersByIds, type UserRow } from '../users/index.js';
import { findLiveGrant, type GrantRow, listLiveGrants, revokeGrant } from './grants.repository.js';
import {
  listMemberPage,
  listMemberViews,
  type MemberPageRow,
  type MemberViewRow,
} from './membership.repository.js';
import { recordRevocations } from './revocation.js';

export interface GrantsServiceDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
  readonly idempotency: Idempotency;
  /**
   * The open bulk action that was asked to add `userId` to the entitlement and has not reached them
   * yet, if any. Bulk actions sit above grants, so the container passes this in.
   */
  readonly findPendingAdd: (
    db: Executor,
    entitlementId: string,
    userId: string,
  ) => Promise<string | undefined>;
}

export interface MemberPage {
  readonly grants: GrantRow[];
  readonly appUsers: Map<string, AppUserRow>;
  readonly users: Map<string, UserRow>;
  readonly nextPageToken: string;
}

export type GrantsService = ReturnType<typeof createGrantsService>;

export function createGrantsService(deps: GrantsServiceDeps) {
  const { db, clock } = deps;

  return {
    /** One keyset page of an entitlement's live grants with their app users and identity users. */
    async listMembers(
      appId: string,
      entitlementId: string,
      page: { pageSize?: number | undefined; pageToken?: string | undefined },
    ): Promise<MemberPage> {
      await requireEntitlementInApp(db, appId, entitlementId);
      const { items, nextPageToken } = await keysetPage(page, (afterId, limit) =>
        listLiveGrants(db, entitlementId, afterId, limit, clock.now().toISOString()),
      );
      const appUsers = new Map(
        (await findAppUsersByIds(db, [...new Set(items.map((g) => g.app_user_id))])).map((a) => [a.id, a]),
      );
      const identityIds = [
        ...new Set([...appUsers.values()].map((a) => a.identity_user_id).filter((id) => id !== '')),
      ];
      const users = new Map((await findUsersByIds(db, identityIds)).map((u) => [u.id, u]));
      return { grants: items, appUsers, users, nextPageToken };
    },

    /** One keyset page of an entitlement's members with their app users, in one query. */
    async listMemberViews(
      appId: string,
      entitlementId: string,
      page: { pageSize?: number | undefined; pageToken?: string | undefined },
    ): Promise<{ items: MemberViewRow[]; nextPageToken: string }> {
      await requireEntitlementInApp(db, appId, entitlementId);
      return keysetPage(page, (afterId, limit) =>
        listMemberViews(db, entitlementId, afterId, limit, clock.now().toISOString()),
      );
    },

    /**
     * One keyset page of an entitlement's members with the task each grant came from, read in one
     * query (Roster's members page); `appUserIds` keeps those app users only.
     */
    async listMembersWithTickets(
      appId: string,
      entitlementId: string,
      page: { pageSize?: number | undefined; pageToken?: string | undefined },
      appUserIds?: readonly string[],
    ): Promise<{ items: MemberPageRow[]; nextPageToken: string }> {
      await requireEntitlementInApp(db, appId, entitlementId);
      return keysetPage(page, (afterId, limit) =>
        listMemberPage(db, entitlementId, { afterId, limit, appUserIds }, clock.now().toISOString()),
      );
    },

    /**
     * Revokes the app user's grant of the entitlement, with a REMOVED entry and the request's
     * system-log event.
     * Idempotent: an app user without a grant is answered like a removed one (CONTRACT.md §7.5).
     */
    async removeMembership(
      actor: Actor,
      appId: string,
      entitlementId: string,
      appUserId: string,
      idempotency?: IdempotencyRequest,
    ): Promise<{ revokeTaskId: string }> {
      return deps.idempotency.run(idempotency, async (storeAnswer) => {
        await requireManualEntitlement(db, appId, entitlementId);
        const appUser = await findAppUserById(db, appUserId);
        if (!appUser || appUser.app_id !== appId) throw notFound('app user', appUserId);
        // An add of this person that was accepted but not applied yet would land after this removal
        // and undo it; refuse rather than answer 200 for a removal that will not hold.
        const pending = isId(appUser.identity_user_id)
          ? await deps.findPendingAdd(db, entitlementId, appUser.identity_user_id)
          : undefined;
        if (pending) {
          throw new AppError(
            'ABORTED',
            `bulk action ${pending} is still adding this user to the entitlement; retry when it has finished`,
            'MEMBERSHIP_CHANGE_PENDING',
            { bulkActionId: pending },
          );
        }
        // Removal opens no revoke task for a manual entitlement (CONTRACT.md §3, manual membership).
        const answer = { revokeTaskId: '' };
        await db.transaction().execute(async (trx) => {
          await storeAnswer(trx, answer);
          const grant = await findLiveGrant(trx, entitlementId, appUserId);
          if (!grant) return;
          const now = clock.now();
          if (!(await revokeGrant(trx, grant.id, now.toISOString()))) return;
          await recordRevocations(trx, deps, [grant], actor, now, null);
          // The request's one system-log event (CONTRACT.md §7.11).
          await deps.systemLog.record(trx, [
            {
              operation: 'grant.removed',
              activity: 'delete',
              targetType: 'grant',
              targetId: grant.id,
              actor,
              occurredAt: now,
              details: { appId: grant.app_id, appEntitlementId: entitlementId, appUserId },
            },
          ]);
        });
        return answer;
      });
    },
  };
}
