import type { ChangePosition, DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db } from '../../db/schema.js';
import { fetchPage, keysetPage, type Page, pageSize } from '../../http/pagination.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, invalidArgument, notFound } from '../../lib/errors.js';
import { type AppUserRow, findAppUsersByIds } from '../app-users/index.js';
import type { EntitlementRecord } from '../catalog/index.js';
import { findEntitlementRecordsByIds } from '../catalog/index.js';
import {
  type ChangeCursor,
  type GrantEventRow as ChangeGrantEventRow,
  comparePositions,
  decodeChangeCursor,
  encodeChangeCursor,
  positionOf,
} from '../changes/index.js';
import { findUserById } from '../users/index.js';
import { requireEntitlementInApp } from './entitlement-guard.js';
import {
  findLiveGrantsOfAppUsers,
  listAppUsersOfIdentity,
  searchGrantEvents,
  searchLiveGrants,
  searchPastGrants,
} from './grant-record.repository.js';
import type { GrantFeedBody, SearchGrantsBody, SearchPastGrantsBody } from './grant-record.schemas.js';
import type { GrantRow } from './grants.repository.js';

type AppScoped = ReadonlyArray<{ id: string; appId?: string | null | undefined }> | null | undefined;
const refs = (list: AppScoped) => list?.map((r) => ({ id: r.id, appId: r.appId ?? undefined }));
/** Timestamps are stored as `toISOString()` text, so bounds are normalised to it before comparing. */
const instant = (t: string | null | undefined) => (t ? new Date(t).toISOString() : undefined);

/** A page token of the feed is the position of the page's last event (a change cursor). */
function pagePosition(token: string | null | undefined): ChangePosition | undefined {
  try {
    return decodeChangeCursor(token);
  } catch {
    throw new AppError('INVALID_ARGUMENT', 'page token is not one Roster issued', 'INVALID_PAGE_TOKEN');
  }
}

function laterPosition(a: ChangePosition | undefined, b: ChangePosition | undefined) {
  if (!a || !b) return a ?? b;
  return comparePositions(a, b) >= 0 ? a : b;
}

export type FeedEventRow = ChangeGrantEventRow;

export type GrantRecordService = ReturnType<typeof createGrantRecordService>;

export function createGrantRecordService(deps: {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
}) {
  const { db } = deps;

  return {
    /** ES.SearchGrants: live grants with their entitlements and accounts. */
    async search(
      body: SearchGrantsBody,
    ): Promise<
      Page<GrantRow> & { entitlements: Map<string, EntitlementRecord>; appUsers: Map<string, AppUserRow> }
    > {
      const page = await keysetPage(body, (afterId, limit) =>
        searchLiveGrants(db, {
          now: deps.clock.now().toISOString(),
          afterId,
          limit,
          appIds: body.appIds ?? undefined,
          appUserIds: body.appUserIds ?? undefined,
          entitlementRefs: refs(body.entitlementRefs),
          resourceIds: body.resourceIds ?? undefined,
          resourceTypeIds: body.resourceTypeIds ?? undefined,
          userId: body.userId || undefined,
        }),
      );
      const entitlementIds = [...new Set(page.items.map((g) => g.app_entitlement_id))];
      const appUserIds = [...new Set(page.items.map((g) => g.app_user_id))];
      const entitlements = new Map(
        (await findEntitlementRecordsByIds(db, entitlementIds, deps.clock.now().toISOString())).map((e) => [
          e.id,
          e,
        ]),
      );
      const appUsers = new Map((await findAppUsersByIds(db, appUserIds)).map((a) => [a.id, a]));
      return { ...page, entitlements, appUsers };
    },

    /** UB.SearchPastGrants: every grant, live or revoked, with when it was granted and revoked. */
    async pastGrants(body: SearchPastGrantsBody): Promise<Page<GrantRow>> {
      return keysetPage(body, (afterId, limit) =>
        searchPastGrants(db, {
          afterId,
          limit,
          appIds: body.appIds ?? undefined,
          entitlementRefs: refs(body.appEntitlementRefs),
          appUserRefs: refs(body.appUserRefs),
        }),
      );
    },

    /**
     * UB.SearchGrantFeed: ADDED and REMOVED events with `after <= date < before` (a half-open
     * window, so consecutive windows neither overlap nor leave gaps), in change-stream position
     * order (src/modules/changes). `userRefs` reaches the events of the accounts linked to those
     * users now. Pages and the `cursor` extension both move by position and stop at the stream's
     * horizon, so a poller that passes `nextCursor` back sees every event once, however many
     * writers commit meanwhile. `nextCursor` is the last event's position while more follow, and
     * the horizon on the last page: every matching event up to there has been returned.
     */
    async feed(body: GrantFeedBody): Promise<Page<FeedEventRow> & { nextCursor: ChangeCursor }> {
      const from = instant(body.after);
      const to = instant(body.before);
      if (from && to && from > to) {
        throw invalidArgument('`after` must not be later than `before`', 'INVALID_TIME_RANGE');
      }
      const cursor = decodeChangeCursor(body.cursor);
      const after = laterPosition(cursor, pagePosition(body.pageToken));
      const upTo = await deps.dialect.changeHorizon(db);
      const page = await fetchPage(
        pageSize(body.pageSize ?? undefined),
        (limit) =>
          searchGrantEvents(db, {
            window: { after, upTo },
            limit,
            from,
            to,
            appIds: body.appRefs?.map((r) => r.id),
            entitlementRefs: refs(body.appEntitlementRefs),
            appUserRefs: refs(body.appUserRefs),
            userIds: body.userRefs?.map((r) => r.id),
          }),
        (last) => encodeChangeCursor(positionOf(last)),
      );
      const nextCursor = page.nextPageToken || encodeChangeCursor(laterPosition(after, upTo) ?? upTo);
      return { ...page, nextCursor };
    },

    /**
     * UB.ListAppUsersForIdentityWithGrant: one binding per live account of the identity user in the
     * app; the grant fields are filled only where that account holds the entitlement.
     */
    async bindingsForIdentity(appId: string, entitlementId: string, identityUserId: string) {
      await requireEntitlementInApp(db, appId, entitlementId);
      if (!(await findUserById(db, identityUserId))) throw notFound('user', identityUserId);
      const accounts = await listAppUsersOfIdentity(db, appId, identityUserId);
      const grants = new Map(
        (
          await findLiveGrantsOfAppUsers(
            db,
            entitlementId,
            accounts.map((a) => a.id),
            deps.clock.now().toISOString(),
          )
        ).map((g) => [g.app_user_id, g]),
      );
      return accounts.map((account) => ({ account, grant: grants.get(account.id) }));
    },
  };
}
