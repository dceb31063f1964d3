import { type Static, Type } from 'typebox';
import type { Expansion } from '../../http/expansion.js';
import { ChangeCursorString, IdString } from '../../http/strings.js';
import {
  ExpandedListOf,
  ExpandMask,
  FilterIds,
  filterList,
  NullableTimestamp,
  Opt,
  PageBody,
  Timestamp,
} from '../../http/wire.js';
import { GRANT_CHANGE_KINDS, GRANT_EVENT_TYPES } from '../../lib/vocabulary.js';
import { AppEntitlementView } from '../catalog/index.js';
import { EntitlementUserView } from './grants.schemas.js';

/** Request and response shapes of grant search, past grants and the grant feed (CONTRACT.md §4, §5). */
const Ids = Opt(FilterIds);
const AppScopedRef = Type.Object({ appId: Opt(IdString()), id: IdString() });
const IdRef = Type.Object({ id: IdString() });

export const SearchGrantsBody = Type.Object({
  appIds: Ids,
  appUserIds: Ids,
  entitlementRefs: Opt(filterList(AppScopedRef)),
  resourceIds: Ids,
  resourceTypeIds: Ids,
  userId: Opt(IdString()),
  expandMask: ExpandMask,
  ...PageBody,
});
export type SearchGrantsBody = Static<typeof SearchGrantsBody>;

/** AppEntitlementWithUserBinding. */
export const EntitlementWithUserBinding = Type.Object({
  entitlement: AppEntitlementView,
  appEntitlementUserBinding: EntitlementUserView,
});

export const SearchPastGrantsBody = Type.Object({
  appIds: Ids,
  appEntitlementRefs: Opt(filterList(AppScopedRef)),
  appUserRefs: Opt(filterList(AppScopedRef)),
  expandMask: ExpandMask,
  ...PageBody,
});
export type SearchPastGrantsBody = Static<typeof SearchPastGrantsBody>;

/** The grant feed's filters, which Roster's change listing shares. */
const FeedFilters = {
  after: Opt(Timestamp),
  before: Opt(Timestamp),
  appRefs: Opt(filterList(IdRef)),
  appEntitlementRefs: Opt(filterList(AppScopedRef)),
  appUserRefs: Opt(filterList(AppScopedRef)),
  userRefs: Opt(filterList(IdRef)),
};

export const GrantFeedBody = Type.Object({
  ...FeedFilters,
  expandMask: ExpandMask,
  ...PageBody,
  cursor: Opt(ChangeCursorString()),
});
export type GrantFeedBody = Static<typeof GrantFeedBody>;

const RecordPaths = {
  appPath: Type.String(),
  appUserPath: Type.String(),
  entitlementPath: Type.String(),
};

export const GrantFeedView = Type.Object({
  feed: Type.Object({
    appId: Type.String(),
    appEntitlementId: Type.String(),
    appUserId: Type.String(),
    date: NullableTimestamp,
    eventType: Type.Enum(GRANT_EVENT_TYPES),
    ticketId: Type.String(),
  }),
  ...RecordPaths,
  ticketPath: Type.String(),
});

/** SearchGrantFeedResponse, with Roster's `nextCursor` extension. */
export const GrantFeedResponse = Type.Object({
  ...ExpandedListOf(GrantFeedView).properties,
  nextCursor: Type.String({
    description:
      'Roster extension: pass it back as `cursor` (with the same filters) to get only the events after those seen so far; unlike nextPageToken it is never "", so a poller can keep it.',
  }),
});

/**
 * Roster's change listing (CONTRACT.md §7.11): the grant feed's entries newest first, each with its
 * kind, with totals by kind. The filters are the feed's, and `kinds`.
 */
export const GrantChangesBody = Type.Object({
  ...FeedFilters,
  kinds: Opt(
    Type.Array(Type.Enum(GRANT_CHANGE_KINDS), {
      maxItems: GRANT_CHANGE_KINDS.length,
      description: 'only changes of these kinds; the totals count every kind',
    }),
  ),
  expandMask: ExpandMask,
  ...PageBody,
});
export type GrantChangesBody = Static<typeof GrantChangesBody>;

export const GrantChangeView = Type.Object({
  change: Type.Object({
    kind: Type.Enum(GRANT_CHANGE_KINDS),
    date: Timestamp,
    appId: Type.String(),
    appEntitlementId: Type.String(),
    appUserId: Type.String(),
  }),
  ...RecordPaths,
});

const Count = Type.Integer({ minimum: 0 });

export const GrantChangesResponse = Type.Object({
  ...ExpandedListOf(GrantChangeView).properties,
  totals: Type.Object(
    { granted: Count, revoked: Count, expired: Count },
    { description: 'the changes that match the filters, by kind, whatever `kinds` selects' },
  ),
});

export const GrantHistoryView = Type.Object({
  history: Type.Object({
    appId: Type.String(),
    appEntitlementId: Type.String(),
    appUserId: Type.String(),
    grantedAt: NullableTimestamp,
    revokedAt: NullableTimestamp,
  }),
  ...RecordPaths,
});

const AppEntitlementRef = Type.Object({ appId: Type.String(), id: Type.String() });

/** AppEntitlementUserBinding. */
export const Binding = Type.Object({
  appId: Type.String(),
  appEntitlementId: Type.String(),
  appUserId: Type.String(),
  createdAt: NullableTimestamp,
  deletedAt: NullableTimestamp,
  deprovisionAt: NullableTimestamp,
  grantSources: Type.Array(AppEntitlementRef),
});

/**
 * Pointers of the grant feed and history views. The spec leaves their mask's paths undocumented;
 * Roster uses the field names they point from: `app_id`, `app_entitlement_id`, `app_user_id`.
 */
export const grantRecordPaths = (
  row: { app_id: string; app_entitlement_id: string; app_user_id: string },
  wanted: Expansion,
) => ({
  appPath: wanted.path('app_id', 'app', row.app_id),
  appUserPath: wanted.path('app_user_id', 'appUser', row.app_user_id),
  entitlementPath: wanted.path('app_entitlement_id', 'appEntitlement', row.app_entitlement_id),
});
