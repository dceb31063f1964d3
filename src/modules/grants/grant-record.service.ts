import type { ChangePosition, DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db } from '../../db/schema.js';
import { fetchPage, keysetPage, type Page, pageSize } from '../../http/pagination.js';
import type { Clock } from '../../lib/clock.js';
import { invalidArgument, notFound } from '../../lib/errors.js';
import { type AppUserRow, findAppUsersByIds } from '../app-users/index.js';
import type { EntitlementRecord } from '../catalog/index.js';
import { findEntitlementRecordsByIds, requireEntitlementInApp } from '../catalog/index.js';
import {
  type ChangeCursor,
  type GrantEventRow as ChangeGrantEventRow,
  comparePositions,
  decodeChangeCursor,
  decodePositionPageToken,
  encodeChangeCursor,
  encodePositionPageToken,
  positionOf,
} from '../changes/index.js';
import { findUserById } from '../users/index.js';
import {
  countGrantChanges,
  findLiveGrantsOfAppUsers,
  listAppUsersOfIdentity,
  listGrantChangesNewestFirst,
  searchGrantEvents,
  searchLiveGrants,
  searchPastGrants,
} from './grant-record.repository.js';
import type {
  GrantChangesBody,
  GrantFeedBody,
  SearchGrantsBody,
  SearchPastGrantsBody,
} from './grant-record.schemas.js';
import type { GrantRow } from './grants.repository.js';

type AppScoped = ReadonlyArray<{ id: string; appId?: string | null | undefined }> | null | undefined;
const refs = (list: AppScoped) => list?.map((r) => ({ id: r.id, appId: r.appId ?? undefined }));
/** Timestamps are stored as `toISOString()` text, so bounds are normalised to it before comparing. */
const instant = (t: string | null | undefined) => (t ? new Date(t).toISOString() : undefined);

function earlierPosition(a: ChangePosition, b: ChangePosition): ChangePosition {
  return comparePositions(a, b) <= 0 ? a : b;
}

function laterPosition(a: ChangePosition | undefined, b: ChangePosition | undefined) {
  if (!a || !b) return a ?? b;
  return comparePositions(a, b) >= 0 ? a : b;
}

export type FeedEventRow = ChangeGrantEventRow;

/**
 * The filters of the feed and of the change listing: the half-open window [after, before), refused
 * when inverted, and the apps, entitlements, accounts and people named.
 */
function feedFilter(body: GrantFeedBody | GrantChangesBody) {
  const from = instant(body.after);
  const to = instant(body.before);
  if (from && to && from > to) {
    throw invalidArgument('`after` must not be later than `before`', 'INVALID_TIME_RANGE');
  }
  return {
    from,
    to,
    appIds: body.appRefs?.map((r) => r.id),
    entitlementRefs: refs(body.appEntitlementRefs),
    appUserRefs: refs(body.appUserRefs),
    userIds: body.userRefs?.map((r) => r.id),
  };
}

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
     * users now. With Roster's `cursor` (even "") it is a cursor read: only events after the
     * cursor and up to the horizon the walk's first page saw, so a poller passing `nextCursor` back
     * sees every event once however many writers commit meanwhile. Without it, it lists every
     * committed event, as ConductorOne's feed does; its `nextCursor` still never passes the horizon.
     */
    async feed(body: GrantFeedBody): Promise<Page<FeedEventRow> & { nextCursor: ChangeCursor }> {
      const filter = feedFilter(body);
      const cursorRead = body.cursor !== undefined && body.cursor !== null;
      const cursor = decodeChangeCursor(body.cursor);
      const token = body.pageToken ? decodePositionPageToken(body.pageToken, 'asc') : undefined;
      const horizon = token?.upTo ?? (await deps.dialect.changeHorizon(db));
      const after = laterPosition(cursor, token?.last);
      const page = await fetchPage(
        pageSize(body.pageSize ?? undefined),
        (limit) =>
          searchGrantEvents(db, {
            ...filter,
            window: { after, upTo: cursorRead ? horizon : undefined },
            limit,
          }),
        (last) => encodePositionPageToken({ last: positionOf(last), upTo: horizon }, 'asc'),
      );
      const last = page.items[page.items.length - 1];
      // While pages follow, the last event's position (never past the horizon); on the last page,
      // the horizon: every matching event up to it has been returned.
      const next =
        page.nextPageToken && last
          ? earlierPosition(positionOf(last), horizon)
          : (laterPosition(cursor, horizon) ?? horizon);
      return { ...page, nextCursor: encodeChangeCursor(next) };
    },

    /**
     * Roster's change listing (CONTRACT.md §7.11): the feed's entries with `after <= date < before`,
     * newest first (change-stream position, descending), each with its kind, only `kinds` when
     * given, and how many of each kind match the other filters. Totals are counted when each page
     * is read, so they are what is stored then.
     */
    async changes(body: GrantChangesBody) {
      const filter = feedFilter(body);
      const token = body.pageToken ? decodePositionPageToken(body.pageToken, 'desc') : undefined;
      // The token's horizon only keeps its shape; a newest-first listing reads every committed entry.
      const horizon = token?.upTo ?? (await deps.dialect.changeHorizon(db));
      const page = await fetchPage(
        pageSize(body.pageSize ?? undefined),
        (limit) =>
          listGrantChangesNewestFirst(db, {
            ...filter,
            kinds: body.kinds ?? undefined,
            before: token?.last,
            limit,
          }),
        (last) => encodePositionPageToken({ last: positionOf(last), upTo: horizon }, 'desc'),
      );
      return { ...page, totals: await countGrantChanges(db, filter) };
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
