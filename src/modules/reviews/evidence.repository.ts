import type { Executor } from '../../db/schema.js';
import { encodeChangeCursor, positionOf } from '../changes/index.js';
import type { AccessReviewEvidencePacksTable } from './reviews.table.js';

/** One frozen item with its certify task and the names it shows, as the evidence reads it. */
export interface EvidenceItemRow {
  grant_id: string;
  granted_at: string;
  app_id: string;
  app_entitlement_id: string;
  app_user_id: string;
  identity_user_id: string;
  person_email: string | null;
  person_name: string | null;
  app_name: string | null;
  entitlement_name: string | null;
  task_id: string | null;
  task_state: string | null;
  task_outcome: string | null;
  outcome_time: string | null;
  /** The task's step instances, decoded (`[]` without a task). */
  step_instances: readonly Record<string, unknown>[];
}

/**
 * Up to `limit` items of the campaign after `afterGrantId`, in grant ID order (a keyset batch). The
 * batch is cut first and only its rows are joined: when PostgreSQL has no statistics on the items yet
 * (a fresh start's INSERT … SELECT, before autovacuum), it guessed a few hundred rows after the cursor,
 * joined every one of them to its task and sorted, so each batch cost as much as the rest of the pack.
 */
export async function listEvidenceItems(
  db: Executor,
  accessReviewId: string,
  afterGrantId: string,
  limit: number,
): Promise<EvidenceItemRow[]> {
  const batch = db
    .selectFrom('access_review_items')
    .selectAll()
    .where('access_review_id', '=', accessReviewId)
    .where('grant_id', '>', afterGrantId)
    .orderBy('grant_id')
    .limit(limit);
  const rows = await db
    .selectFrom(batch.as('i'))
    .leftJoin('tasks as t', (join) =>
      join
        .onRef('t.access_review_id', '=', 'i.access_review_id')
        .onRef('t.app_entitlement_id', '=', 'i.app_entitlement_id')
        .onRef('t.app_user_id', '=', 'i.app_user_id'),
    )
    .leftJoin('users as u', 'u.id', 'i.identity_user_id')
    .leftJoin('apps as a', 'a.id', 'i.app_id')
    .leftJoin('app_entitlements as e', 'e.id', 'i.app_entitlement_id')
    .select([
      'i.grant_id',
      'i.granted_at',
      'i.app_id',
      'i.app_entitlement_id',
      'i.app_user_id',
      'i.identity_user_id',
      'u.email as person_email',
      'u.display_name as person_name',
      'a.display_name as app_name',
      'e.display_name as entitlement_name',
      't.id as task_id',
      't.state as task_state',
      't.outcome as task_outcome',
      't.outcome_time',
      't.step_instances',
    ])
    .orderBy('i.grant_id')
    .execute();
  return rows.map((row) => ({
    ...row,
    step_instances: JSON.parse(row.step_instances ?? '[]') as Record<string, unknown>[],
  }));
}

/**
 * The audit entries of the tasks the evidence reads (comments, outcomes, closes), oldest first, read
 * 200 tasks a query: with a list of 1,000 PostgreSQL chose to scan every audit row.
 */
export async function listEvidenceAudits(db: Executor, taskIds: readonly string[]) {
  const rows = [];
  for (let first = 0; first < taskIds.length; first += 200) {
    rows.push(
      ...(await db
        .selectFrom('task_audits')
        .select(['task_id', 'kind', 'actor_user_id', 'details', 'created_at'])
        .where('task_id', 'in', taskIds.slice(first, first + 200))
        .where('kind', 'in', ['comment', 'certify_outcome', 'campaign_closed'])
        .orderBy('task_id')
        .orderBy('id')
        .execute()),
    );
  }
  return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }));
}

/** A grant's removal from the grant history, with its change-stream position. */
export interface Removal {
  eventId: string;
  occurredAt: string;
  ticketId: string;
  position: string;
}

