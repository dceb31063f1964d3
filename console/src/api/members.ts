import { useMutation, useQueryClient } from '@tanstack/react-query';
import { appsKeys } from './apps';
import { api, unwrap } from './client';
import { allPages, listing } from './listing';
import type { Json, MemberRow } from './types';

/** The members of an entitlement, under every search of them. */
export const membersKeys = {
  all: ['members'] as const,
  entitlement: (appId: string, entitlementId: string) => [...membersKeys.all, appId, entitlementId] as const,
  search: (appId: string, entitlementId: string, query: string) =>
    [...membersKeys.entitlement(appId, entitlementId), query] as const,
};

const membersPage = (
  appId: string,
  entitlementId: string,
  query: { page_size: number; page_token?: string; app_user_ids?: string },
) =>
  unwrap(
    api.GET('/roster/v1/apps/{app_id}/entitlements/{app_entitlement_id}/users', {
      params: { path: { app_id: appId, app_entitlement_id: entitlementId }, query },
    }),
  );

/**
 * Members a page at a time (an entitlement of 100,000 opens as fast as one of 10), or those a search
 * finds, each with the request (task) that granted it.
 */
export const membersListing = (appId: string, entitlementId: string, query: string) =>
  listing(membersKeys.search(appId, entitlementId, query), async (pageToken) => {
    if (!query) return membersPage(appId, entitlementId, { page_size: 25, page_token: pageToken });
    // A search: the app's accounts that match, then which of them hold this entitlement.
    const accounts = await unwrap(
      api.POST('/api/v1/search/app_users', { body: { appId, query, pageSize: 100 } }),
    );
    const appUserIds = accounts.list.map((a) => a.appUser.id);
    if (appUserIds.length === 0) return { list: [] as MemberRow[], nextPageToken: '' };
    const found = await membersPage(appId, entitlementId, {
      page_size: 100,
      app_user_ids: appUserIds.join(','),
    });
    return { list: found.list, nextPageToken: '' };
  });

/** "Request #<numericId>", the name of the request (task) a member's grant came from; "" for none. */
export const requestLabel = (row: MemberRow) =>
  row.originatingTicketId ? `Request #${row.originatingTicketNumericId || row.originatingTicketId}` : '';

/** Every member with their name, email, dates and request, for an export: one row a member. */
export const memberRows = async (appId: string, entitlementId: string) =>
  (
    await allPages((pageToken) =>
      membersPage(appId, entitlementId, { page_size: 100, page_token: pageToken }),
    )
  ).map((row) => ({
    userId: row.appUser.appUser.identityUserId,
    email: row.appUser.appUser.email,
    name: row.appUser.appUser.displayName,
    memberSince: row.appEntitlementUserBindingCreatedAt ?? '',
    expires: row.appEntitlementUserBindingDeprovisionAt ?? '',
    request: requestLabel(row),
    requestUrl: row.originatingTicketId
      ? `${window.location.origin}/console/requests/${row.originatingTicketId}`
      : '',
  }));

/** After members came or went: their list, and the app's counts. */
export function useMembersChanged(appId: string, entitlementId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: membersKeys.entitlement(appId, entitlementId) });
    await queryClient.invalidateQueries({ queryKey: appsKeys.app(appId) });
  };
}

export function useRemoveMember(
  appId: string,
  entitlementId: string,
  { onSuccess }: { onSuccess?: () => void } = {},
) {
  const membersChanged = useMembersChanged(appId, entitlementId);
  return useMutation({
    mutationFn: (appUserId: string) =>
      unwrap(
        api.DELETE('/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/remove-membership', {
          params: { path: { app_id: appId, app_entitlement_id: entitlementId } },
          body: { appUserId },
        }),
      ),
    onSuccess: async () => {
      await membersChanged();
      onSuccess?.();
    },
  });
}

function useExpiryChanged(appId: string, entitlementId: string, onSuccess?: () => void) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: membersKeys.entitlement(appId, entitlementId) });
    onSuccess?.();
  };
}

/** Sets when a member's access ends (`endsAt`, any time `Date` reads). */
export function useSetExpiry(
  appId: string,
  entitlementId: string,
  { onSuccess }: { onSuccess?: () => void } = {},
) {
  const changed = useExpiryChanged(appId, entitlementId, onSuccess);
  return useMutation({
    mutationFn: ({ appUserId, endsAt }: { appUserId: string; endsAt: string }) =>
      unwrap(
        api.POST(
          '/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/users/{app_user_id}/update-grant-duration',
          {
            params: { path: { app_id: appId, app_entitlement_id: entitlementId, app_user_id: appUserId } },
            body: { newDeprovisionAt: new Date(endsAt).toISOString() },
          },
        ),
      ),
    onSuccess: changed,
  });
}

