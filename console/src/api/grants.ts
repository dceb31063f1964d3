import { api, unwrap } from './client';
import { allPages, listing } from './listing';
import { peopleKeys } from './people';
import { type AppUser, type Body, type Entitlement, pointed } from './types';

/** A person's grants and their history are read under the person. */
export const grantsKeys = {
  holdings: (userId: string) => [...peopleKeys.person(userId), 'holdings'] as const,
  history: (userId: string) => [...peopleKeys.person(userId), 'history'] as const,
};

export interface Holding {
  entitlement: Entitlement;
  appName: string;
  since: string | null;
  expires: string | null;
}

/** What a person holds across all apps, with expiry. */
export const holdingsListing = (userId: string) =>
  listing(grantsKeys.holdings(userId), async (pageToken) => {
    const page = await unwrap(
      api.POST('/api/v1/search/grants', {
        body: { userId, pageSize: 50, pageToken, expandMask: { paths: ['app_id'] } },
      }),
    );
    const list: Holding[] = page.list.map((g) => ({
      entitlement: g.entitlement.appEntitlement,
      appName:
        pointed<{ displayName?: string }>(page.expanded, g.entitlement.appPath)?.displayName ??
        g.entitlement.appEntitlement.appId,
      since: g.appEntitlementUserBinding.appEntitlementUserBindingCreatedAt,
      expires: g.appEntitlementUserBinding.appEntitlementUserBindingDeprovisionAt,
    }));
    return { list, nextPageToken: page.nextPageToken };
  });

export interface HistoryRow {
  date: string | null;
  eventType: string;
  entitlement: string;
  appId: string;
  entitlementId: string;
}

/** A person's grants and revocations, oldest first. */
export const historyListing = (userId: string) =>
  listing(grantsKeys.history(userId), async (pageToken) => {
    const page = await unwrap(
      api.POST('/api/v1/grants/feed', {
        body: {
          userRefs: [{ id: userId }],
          pageSize: 50,
          pageToken,
          expandMask: { paths: ['app_entitlement_id'] },
        },
      }),
    );
    const list: HistoryRow[] = page.list.map((f) => ({
      date: f.feed.date,
      eventType: f.feed.eventType,
      entitlement:
        pointed<{ displayName?: string }>(page.expanded, f.entitlementPath)?.displayName ??
        f.feed.appEntitlementId,
      appId: f.feed.appId,
      entitlementId: f.feed.appEntitlementId,
    }));
    return { list, nextPageToken: page.nextPageToken };
  });

type EntitlementRefs = NonNullable<Body<'/api/v1/search/past-grants', 'post'>['appEntitlementRefs']>;

export interface Holder {
  userId: string;
  name: string;
  email: string;
  grantedAt: string;
  revokedAt: string;
}

export interface ChangeRow {
  date: string;
  change: string;
  userId: string;
  name: string;
  email: string;
}

const person = (expanded: unknown[], path: string, appUserId: string) => {
  const u = pointed<AppUser>(expanded, path);
  return {
    userId: u?.identityUserId ?? '',
    name: u?.displayName || u?.email || appUserId,
    email: u?.email ?? '',
  };
};

/** Who held the entitlements at a moment (milliseconds since the epoch), from past grants. */
export async function holdersAt(refs: EntitlementRefs, moment: number): Promise<Holder[]> {
  const rows: Holder[] = [];
  await allPages(async (pageToken) => {
    const page = await unwrap(
      api.POST('/api/v1/search/past-grants', {
        body: {
          appEntitlementRefs: refs,
          pageSize: 100,
          pageToken,
          expandMask: { paths: ['app_user_id'] },
        },
      }),
    );
    for (const h of page.list) {
      const granted = h.history.grantedAt ? Date.parse(h.history.grantedAt) : Number.POSITIVE_INFINITY;
      const revoked = h.history.revokedAt ? Date.parse(h.history.revokedAt) : Number.POSITIVE_INFINITY;
      if (granted <= moment && moment < revoked) {
        rows.push({
          ...person(page.expanded, h.appUserPath, h.history.appUserId),
          grantedAt: h.history.grantedAt ?? '',
          revokedAt: h.history.revokedAt ?? '',
        });
      }
    }
    return page;
  });
  return rows;
}

export type ChangeKind = NonNullable<Body<'/roster/v1/grants/changes', 'post'>['kinds']>[number];

export const CHANGE_LABELS: Record<ChangeKind, string> = {
  GRANT_CHANGE_KIND_GRANTED: 'Granted',
  GRANT_CHANGE_KIND_REVOKED: 'Revoked',
  GRANT_CHANGE_KIND_EXPIRED: 'Expired',
};

export interface ChangesPage {
  list: ChangeRow[];
  nextPageToken: string;
  totals: { granted: number; revoked: number; expired: number };
}

/** One page of the changes to the entitlements between two moments (RFC 3339), newest first. */
async function changesPage(
  refs: EntitlementRefs,
  after: string,
  before: string,
  kind: ChangeKind | '',
  pageToken: string,
  pageSize: number,
): Promise<ChangesPage> {
  const page = await unwrap(
    api.POST('/roster/v1/grants/changes', {
      body: {
        appEntitlementRefs: refs,
        after,
        before,
        kinds: kind ? [kind] : undefined,
        pageSize,
        pageToken,
        expandMask: { paths: ['app_user_id'] },
      },
    }),
  );
  const list = page.list.map((c) => ({
    date: c.change.date,
    change: CHANGE_LABELS[c.change.kind],
    ...person(page.expanded, c.appUserPath, c.change.appUserId),
  }));
  return { list, nextPageToken: page.nextPageToken, totals: page.totals };
}

/**
 * What changed in the entitlements between two moments, newest first, a page at a time, with the
 * totals by kind the server counted (Roster's change listing); `kind` narrows the rows, not the totals.
 */
export const changesListing = (refs: EntitlementRefs, after: string, before: string, kind: ChangeKind | '') =>
  listing(['grant-changes', refs, after, before, kind], (pageToken) =>
    changesPage(refs, after, before, kind, pageToken, 50),
  );

/** Every change of the listing, for the CSV export. */
export const allChanges = (refs: EntitlementRefs, after: string, before: string, kind: ChangeKind | '') =>
  allPages((pageToken) => changesPage(refs, after, before, kind, pageToken, 100));