/** The REMOVED history entry of each of the grants that has one, by grant ID. */
export async function findRemovals(db: Executor, grantIds: readonly string[]): Promise<Map<string, Removal>> {
  const removals = new Map<string, Removal>();
  if (grantIds.length === 0) return removals;
  const rows = await db
    .selectFrom('grant_events')
    .select(['id', 'grant_id', 'occurred_at', 'ticket_id', 'tx_id', 'seq'])
    .where('grant_id', 'in', grantIds)
    .where('event_type', '=', 'GRANT_EVENT_TYPE_REMOVED')
    .orderBy('tx_id')
    .orderBy('seq')
    .execute();
  for (const row of rows) {
    if (removals.has(row.grant_id)) continue;
    removals.set(row.grant_id, {
      eventId: row.id,
      occurredAt: row.occurred_at,
      ticketId: row.ticket_id ?? '',
      position: encodeChangeCursor(positionOf(row)),
    });
  }
  return removals;
}

export interface EvidencePerson {
  id: string;
  email: string;
  displayName: string;
}

/** People by ID (deleted ones too: they may have decided before leaving). */
export async function findPeople(db: Executor, ids: readonly string[]): Promise<EvidencePerson[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name'])
    .where('id', 'in', ids)
    .execute();
  return rows.map((row) => ({ id: row.id, email: row.email, displayName: row.display_name }));
}

export function findEvidencePack(
  db: Executor,
  accessReviewId: string,
  format: string,
): Promise<AccessReviewEvidencePacksTable | undefined> {
  return db
    .selectFrom('access_review_evidence_packs')
    .selectAll()
    .where('access_review_id', '=', accessReviewId)
    .where('format', '=', format)
    .executeTakeFirst();
}

export async function insertEvidenceChunk(
  db: Executor,
  chunk: { access_review_id: string; format: string; generation: string; seq: number; body: string },
): Promise<void> {
  await db.insertInto('access_review_evidence_chunks').values(chunk).execute();
}

/** Records a written pack unless one is already recorded (the first writer wins). */
export async function insertEvidencePackIfAbsent(
  db: Executor,
  pack: AccessReviewEvidencePacksTable,
): Promise<void> {
  await db
    .insertInto('access_review_evidence_packs')
    .values(pack)
    .onConflict((oc) => oc.columns(['access_review_id', 'format']).doNothing())
    .execute();
}

/** Deletes every chunk of the campaign's pack in `format` but those of `keep` (losers, interrupted writes). */
export async function deleteOtherEvidenceChunks(
  db: Executor,
  accessReviewId: string,
  format: string,
  keep: string,
): Promise<void> {
  await db
    .deleteFrom('access_review_evidence_chunks')
    .where('access_review_id', '=', accessReviewId)
    .where('format', '=', format)
    .where('generation', '<>', keep)
    .execute();
}

/** Up to `limit` chunks of a pack after `afterSeq`, in order. */
export function listEvidenceChunks(
  db: Executor,
  pack: { access_review_id: string; format: string; generation: string },
  afterSeq: number,
  limit: number,
) {
  return db
    .selectFrom('access_review_evidence_chunks')
    .select(['seq', 'body'])
    .where('access_review_id', '=', pack.access_review_id)
    .where('format', '=', pack.format)
    .where('generation', '=', pack.generation)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/** The campaign's scope with the names of its apps and entitlements, by app then entitlement. */
export function listScopeWithNames(db: Executor, accessReviewId: string) {
  return db
    .selectFrom('access_review_entitlements as s')
    .leftJoin('apps as a', 'a.id', 's.app_id')
    .leftJoin('app_entitlements as e', 'e.id', 's.app_entitlement_id')
    .select([
      's.app_id',
      's.app_entitlement_id',
      'a.display_name as app_name',
      'e.display_name as entitlement_name',
    ])
    .where('s.access_review_id', '=', accessReviewId)
    .orderBy('s.app_id')
    .orderBy('s.app_entitlement_id')
    .execute();
}
