import { sql } from 'kysely';
import { heldAt } from '../../db/live-grants.js';
import type { Executor } from '../../db/schema.js';
import type { ScopeEntry } from './reviews.repository.js';
import type { AccessReviewItemsTable } from './reviews.table.js';

export type AccessReviewItem = AccessReviewItemsTable;

/**
 * Freezes a campaign's population: every grant held at `now` of the scope's entitlements and whole
 * apps, copied into `access_review_items` by one INSERT … SELECT in the caller's transaction, so the
 * rows are one snapshot of the grants and nothing passes through the server. Returns how many.
 */
export async function freezePopulation(
  trx: Executor,
  accessReviewId: string,
  scope: readonly ScopeEntry[],
  now: string,
): Promise<number> {
  const entitlementIds = scope.filter((e) => e.app_entitlement_id !== '').map((e) => e.app_entitlement_id);
  const appIds = scope.filter((e) => e.app_entitlement_id === '').map((e) => e.app_id);
  if (entitlementIds.length === 0 && appIds.length === 0) return 0;
  const select = trx
    .selectFrom('grants')
    .innerJoin('app_users', 'app_users.id', 'grants.app_user_id')
    .select([
      sql.val(accessReviewId).as('access_review_id'),
      'grants.id as grant_id',
      'grants.app_id as app_id',
      'grants.app_entitlement_id as app_entitlement_id',
      'grants.app_user_id as app_user_id',
      'app_users.identity_user_id as identity_user_id',
      'grants.created_at as granted_at',
    ])
    .where(heldAt(now))
    .where((eb) =>
      eb.or([
        ...(entitlementIds.length > 0 ? [eb('grants.app_entitlement_id', 'in', entitlementIds)] : []),
        ...(appIds.length > 0 ? [eb('grants.app_id', 'in', appIds)] : []),
      ]),
    );
  const result = await trx
    .insertInto('access_review_items')
    .columns([
      'access_review_id',
      'grant_id',
      'app_id',
      'app_entitlement_id',
      'app_user_id',
      'identity_user_id',
      'granted_at',
    ])
    .expression(select)
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}

/** A frozen item with the task its grant came from (the membership's `originatingTicketId`). */
export interface AccessReviewItemWithTicket extends AccessReviewItem {
  readonly ticket_id: string | null;
}

/**
 * The campaign's frozen items after `afterGrantId`, in grant ID order: one batch of the start job,
 * each with the task that made its grant (by the grant's key; grants are never erased).
 */
export function listItemsAfter(
  db: Executor,
  accessReviewId: string,
  afterGrantId: string,
  limit: number,
): Promise<AccessReviewItemWithTicket[]> {
  return db
    .selectFrom('access_review_items')
    .leftJoin('grants', 'grants.id', 'access_review_items.grant_id')
    .selectAll('access_review_items')
    .select(sql<string | null>`grants.ticket_id`.as('ticket_id'))
    .where('access_review_items.access_review_id', '=', accessReviewId)
    .where('access_review_items.grant_id', '>', afterGrantId)
    .orderBy('access_review_items.grant_id')
    .limit(limit)
    .execute();
}

/** Campaigns whose start job still has items to turn into tasks. */
export async function findRunningStartJobs(db: Executor, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('access_reviews')
    .select('id')
    .where('start_job_state', '=', 'RUNNING')
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** Open campaigns set to close themselves whose completion date has come, populated. */
export async function findAutoCloseDue(db: Executor, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('access_reviews')
    .select('id')
    .where('state', '=', 'ACCESS_REVIEW_STATE_OPEN')
    .where('auto_close_campaign', '=', 1)
    .where('start_job_state', '=', 'DONE')
    .where('completion_date', '<=', now)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** An open campaign a reminder may be due for (CONTRACT.md §7.28, reminders). */
export interface CampaignDue {
  readonly id: string;
  readonly displayName: string;
  readonly completionDate: string;
}

/**
 * Open, populated campaigns with a completion date before `until`, in ID order after `afterId`:
 * those whose reviewers a reminder may be due for (the notifications module reads them).
 */
export async function listOpenCampaignsDueBefore(
  db: Executor,
  until: string,
  afterId: string,
  limit: number,
): Promise<CampaignDue[]> {
  const rows = await db
    .selectFrom('access_reviews')
    .select(['id', 'display_name', 'completion_date'])
    .where('state', '=', 'ACCESS_REVIEW_STATE_OPEN')
    .where('start_job_state', '=', 'DONE')
    .where('completion_date', 'is not', null)
    .where('completion_date', '<', until)
    .where('deleted_at', 'is', null)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    displayName: row.display_name,
    completionDate: row.completion_date ?? '',
  }));
}
