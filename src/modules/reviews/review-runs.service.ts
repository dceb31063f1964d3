import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db, Executor } from '../../db/schema.js';
import type { Principal } from '../../http/principal.js';
import { type Actor, SYSTEM_ACTOR } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { SystemLog } from '../audit/index.js';
import { currentChangeCursor } from '../changes/index.js';
import { findPolicyById } from '../policies/index.js';
import { checkCertifySteps, type TaskRow, type TasksService } from '../tasks/index.js';
import { type EvidenceFormat, evidenceOf } from './evidence.js';
import {
  findAutoCloseDue,
  findRunningStartJobs,
  freezePopulation,
  listItemsAfter,
} from './review-items.repository.js';
import {
  type AccessReviewRow,
  findAccessReviewById,
  listScopeEntries,
  updateAccessReview,
} from './reviews.repository.js';
import { ACCESS_REVIEW_STATES } from './reviews.schemas.js';

export interface ReviewRunsDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
  readonly tasks: TasksService;
  /** Items the start job turns into tasks per transaction. */
  readonly batchSize?: number;
  /** Told after each committed batch of a start job (the container logs it). */
  readonly onBatch?: (report: { accessReviewId: string; tasksCreated: number; done: boolean }) => void;
}

export type ReviewRunsService = ReturnType<typeof createReviewRunsService>;

export type Remaining = 'SKIP' | 'REVOKE';
export type Decision = 'CERTIFY' | 'DECERTIFY';

/** Up to this many decisions in one bulk call. */
export const MAX_DECISIONS = 1_000;

const TARGET = 'access_review';
const RUNNING = 'RUNNING';
const DONE = 'DONE';

/**
 * Running access reviews (issue 20): start (freeze the population, then create one certify task per
 * grant in a durable background job), progress, decisions in bulk, close and auto-close.
 */
