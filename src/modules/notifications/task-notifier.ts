import type { FastifyBaseLogger } from 'fastify';
import type { PublicUrl } from '../../config.js';
import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db, Executor } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { createWakeableLoop } from '../../lib/wakeable-loop.js';
import { findAppById, findEntitlementRecordsByIds } from '../catalog/index.js';
import { findTaskById, listAudits, type TaskRow } from '../tasks/index.js';
import { findUsersByIds } from '../users/index.js';
import { unreachable } from './mail-recipients.js';
import {
  loggedDetailsOf,
  peekNotificationCursor,
  readNotificationCursor,
  writeNotificationCursor,
} from './notifications.repository.js';
import { type QueuedMail, queueMail } from './outbox.js';
import {
  draftsOf,
  TASK_MAIL_OPERATIONS,
  type TaskFacts,
  type TaskLogEntry,
  type TaskMailDraft,
} from './task-mails.js';

/** A change of the stream as the notifier reads it: only system-log entries matter to it. */
export type NotifierChange =
  | { readonly kind: 'grant_history' }
  | {
      readonly kind: 'system_log';
      readonly row: {
        readonly id: string;
        readonly activity: string;
        readonly target_id: string;
        readonly actor_user_id: string | null;
        readonly event: string;
      };
    };

/** The change stream (src/modules/changes: readChanges, currentChangeCursor). */
export interface NotifierChangeSource {
  read(
    db: Executor,
    dialect: DialectFeatures,
    after: string,
    limit: number,
  ): Promise<{ changes: readonly NotifierChange[]; cursor: string }>;
  current(db: Executor, dialect: DialectFeatures): Promise<string>;
}

export interface TaskNotifierDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly publicUrl: PublicUrl;
  readonly changes: NotifierChangeSource;
  readonly logger: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  /** Called after messages were queued, so the sender looks at once. */
  readonly onQueued?: () => void;
  readonly pageSize?: number;
  readonly pollMs: number;
}

/**
 * Turns the task events of the change stream into outbox rows. Each step reads a page of changes
 * after the stored cursor, queues a message per person to tell, and stores the new cursor in the
 * same transaction: a crash before the commit leaves both undone, after it both done, so no event
 * is lost or queued twice (the outbox's unique (event, recipient) holds that too). Notifiers of
 * several processes take turns on the cursor, as webhook dispatchers do.
 */