/** The member's access no longer ends. */
export function useClearExpiry(
  appId: string,
  entitlementId: string,
  { onSuccess }: { onSuccess?: () => void } = {},
) {
  const changed = useExpiryChanged(appId, entitlementId, onSuccess);
  return useMutation({
    mutationFn: (appUserId: string) =>
      unwrap(
        api.POST(
          '/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/users/{app_user_id}/remove-grant-duration',
          {
            params: { path: { app_id: appId, app_entitlement_id: entitlementId, app_user_id: appUserId } },
            body: {},
          },
        ),
      ),
    onSuccess: changed,
  });
}

type Resolved = Json<'/roster/v1/users/resolve', 'post'>;
export type Person = Resolved['people'][number];

/** What adding these people would do, before anything is added. */
export interface AddPreview {
  wouldAdd: Person[];
  alreadyMembers: Person[];
  cannotAdd: Resolved['unresolved'];
  /** Sent with the add, so a retried confirmation cannot add twice. */
  idempotencyKey: string;
}

const chunks = <T>(list: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};

/** Whom the lines (emails or user IDs) name, and which of them a dry run would add. */
export async function previewAdd(
  appId: string,
  entitlementId: string,
  lines: string[],
  maxPerRequest: number,
): Promise<AddPreview> {
  const path = { app_id: appId, app_entitlement_id: entitlementId };
  const resolved = { people: [] as Person[], unresolved: [] as Resolved['unresolved'] };
  for (const part of chunks(lines, maxPerRequest)) {
    const r = await unwrap(api.POST('/roster/v1/users/resolve', { body: { inputs: part } }));
    resolved.people.push(...r.people);
    resolved.unresolved.push(...r.unresolved);
  }
  const byId = new Map(resolved.people.map((p) => [p.userId, p]));
  const wouldAdd = new Set<string>();
  const already = new Set<string>();
  const cannotAdd = [...resolved.unresolved];
  for (const part of chunks([...byId.keys()], maxPerRequest)) {
    const dry = await unwrap(
      api.POST('/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/add-manual-user', {
        params: { path, query: { dryRun: true } },
        body: { userIds: part },
      }),
    );
    for (const id of dry.dryRun?.wouldAdd ?? []) wouldAdd.add(id);
    for (const id of dry.dryRun?.alreadyMembers ?? []) already.add(id);
    for (const [id, reason] of Object.entries(dry.failedUsersErrorMap)) {
      cannotAdd.push({ input: byId.get(id)?.input ?? id, reason });
    }
  }
  const pick = (ids: Set<string>) =>
    [...ids].map((id) => byId.get(id)).filter((p): p is Person => p !== undefined);
  return {
    wouldAdd: pick(wouldAdd),
    alreadyMembers: pick(already),
    cannotAdd,
    idempotencyKey: crypto.randomUUID(),
  };
}

/**
 * Adds the people a preview would add, in bulk actions of at most `maxPerRequest` each, with access
 * ending at `endsAt` (any time `Date` reads) if given; answers the bulk actions' IDs.
 */
export function useAddMembers(
  appId: string,
  entitlementId: string,
  { onSuccess }: { onSuccess?: (bulkActionIds: string[]) => void } = {},
) {
  return useMutation({
    mutationFn: async ({
      preview,
      endsAt,
      maxPerRequest,
    }: {
      preview: AddPreview | undefined;
      endsAt: string;
      maxPerRequest: number;
    }) => {
      if (!preview) return [];
      const ids: string[] = [];
      const parts = chunks(
        preview.wouldAdd.map((p) => p.userId),
        maxPerRequest,
      );
      for (const [index, part] of parts.entries()) {
        const made = await unwrap(
          api.POST('/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/add-manual-user', {
            params: { path: { app_id: appId, app_entitlement_id: entitlementId } },
            headers: { 'Idempotency-Key': `${preview.idempotencyKey}-${index}` },
            body: { userIds: part, ...(endsAt ? { deprovisionAt: new Date(endsAt).toISOString() } : {}) },
          }),
        );
        // A part whose every person was refused since the preview has nothing to do: no bulk action.
        if (made.bulkActionId) ids.push(made.bulkActionId);
      }
      if (ids.length === 0 && preview.wouldAdd.length > 0) {
        throw new Error(
          'No one was added: everyone was refused since the preview. Go back and preview again.',
        );
      }
      return ids;
    },
    onSuccess,
  });
}