export function createReviewRunsService(deps: ReviewRunsDeps) {
  const { db, dialect, clock, systemLog, tasks } = deps;
  const batchSize = deps.batchSize ?? 1_000;
  let onStarted: () => void = () => {};

  const lock = (trx: Executor, id: string) => dialect.serialize(trx, `roster:access-review:${id}`);

  async function changeable(trx: Executor, caller: Principal, id: string): Promise<AccessReviewRow> {
    const row = await findAccessReviewById(trx, id);
    const owner = row?.owner_ids.includes(caller.userId) ?? false;
    if (!row || !(owner || caller.permissions.has('access_reviews:read')))
      throw notFound('access review', id);
    if (!(owner || caller.permissions.has('access_reviews:write'))) {
      throw new AppError(
        'PERMISSION_DENIED',
        'only a Super Admin or an owner of the access review may start or close it',
        'PERMISSION_DENIED',
      );
    }
    return row;
  }

  function notOpen(row: AccessReviewRow): AppError {
    if (row.state === ACCESS_REVIEW_STATES.closed) {
      return new AppError(
        'FAILED_PRECONDITION',
        'the access review is closed; nothing about it can change',
        'ACCESS_REVIEW_CLOSED',
        { id: row.id },
      );
    }
    return new AppError(
      'FAILED_PRECONDITION',
      `the access review is ${row.state}, not open`,
      'ACCESS_REVIEW_NOT_OPEN',
      {
        id: row.id,
        state: row.state,
      },
    );
  }

  /** One batch of the start job in its own transaction; false once there is nothing left to do. */
  async function runStartBatch(id: string): Promise<boolean> {
    const now = clock.now();
    let report: { accessReviewId: string; tasksCreated: number; done: boolean } | undefined;
    const more = await db.transaction().execute(async (trx) => {
      await lock(trx, id);
      // Read under the lock: another process may have run this batch already.
      const row = await findAccessReviewById(trx, id);
      if (!row || row.start_job_state !== RUNNING) return false;
      const items = await listItemsAfter(trx, id, row.start_cursor, batchSize);
      const policy = await findPolicyById(trx, row.policy_id, { includeDeleted: true });
      const created = await tasks.createCertifyTasks(
        trx,
        {
          accessReviewId: id,
          policyId: row.policy_id,
          policyGeneration: policy?.generation ?? 0,
          policySteps: policy?.steps ?? [],
          campaignOwnerIds: row.owner_ids,
          createdByUserId: row.created_by_user_id,
        },
        items.map((item) => ({
          appId: item.app_id,
          appEntitlementId: item.app_entitlement_id,
          appUserId: item.app_user_id,
          identityUserId: item.identity_user_id,
          grantId: item.grant_id,
          grantedAt: item.granted_at,
          originatingTicketId: item.ticket_id ?? '',
        })),
        now,
      );
      const done = items.length < batchSize;
      await updateAccessReview(trx, id, {
        start_cursor: items.at(-1)?.grant_id ?? row.start_cursor,
        tasks_created: row.tasks_created + created.length,
        ...(done ? { start_job_state: DONE } : {}),
        updated_at: now.toISOString(),
      });
      report = { accessReviewId: id, tasksCreated: row.tasks_created + created.length, done };
      return !done;
    });
    if (report) deps.onBatch?.(report);
    return more;
  }

  async function progressOf(executor: Executor, row: AccessReviewRow) {
    const counts = await tasks.countCertifyTasks(executor, row.id);
    const sum = (test: (c: { state: string; outcome: string }) => boolean) =>
      counts.filter(test).reduce((n, c) => n + c.n, 0);
    return {
      accessReviewId: row.id,
      state: row.state,
      populationSize: row.population_size,
      populationPosition: row.population_position,
      populated: row.start_job_state === DONE,
      tasksCreated: row.tasks_created,
      open: sum((c) => c.state === 'TASK_STATE_OPEN'),
      decided: sum((c) => c.state === 'TASK_STATE_CLOSED'),
      certified: sum((c) => c.outcome === 'CERTIFY_OUTCOME_CERTIFIED'),
      decertified: sum((c) => c.outcome === 'CERTIFY_OUTCOME_DECERTIFIED'),
      cancelled: sum((c) => c.outcome === 'CERTIFY_OUTCOME_CANCELLED'),
    };
  }

  /** Closes every open certify task of the campaign, then the campaign; safe to run again. */
  async function closeAs(actor: Actor, id: string, remaining: Remaining): Promise<AccessReviewRow> {
    let after = '';
    for (;;) {
      const ids = await tasks.listOpenCertifyTaskIds(id, after, 500);
      if (ids.length === 0) break;
      for (const taskId of ids) await tasks.closeCertifyTask(actor, taskId, remaining);
      after = ids.at(-1) as string;
    }
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      await lock(trx, id);
      const row = await findAccessReviewById(trx, id);
      if (!row) throw notFound('access review', id);
      if (row.state !== ACCESS_REVIEW_STATES.open) throw notOpen(row);
      const progress = await progressOf(trx, row);
      const at = now.toISOString();
      await updateAccessReview(trx, id, {
        state: ACCESS_REVIEW_STATES.closed,
        closed_at: at,
        close_remaining: remaining,
        updated_at: at,
      });
      await systemLog.record(trx, [
        {
          operation: `${TARGET}.closed`,
          activity: 'update',
          targetType: TARGET,
          targetId: id,
          actor,
          occurredAt: now,
          details: {
            remaining,
            populationSize: row.population_size,
            certified: progress.certified,
            decertified: progress.decertified,
            cancelled: progress.cancelled,
          },
        },
      ]);
      return {
        ...row,
        state: ACCESS_REVIEW_STATES.closed,
        closed_at: at,
        close_remaining: remaining,
        updated_at: at,
      };
    });
  }

  return {
    /** Called after a start commits: the container wakes the start-job loop. */
    onStarted(listener: () => void): void {
      onStarted = listener;
    },

    /**
     * Starts a DRAFT campaign (Super Admin or owner): in one transaction freezes its population (the
     * grants held now in its scope), records when and the change-stream position, marks it OPEN and
     * enqueues the start job, which the background loop runs.
     */
    async start(caller: Principal, actor: Actor, id: string): Promise<AccessReviewRow> {
      const now = clock.now();
      const row = await db.transaction().execute(async (trx) => {
        await lock(trx, id);
        const current = await changeable(trx, caller, id);
        if (current.state !== ACCESS_REVIEW_STATES.draft) {
          throw new AppError(
            'FAILED_PRECONDITION',
            `only a draft access review may be started; it is ${current.state}`,
            'ACCESS_REVIEW_NOT_DRAFT',
            { id, state: current.state },
          );
        }
        const scope = await listScopeEntries(trx, id);
        if (scope.length === 0) {
          throw new AppError(
            'FAILED_PRECONDITION',
            'the access review has no apps or entitlements to review',
            'ACCESS_REVIEW_NO_SCOPE',
            { id },
          );
        }
        const policy = await findPolicyById(trx, current.policy_id);
        if (!policy) throw notFound('policy', current.policy_id);
        checkCertifySteps(policy.steps);
        // The position first: every change at or before it is in the snapshot the population is read from.
        const position = await currentChangeCursor(trx, dialect);
        const at = now.toISOString();
        const size = await freezePopulation(trx, id, scope, at);
        const changes = {
          state: ACCESS_REVIEW_STATES.open,
          started_at: at,
          population_position: position,
          population_size: size,
          start_job_state: size > 0 ? RUNNING : DONE,
          updated_at: at,
        };
        await updateAccessReview(trx, id, changes);
        await systemLog.record(trx, [
          {
            operation: `${TARGET}.started`,
            activity: 'update',
            targetType: TARGET,
            targetId: id,
            actor,
            occurredAt: now,
            details: { populationSize: size, populationPosition: position, policyId: current.policy_id },
          },
        ]);
        return { ...current, ...changes };
      });
      onStarted();
      return row;
    },

    async progress(caller: Principal, id: string) {
      const row = await findAccessReviewById(db, id);
      const may =
        row && (row.owner_ids.includes(caller.userId) || caller.permissions.has('access_reviews:read'));
      if (!row || !may) throw notFound('access review', id);
      return progressOf(db, row);
    },

    /** The campaign's evidence pack (whoever may read it; not a draft), streamed: evidence.ts. */
    evidence: (caller: Principal, id: string, format: EvidenceFormat) =>
      evidenceOf(db, clock, caller, id, format),

    /**
     * Decides many certify tasks of the campaign, each on its own (one refused does not stop the
     * others): CERTIFY approves the task's current step, DECERTIFY denies it. Each answer is the task
     * or the error that refused it.
     */
    async decide(
      caller: Principal,
      actor: Actor,
      id: string,
      decisions: ReadonlyArray<{ taskId: string; decision: Decision; comment?: string | null | undefined }>,
    ): Promise<Array<{ taskId: string; task?: TaskRow; error?: AppError }>> {
      const row = await findAccessReviewById(db, id);
      if (!row) throw notFound('access review', id);
      if (row.state !== ACCESS_REVIEW_STATES.open) throw notOpen(row);
      const answers: Array<{ taskId: string; task?: TaskRow; error?: AppError }> = [];
      for (const { taskId, decision, comment } of decisions) {
        try {
          const task = await tasks.get(caller, taskId);
          if (task.access_review_id !== id) throw notFound('task', taskId);
          const stepId = task.state === 'TASK_STATE_OPEN' ? (task.step_instances.at(-1)?.id ?? '') : '';
          const decided =
            decision === 'CERTIFY'
              ? await tasks.approve(caller, actor, task.id, stepId, comment ?? '')
              : await tasks.deny(caller, actor, task.id, stepId, comment ?? '');
          answers.push({ taskId, task: decided });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          answers.push({ taskId, error });
        }
      }
      return answers;
    },

    /** Closes an OPEN campaign (Super Admin or owner) once populated; what stays open is SKIP'd or REVOKE'd. */
    async close(caller: Principal, actor: Actor, id: string, remaining: Remaining): Promise<AccessReviewRow> {
      const row = await changeable(db, caller, id);
      if (row.state !== ACCESS_REVIEW_STATES.open) throw notOpen(row);
      if (row.start_job_state !== DONE) {
        throw new AppError(
          'FAILED_PRECONDITION',
          `the access review is still creating its tasks (${row.tasks_created} of ${row.population_size}); close it once populated`,
          'ACCESS_REVIEW_POPULATING',
          { id },
        );
      }
      return closeAs(actor, id, remaining);
    },

    /**
     * The background work: runs every start job to its end, batch by batch, then closes the
     * campaigns whose completion date has come with autoCloseCampaign set. Returns batches and closes run.
     */
    async runPending(): Promise<{ batches: number; closed: number }> {
      let batches = 0;
      for (const id of await findRunningStartJobs(db, 100)) {
        // The population was just written in one statement: the batches (and the evidence) page it.
        await dialect.refreshStatistics(db, ['access_review_items']);
        for (;;) {
          const more = await runStartBatch(id);
          batches++;
          if (!more) {
            // As many certify tasks as grants, written in a minute: the reviewers' queues read them.
            await dialect.refreshStatistics(db, ['tasks', 'task_assignees']);
            break;
          }
          // SQLite's driver settles its promises at once: without a turn of the event loop between
          // batches, a 100,000-grant start would keep the server from answering anyone until done.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      let closed = 0;
      for (const id of await findAutoCloseDue(db, clock.now().toISOString(), 100)) {
        const row = await findAccessReviewById(db, id);
        if (!row) continue;
        const remaining: Remaining = row.auto_close_decision === 'CLOSE_DECISION_REVOKED' ? 'REVOKE' : 'SKIP';
        try {
          await closeAs(SYSTEM_ACTOR, id, remaining);
          closed++;
        } catch (error) {
          // Closed by someone else meanwhile: nothing left to do.
          if (!(error instanceof AppError && error.reason === 'ACCESS_REVIEW_CLOSED')) throw error;
        }
      }
      return { batches, closed };
    },

    /** One batch of a campaign's start job (tests stop the job mid-way with it). */
    runStartBatch,
  };
}
