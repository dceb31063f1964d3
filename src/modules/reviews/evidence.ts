import { createHash } from 'node:crypto';
import type { Db } from '../../db/schema.js';
import type { Principal } from '../../http/principal.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { findPolicyById } from '../policies/index.js';
import {
  deleteOtherEvidenceChunks,
  type EvidenceItemRow,
  type EvidencePerson,
  findEvidencePack,
  findPeople,
  findRemovals,
  insertEvidenceChunk,
  insertEvidencePackIfAbsent,
  listEvidenceAudits,
  listEvidenceChunks,
  listEvidenceItems,
  listScopeWithNames,
  type Removal,
} from './evidence.repository.js';
import { type AccessReviewRow, findAccessReviewById } from './reviews.repository.js';
import { ACCESS_REVIEW_STATES } from './reviews.schemas.js';

/**
 * The evidence pack of an access review (issue 20, CONTRACT.md §7.28): the campaign, its frozen
 * population and, per item, who decided what, when and why, and the removal a decertification made.
 * Rendered as it is read, in keyset batches of items, so no pack is ever held in memory whole.
 */

export type EvidenceFormat = 'json' | 'csv';

/** Items read per query while rendering. */
const ITEM_BATCH = 1_000;
/**
 * Text is yielded in pieces of about this many characters (whole items): a batch's text in one piece
 * (~0.7 MB) lands in V8's large-object space, which only a full collection frees, so the pieces of
 * a 100,000-item pack piled up; pieces this size die young.
 */
const PIECE_CHARS = 32 * 1024;
/** A stored chunk is cut once it holds at least this many characters (always whole items). */
const CHUNK_CHARS = 256 * 1024;
/** Stored chunks read per query while sending a written pack. */
const CHUNK_BATCH = 4;
/** The JSON pack's inner digest is the SHA-256 of every byte before this, its last member. */
export const INNER_DIGEST_MEMBER = '"sha256":';

export interface EvidenceReply {
  readonly format: EvidenceFormat;
  /** The SHA-256 of the exact bytes sent, base64: set for a closed campaign only (its bytes never change). */
  readonly sha256?: string;
  readonly body: AsyncIterable<string>;
}

const DECISIONS = {
  CERTIFY_OUTCOME_CERTIFIED: 'CERTIFIED',
  CERTIFY_OUTCOME_DECERTIFIED: 'DECERTIFIED',
  CERTIFY_OUTCOME_CANCELLED: 'CANCELLED',
} as const;
type Decision = 'CERTIFIED' | 'DECERTIFIED' | 'CANCELLED' | 'OPEN' | 'NO_TASK';

interface StepOutcome {
  outcome: string | null;
  actorUserId: string;
  at: string | null;
}

const nobody: EvidencePerson = { id: '', email: '', displayName: '' };

export const CSV_COLUMNS = [
  'accessReviewId',
  'grantId',
  'grantedAt',
  'personId',
  'personEmail',
  'personName',
  'appId',
  'appName',
  'entitlementId',
  'entitlementName',
  'appUserId',
  'taskId',
  'decision',
  'outcome',
  'decidedAt',
  'decidedById',
  'decidedByEmail',
  'decidedByName',
  'reviewers',
  'reason',
  'secondsToDecision',
  'closedWithCampaign',
  'alreadyRemoved',
  'removalEventId',
  'removalOccurredAt',
  'removalTicketId',
  'removalPosition',
] as const;