export function createTaskNotifier(deps: TaskNotifierDeps) {
  const { db, dialect, clock, logger } = deps;
  const pageSize = deps.pageSize ?? 2_000;

  const loop = createWakeableLoop(step, {
    pollMs: deps.pollMs,
    onError: (error) => logger.error({ err: error }, 'reading task events for mail failed; retrying'),
  });

  /** The closing comment: made by the closing action, at the moment the task closed. */
  async function closingCommentOf(trx: Executor, task: TaskRow): Promise<string | undefined> {
    if (!task.outcome_time) return undefined;
    let comment: string | undefined;
    let afterId: string | undefined;
    for (;;) {
      const page = await listAudits(trx, task.id, afterId, 500);
      for (const audit of page) {
        if (audit.kind === 'comment' && audit.created_at === task.outcome_time)
          comment = audit.details.comment;
      }
      if (page.length < 500) return comment;
      afterId = page[page.length - 1]?.id;
    }
  }

  async function factsOf(trx: Executor, task: TaskRow): Promise<TaskFacts> {
    const decided = task.step_instances.filter((i) => i.state === 'DONE' && i.actorUserId).at(-1);
    return {
      id: task.id,
      numericId: task.numeric_id,
      taskType: task.task_type,
      appId: task.app_id,
      appEntitlementId: task.app_entitlement_id,
      subjectUserId: task.identity_user_id,
      openerUserId: task.created_by_user_id,
      description: task.description,
      deciderUserId: task.state === 'TASK_STATE_CLOSED' ? decided?.actorUserId : undefined,
      closingComment: task.state === 'TASK_STATE_CLOSED' ? await closingCommentOf(trx, task) : undefined,
    };
  }

  /** The outbox rows of a page's task events, with everything they name read in the transaction. */
  async function mailsOf(
    trx: Executor,
    changes: readonly NotifierChange[],
    now: Date,
  ): Promise<QueuedMail[]> {
    const entries: TaskLogEntry[] = [];
    for (const change of changes) {
      if (change.kind !== 'system_log') continue;
      const row = change.row;
      if (!(TASK_MAIL_OPERATIONS as readonly string[]).includes(row.activity)) continue;
      entries.push({
        id: row.id,
        operation: row.activity,
        taskId: row.target_id,
        actorUserId: row.actor_user_id,
        details: loggedDetailsOf(row.event),
      });
    }
    if (entries.length === 0) return [];

    const tasks = new Map<string, TaskFacts>();
    for (const taskId of new Set(entries.map((e) => e.taskId))) {
      const task = await findTaskById(trx, taskId);
      if (task) tasks.set(taskId, await factsOf(trx, task));
    }
    const appNames = new Map<string, string>();
    for (const appId of new Set([...tasks.values()].map((t) => t.appId).filter(Boolean))) {
      appNames.set(appId, (await findAppById(trx, appId))?.display_name ?? '');
    }
    const entitlements = await findEntitlementRecordsByIds(
      trx,
      [...new Set([...tasks.values()].map((t) => t.appEntitlementId).filter(Boolean))],
      now.toISOString(),
    );
    const entitlementNames = new Map(entitlements.map((e) => [e.id, e.display_name]));

    // Everyone the page's mails go to or name: approvers, requesters, subjects, deciders.
    const people = new Set<string>();
    for (const entry of entries) {
      if (Array.isArray(entry.details.approverIds)) {
        for (const id of entry.details.approverIds) if (typeof id === 'string') people.add(id);
      }
    }
    for (const task of tasks.values()) {
      for (const id of [task.openerUserId, task.subjectUserId, task.deciderUserId]) if (id) people.add(id);
    }
    const users = new Map((await findUsersByIds(trx, [...people])).map((u) => [u.id, u]));

    const drafts: TaskMailDraft[] = [];
    for (const entry of entries) {
      const task = tasks.get(entry.taskId);
      if (!task) continue;
      drafts.push(
        ...draftsOf(entry, task, {
          nameOf: (id) => users.get(id)?.display_name ?? '',
          appName: (id) => appNames.get(id) ?? '',
          entitlementName: (id) => entitlementNames.get(id) ?? '',
          linkTo: (id) => new URL(`/console/requests/${id}`, deps.publicUrl()).href,
        }),
      );
    }

    const mails: QueuedMail[] = [];
    for (const d of drafts) {
      const user = users.get(d.recipientUserId);
      const why = unreachable(user);
      if (why !== undefined || !user) {
        logger.warn(
          { userId: d.recipientUserId, taskId: d.taskId, event: d.kind },
          `no mail about task ${d.taskId}: user ${d.recipientUserId} ${why}`,
        );
        continue;
      }
      mails.push({
        kind: d.kind,
        sourceId: d.sourceId,
        subjectId: d.taskId,
        recipientUserId: user.id,
        toAddress: user.email,
        subject: d.subject,
        text: d.text,
      });
    }
    return mails;
  }

  /** One page; true when there may be more to read at once. */
  async function step(): Promise<boolean> {
    // Nothing new: no transaction. On SQLite every transaction takes the write lock first, and would
    // wait for the bulk runner thread's batches, holding up this thread's requests meanwhile.
    const seen = await peekNotificationCursor(db);
    if (seen !== undefined && (await deps.changes.read(db, dialect, seen, 1)).changes.length === 0)
      return false;
    let queued = 0;
    const more = await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const at = now.toISOString();
      const stored = await readNotificationCursor(trx, dialect);
      const head = await deps.changes.current(trx, dialect);
      // Never read before (mail was just switched on): from the stream's end, not its history.
      if (stored === undefined) {
        await writeNotificationCursor(trx, head, at);
        return false;
      }
      if (stored === head) return false;
      const { changes, cursor } = await deps.changes.read(trx, dialect, stored, pageSize);
      queued = await queueMail(trx, await mailsOf(trx, changes, now), now);
      if (cursor !== stored) await writeNotificationCursor(trx, cursor, at);
      return changes.length >= pageSize;
    });
    if (queued > 0) deps.onQueued?.();
    return more;
  }

  return {
    /** Starts the cursor at the stream's end if it has none, so mail covers what happens from now on. */
    async startAtHead(): Promise<void> {
      await db.transaction().execute(async (trx) => {
        if ((await readNotificationCursor(trx, dialect)) !== undefined) return;
        await writeNotificationCursor(
          trx,
          await deps.changes.current(trx, dialect),
          clock.now().toISOString(),
        );
      });
    },
    start: () => loop.start(),
    wake: () => loop.wake(),
    stop: () => loop.stop(),
    /** Reads the stream to its end now (tests and tools). */
    async runUntilIdle() {
      while (await step()) {}
    },
  };
}
