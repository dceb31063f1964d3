import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, unwrap } from './client';
import { listing } from './listing';
import { tasksKeys } from './tasks';
import type { Body, Json } from './types';

/** An access review (a campaign), as ConductorOne's AccessReview shapes it (CONTRACT.md §7.28). */
export type Campaign = Json<'/api/v1/access_review/{id}', 'get'>['accessReview']['accessReview'];
export type CampaignProgress = Json<'/roster/v1/access_reviews/{id}/progress', 'get'>['progress'];
export type ScopeEntry = Json<
  '/api/v1/access_review/{access_review_id}/scope_and_entitlements',
  'get'
>['list'][number]['accessReviewEntitlement'];
export type NewCampaign = Body<'/api/v1/access_review', 'post'>;
export type Decision = Body<'/roster/v1/access_reviews/{id}/decisions', 'post'>['decisions'][number];
export type DecisionResult = Json<'/roster/v1/access_reviews/{id}/decisions', 'post'>['results'][number];
export type Remaining = Body<'/roster/v1/access_reviews/{id}/close', 'post'>['remaining'];

/** A campaign's state in one word: draft, open or closed. */
export const campaignState = (state: string) =>
  state.replace('ACCESS_REVIEW_STATE_', '').toLowerCase() || 'unknown';

/** Everything read about campaigns sits under `all`; everything about one under `campaign(id)`. */
export const reviewsKeys = {
  all: ['access_reviews'] as const,
  list: () => [...reviewsKeys.all, 'list'] as const,
  campaign: (id: string) => [...reviewsKeys.all, id] as const,
  progress: (id: string) => [...reviewsKeys.all, id, 'progress'] as const,
  scope: (id: string) => [...reviewsKeys.all, id, 'scope'] as const,
};

/** The campaigns the signed-in person may read: every one for admins, their own for owners. */
export const campaignsListing = () =>
  listing(reviewsKeys.list(), (pageToken) =>
    unwrap(
      api.GET('/api/v1/access_reviews', { params: { query: { page_size: 25, page_token: pageToken } } }),
    ),
  );

/** Whether the signed-in person owns a campaign (their listing has one); asked only when `ask`. */
export function useOwnsCampaigns(ask: boolean): boolean {
  const first = useQuery({ ...campaignsListing().page(''), enabled: ask });
  return ask && (first.data?.list.length ?? 0) > 0;
}

export const campaignQueryOptions = (id: string) =>
  queryOptions({
    queryKey: reviewsKeys.campaign(id),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/access_review/{id}', { params: { path: { id } } }))).accessReview
        .accessReview,
  });

/** How far a campaign is: its population, and how many of its certify tasks are open or decided. */
export const progressQueryOptions = (id: string, enabled = true) =>
  queryOptions({
    queryKey: reviewsKeys.progress(id),
    enabled,
    queryFn: async () =>
      (await unwrap(api.GET('/roster/v1/access_reviews/{id}/progress', { params: { path: { id } } })))
        .progress,
    // While the start job runs, read again until every task exists.
    refetchInterval: (query) =>
      query.state.data && !query.state.data.populated && query.state.data.state === 'ACCESS_REVIEW_STATE_OPEN'
        ? 1000
        : false,
  });

export const scopeQueryOptions = (id: string) =>
  queryOptions({
    queryKey: reviewsKeys.scope(id),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/access_review/{access_review_id}/scope_and_entitlements', {
            params: { path: { access_review_id: id } },
          }),
        )
      ).list.map((view) => view.accessReviewEntitlement),
  });

/** Where a campaign's evidence pack is read, as JSON or CSV (a link: the browser downloads it). */
export const evidenceUrl = (id: string, format: 'json' | 'csv') =>
  `/roster/v1/access_reviews/${encodeURIComponent(id)}/evidence${format === 'csv' ? '?format=csv' : ''}`;

/** A change to campaigns reloads everything read about them and about tasks (certify tasks change too). */
function useReviewChange<A, R>(change: (argument: A) => Promise<R>, onSuccess?: (answer: R) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: async (answer) => {
      onSuccess?.(answer);
      await queryClient.invalidateQueries({ queryKey: reviewsKeys.all });
      await queryClient.invalidateQueries({ queryKey: tasksKeys.all });
    },
  });
}

export interface ScopePick {
  readonly appId: string;
  /** '' picks the whole app. */
  readonly appEntitlementId: string;
}

/**
 * Creates a draft campaign, then sets its scope; answers its ID. Two calls, as the API has them: a
 * refused scope leaves the draft, and the error says so.
 */
export const useCreateCampaign = (onSuccess?: (id: string) => void) =>
  useReviewChange(async ({ campaign, scope }: { campaign: NewCampaign; scope: ScopePick[] }) => {
    const made = await unwrap(api.POST('/api/v1/access_review', { body: campaign }));
    const id = made.accessReview.accessReview.id;
    try {
      await unwrap(
        api.POST('/api/v1/access_review/{access_review_id}/scope_and_entitlements', {
          params: { path: { access_review_id: id } },
          body: {
            entitlements: scope.map((s) => ({ appId: s.appId, appEntitlementId: s.appEntitlementId })),
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      // The draft exists: say so, so the person finds it under Campaigns rather than making another.
      throw new ApiError(
        `The draft "${campaign.displayName}" was made, but its scope was refused: ${error.message}`,
        error.status,
        error.reason,
        error.requestId,
      );
    }
    return id;
  }, onSuccess);

export const useStartCampaign = (id: string) =>
  useReviewChange(() =>
    unwrap(api.POST('/roster/v1/access_reviews/{id}/start', { params: { path: { id } }, body: {} })),
  );

export const useCloseCampaign = (id: string, onSuccess?: () => void) =>
  useReviewChange(
    (remaining: Remaining) =>
      unwrap(
        api.POST('/roster/v1/access_reviews/{id}/close', { params: { path: { id } }, body: { remaining } }),
      ),
    onSuccess,
  );

export const useDeleteCampaign = (id: string, onSuccess?: () => void) =>
  useReviewChange(
    () => unwrap(api.DELETE('/api/v1/access_review/{id}', { params: { path: { id } } })),
    onSuccess,
  );

/**
 * Certifies or decertifies many tasks of one campaign in one call (at most 1,000); each is answered
 * on its own, so some may pass while others are refused. It reloads nothing: a reviewer deciding item
 * after item calls `refresh` once no decision is on its way, not once per decision.
 */
export function useDecide() {
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: async ({ campaignId, decisions }: { campaignId: string; decisions: Decision[] }) =>
      (
        await unwrap(
          api.POST('/roster/v1/access_reviews/{id}/decisions', {
            params: { path: { id: campaignId } },
            body: { decisions },
          }),
        )
      ).results,
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: reviewsKeys.all });
    await queryClient.invalidateQueries({ queryKey: tasksKeys.all });
  };
  return { decide: decide.mutateAsync, refresh };
}