/** One field of RFC 4180: quoted when it holds a comma, a quote or a line break, quotes doubled. */
function csvField(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvRow = (fields: ReadonlyArray<string | number | boolean | null>) =>
  `${fields.map(csvField).join(',')}\r\n`;

/** The people a pack names, read once each (reviewers repeat across thousands of items). */
function peopleCache(db: Db) {
  const known = new Map<string, EvidencePerson>();
  return {
    async load(ids: Iterable<string>): Promise<void> {
      const missing = [...new Set(ids)].filter((id) => id !== '' && !known.has(id));
      for (const person of await findPeople(db, missing)) known.set(person.id, person);
      for (const id of missing) if (!known.has(id)) known.set(id, { id, email: '', displayName: '' });
    },
    get: (id: string | null | undefined): EvidencePerson | null =>
      id ? (known.get(id) ?? { id, email: '', displayName: '' }) : null,
  };
}

/** Renders one campaign's pack; `sha256` of the JSON covers every byte before its last member. */
async function* render(db: Db, review: AccessReviewRow, format: EvidenceFormat): AsyncGenerator<string> {
  const people = peopleCache(db);
  await people.load([...review.owner_ids, review.created_by_user_id]);
  const policy = await findPolicyById(db, review.policy_id, { includeDeleted: true });
  const scope = await listScopeWithNames(db, review.id);
  const inner = createHash('sha256');
  const out = (text: string) => {
    inner.update(text);
    return text;
  };
  const final = review.state === ACCESS_REVIEW_STATES.closed;
  const startedMs = Date.parse(review.started_at ?? '');

  if (format === 'csv') {
    yield csvRow(CSV_COLUMNS);
  } else {
    const head = {
      evidence: 'roster.access_review_evidence.v1',
      accessReview: {
        id: review.id,
        displayName: review.display_name,
        description: review.description,
        state: review.state,
        final,
        createdAt: review.created_at,
        createdBy: people.get(review.created_by_user_id),
        owners: review.owner_ids.map((id) => people.get(id)),
        policy: { id: review.policy_id, displayName: policy?.display_name ?? '' },
        scopeType: review.scope_type,
        scope: scope.map((s) => ({
          appId: s.app_id,
          appDisplayName: s.app_name ?? '',
          appEntitlementId: s.app_entitlement_id,
          entitlementDisplayName: s.app_entitlement_id === '' ? '' : (s.entitlement_name ?? ''),
        })),
        completionDate: review.completion_date,
        startedAt: review.started_at,
        closedAt: review.closed_at,
        closeRemaining: review.close_remaining,
      },
      population: {
        size: review.population_size,
        position: review.population_position,
        frozenAt: review.started_at,
      },
    };
    yield out(`${JSON.stringify(head).slice(0, -1)},"items":[`);
  }

  const byDecision: Record<Decision, number> = {
    CERTIFIED: 0,
    DECERTIFIED: 0,
    CANCELLED: 0,
    OPEN: 0,
    NO_TASK: 0,
  };
  const byReviewer = new Map<string, { certified: number; decertified: number }>();
  let items = 0;
  let removed = 0;
  let alreadyRemoved = 0;
  let closedWithCampaign = 0;
  let after = '';
  for (;;) {
    const rows = await listEvidenceItems(db, review.id, after, ITEM_BATCH);
    if (rows.length === 0) break;
    after = (rows.at(-1) as EvidenceItemRow).grant_id;
    const steps = new Map<string, StepOutcome[]>();
    for (const row of rows) {
      const decided = (row.step_instances as unknown as StepOutcome[]).filter(
        (s) => (s.outcome === 'approved' || s.outcome === 'denied') && s.actorUserId,
      );
      steps.set(row.grant_id, decided);
    }
    // Only a task decided (closed, or a step of it) has audits the pack shows: comments, outcome.
    const taskIds = rows.flatMap((row) =>
      row.task_id && (row.task_state !== 'TASK_STATE_OPEN' || (steps.get(row.grant_id) ?? []).length > 0)
        ? [row.task_id]
        : [],
    );
    const audits = await listEvidenceAudits(db, taskIds);
    const auditsOf = new Map<string, typeof audits>();
    for (const audit of audits) {
      const list = auditsOf.get(audit.task_id) ?? [];
      list.push(audit);
      auditsOf.set(audit.task_id, list);
    }
    const decertified = rows.filter((row) => row.task_outcome === 'CERTIFY_OUTCOME_DECERTIFIED');
    const removals = await findRemovals(
      db,
      decertified.map((row) => row.grant_id),
    );
    await people.load([
      ...[...steps.values()].flat().map((s) => s.actorUserId),
      ...audits.flatMap((a) => (a.actor_user_id ? [a.actor_user_id] : [])),
    ]);

    let text = '';
    for (const row of rows) {
      const trail = row.task_id ? (auditsOf.get(row.task_id) ?? []) : [];
      const outcomeAudit = trail.findLast((a) => a.kind === 'certify_outcome');
      const outcomeDetails = outcomeAudit?.details ?? {};
      const withCampaign = trail.some((a) => a.kind === 'campaign_closed');
      const commentOf = (actor: string, at: string | null) => {
        const found = trail.find(
          (a) => a.kind === 'comment' && a.actor_user_id === actor && a.created_at === at,
        );
        return found ? String(found.details.comment ?? '') : '';
      };
      const decision: Decision = !row.task_id
        ? 'NO_TASK'
        : (DECISIONS[row.task_outcome as keyof typeof DECISIONS] ?? 'OPEN');
      const decider = withCampaign ? null : people.get(outcomeAudit?.actor_user_id);
      const reason = decider ? commentOf(decider.id, row.outcome_time) : '';
      const seconds =
        row.outcome_time && Number.isFinite(startedMs)
          ? Math.floor((Date.parse(row.outcome_time) - startedMs) / 1000)
          : null;
      const wasAlreadyRemoved = outcomeDetails.alreadyRemoved === true;
      const removal: Removal | null =
        decision === 'DECERTIFIED' ? (removals.get(row.grant_id) ?? null) : null;
      const reviewers = (steps.get(row.grant_id) ?? []).map((s) => ({
        ...(people.get(s.actorUserId) as EvidencePerson),
        decision: s.outcome,
        at: s.at,
        comment: commentOf(s.actorUserId, s.at),
      }));
      const person = row.identity_user_id
        ? { id: row.identity_user_id, email: row.person_email ?? '', displayName: row.person_name ?? '' }
        : nobody;

      items++;
      byDecision[decision]++;
      if (removal) removed++;
      if (wasAlreadyRemoved) alreadyRemoved++;
      if (withCampaign) closedWithCampaign++;
      if (decider && (decision === 'CERTIFIED' || decision === 'DECERTIFIED')) {
        const counts = byReviewer.get(decider.id) ?? { certified: 0, decertified: 0 };
        if (decision === 'CERTIFIED') counts.certified++;
        else counts.decertified++;
        byReviewer.set(decider.id, counts);
      }

      if (format === 'csv') {
        text += csvRow([
          review.id,
          row.grant_id,
          row.granted_at,
          row.identity_user_id,
          row.person_email ?? '',
          row.person_name ?? '',
          row.app_id,
          row.app_name ?? '',
          row.app_entitlement_id,
          row.entitlement_name ?? '',
          row.app_user_id,
          row.task_id ?? '',
          decision,
          row.task_outcome ?? '',
          row.outcome_time ?? '',
          decider?.id ?? '',
          decider?.email ?? '',
          decider?.displayName ?? '',
          reviewers.map((r) => r.email || r.id).join(';'),
          reason,
          seconds,
          withCampaign,
          wasAlreadyRemoved,
          removal?.eventId ?? '',
          removal?.occurredAt ?? '',
          removal?.ticketId ?? '',
          removal?.position ?? '',
        ]);
      } else {
        const item = {
          grantId: row.grant_id,
          grantedAt: row.granted_at,
          person,
          appUserId: row.app_user_id,
          app: { id: row.app_id, displayName: row.app_name ?? '' },
          entitlement: { id: row.app_entitlement_id, displayName: row.entitlement_name ?? '' },
          taskId: row.task_id ?? '',
          decision,
          outcome: row.task_outcome ?? '',
          decidedAt: row.outcome_time,
          decidedBy: decider,
          reason,
          secondsToDecision: seconds,
          reviewers,
          closedWithCampaign: withCampaign,
          alreadyRemoved: wasAlreadyRemoved,
          removal,
        };
        text += `${items > 1 ? ',' : ''}${JSON.stringify(item)}`;
      }
      if (text.length >= PIECE_CHARS) {
        yield format === 'csv' ? text : out(text);
        text = '';
      }
    }
    if (text !== '') yield format === 'csv' ? text : out(text);
    if (rows.length < ITEM_BATCH) break;
  }

  if (format === 'json') {
    const reviewerTotals = [...byReviewer.keys()]
      .sort()
      .map((id) => ({ reviewer: people.get(id), ...(byReviewer.get(id) as object) }));
    const totals = {
      items,
      byDecision,
      removed,
      alreadyRemoved,
      closedWithCampaign,
      byReviewer: reviewerTotals,
    };
    const tail = out(`],"totals":${JSON.stringify(totals)},`);
    yield `${tail}${INNER_DIGEST_MEMBER}${JSON.stringify(inner.digest('hex'))}}`;
  }
}

/**
 * Writes a closed campaign's pack in `format` into the chunk table and records it with its SHA-256,
 * unless one is recorded already. Two first reads at once both write; the first to record wins and
 * every other generation's chunks are deleted. Returns the recorded pack.
 */
async function writePack(db: Db, clock: Clock, review: AccessReviewRow, format: EvidenceFormat) {
  const generation = newId(clock.now().getTime());
  const hash = createHash('sha256');
  let bytes = 0;
  let seq = 0;
  let buffer = '';
  const flush = async () => {
    if (buffer === '') return;
    await insertEvidenceChunk(db, {
      access_review_id: review.id,
      format,
      generation,
      seq: ++seq,
      body: buffer,
    });
    buffer = '';
  };
  for await (const piece of render(db, review, format)) {
    hash.update(piece);
    bytes += Buffer.byteLength(piece);
    buffer += piece;
    if (buffer.length >= CHUNK_CHARS) await flush();
  }
  await flush();
  await insertEvidencePackIfAbsent(db, {
    access_review_id: review.id,
    format,
    generation,
    sha256: hash.digest('base64'),
    bytes,
    created_at: clock.now().toISOString(),
  });
  const pack = await findEvidencePack(db, review.id, format);
  if (!pack) throw new Error(`the evidence pack of ${review.id} was recorded but cannot be read`);
  await deleteOtherEvidenceChunks(db, review.id, format, pack.generation);
  return pack;
}

async function* readPack(db: Db, pack: { access_review_id: string; format: string; generation: string }) {
  let after = 0;
  for (;;) {
    const chunks = await listEvidenceChunks(db, pack, after, CHUNK_BATCH);
    for (const chunk of chunks) yield chunk.body;
    if (chunks.length < CHUNK_BATCH) return;
    after = (chunks.at(-1) as { seq: number }).seq;
  }
}

/**
 * The evidence pack of a campaign the caller may read (its owners, Super Admins, Read-Only Admins).
 * A closed campaign's pack is written once, at its first read, and every read sends those bytes with
 * their SHA-256; an open campaign's is rendered as it is read and says it is not final.
 */
export async function evidenceOf(
  db: Db,
  clock: Clock,
  caller: Principal,
  id: string,
  format: EvidenceFormat,
): Promise<EvidenceReply> {
  const review = await findAccessReviewById(db, id);
  const may =
    review && (review.owner_ids.includes(caller.userId) || caller.permissions.has('access_reviews:read'));
  if (!review || !may) throw notFound('access review', id);
  if (review.state === ACCESS_REVIEW_STATES.draft) {
    throw new AppError(
      'FAILED_PRECONDITION',
      'the access review is a draft: it has no population until it is started, so no evidence yet',
      'ACCESS_REVIEW_NOT_STARTED',
      { id },
    );
  }
  if (review.state !== ACCESS_REVIEW_STATES.closed) return { format, body: render(db, review, format) };
  const pack = (await findEvidencePack(db, id, format)) ?? (await writePack(db, clock, review, format));
  return { format, sha256: pack.sha256, body: readPack(db, pack) };
}
