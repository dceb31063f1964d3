/**
 * What a task's people are told, and when (CONTRACT.md §7.27): a step's approvers (or provisioners)
 * when it starts waiting for them, and the requester and the person the access is for when the task
 * closes. Nobody is told of what they did themselves, and offboardings (closed by an administrator
 * as they are opened) tell no one.
 */

/** The part of a system-log change the composer reads. */
export interface TaskLogEntry {
  readonly id: string;
  /** `task.assigned` or `task.closed`. */
  readonly operation: string;
  readonly taskId: string;
  readonly actorUserId: string | null;
  /** The entry's `unmapped` details as the tasks service logged them. */
  readonly details: Record<string, unknown>;
}

/** The task as the composer needs it. */
export interface TaskFacts {
  readonly id: string;
  readonly numericId: number;
  readonly taskType: string;
  readonly appId: string;
  readonly appEntitlementId: string;
  /** The person the access is for. */
  readonly subjectUserId: string;
  /** The person who asked. */
  readonly openerUserId: string;
  readonly description: string;
  /** Who decided the step that closed it, when a person did. */
  readonly deciderUserId: string | undefined;
  /** The comment made with the closing decision, if any. */
  readonly closingComment: string | undefined;
}

/** One message to one person, before their address is looked up. */
export interface TaskMailDraft {
  readonly kind: 'task.assigned' | 'task.closed';
  readonly sourceId: string;
  readonly taskId: string;
  readonly recipientUserId: string;
  readonly subject: string;
  readonly text: string;
}

export interface TaskMailContext {
  /** A person's display name ('' for someone unknown). */
  readonly nameOf: (userId: string) => string;
  readonly appName: (appId: string) => string;
  readonly entitlementName: (entitlementId: string) => string;
  /** The console page of a task. */
  readonly linkTo: (taskId: string) => string;
}

export const TASK_MAIL_OPERATIONS = ['task.assigned', 'task.closed'] as const;

const text = (details: Record<string, unknown>, key: string): string =>
  typeof details[key] === 'string' ? (details[key] as string) : '';

/** How a closed task ended, in a word: `GRANT_OUTCOME_GRANTED` → granted. */
export function outcomeWord(outcome: string): string {
  const word = outcome.replace(/^[A-Z]+_OUTCOME_/, '').toLowerCase();
  return word === 'error' ? 'failed' : word;
}

/** The drafts one log entry of a task makes; [] when it tells nobody anything. */
export function draftsOf(entry: TaskLogEntry, task: TaskFacts, ctx: TaskMailContext): TaskMailDraft[] {
  if (task.taskType !== 'grant' && task.taskType !== 'revoke') return [];
  const name = (userId: string) => ctx.nameOf(userId) || userId;
  const entitlement = ctx.entitlementName(task.appEntitlementId) || task.appEntitlementId;
  const app = ctx.appName(task.appId) || task.appId;
  const what = `${entitlement} in ${app}`;
  const forSomeoneElse = task.subjectUserId !== task.openerUserId;
  const told = (userIds: readonly string[]) => [
    ...new Set(userIds.filter((id) => id !== '' && id !== entry.actorUserId)),
  ];
  const draft = (recipientUserId: string, subject: string, lines: string[]): TaskMailDraft => ({
    kind: entry.operation as TaskMailDraft['kind'],
    sourceId: entry.id,
    taskId: task.id,
    recipientUserId,
    subject,
    text: `${lines.join('\n')}\n`,
  });

  if (entry.operation === 'task.assigned') {
    const approverIds = Array.isArray(entry.details.approverIds)
      ? entry.details.approverIds.filter((id): id is string => typeof id === 'string')
      : [];
    const provision = text(entry.details, 'stepKind') === 'provision';
    const asks =
      task.taskType === 'grant'
        ? `${name(task.openerUserId)} asks for ${what}${forSomeoneElse ? ` for ${name(task.subjectUserId)}` : ''}`
        : `${name(task.openerUserId)} asks to revoke ${what}${forSomeoneElse ? ` from ${name(task.subjectUserId)}` : ''}`;
    const subject = `${provision ? 'To provision' : 'To approve'}: ${asks} (request ${task.numericId})`;
    const lines = [
      `${asks}.`,
      '',
      `Reason: ${task.description.trim() || '(none given)'}`,
      '',
      provision
        ? 'You are asked to confirm that the account exists. See the request:'
        : 'You are asked to approve or deny it. See the request:',
      ctx.linkTo(task.id),
    ];
    return told(approverIds).map((id) => draft(id, subject, lines));
  }

  if (entry.operation === 'task.closed') {
    const outcome = outcomeWord(text(entry.details, 'outcome'));
    const decider = task.deciderUserId;
    const request = task.taskType === 'grant' ? `request for ${what}` : `request to revoke ${what}`;
    const subject = `Request ${task.numericId} ${outcome}: ${what}`;
    return told([task.openerUserId, task.subjectUserId]).map((id) => {
      const whose =
        id === task.openerUserId
          ? `Your ${request}${forSomeoneElse ? ` for ${name(task.subjectUserId)}` : ''}`
          : `${name(task.openerUserId)}'s ${request} ${task.taskType === 'grant' ? 'for' : 'from'} you`;
      const by = decider ? ` by ${decider === id ? 'you' : name(decider)}` : '';
      return draft(id, subject, [
        `${whose} was ${outcome}${by}.`,
        ...(task.closingComment?.trim() ? ['', `Reason: ${task.closingComment.trim()}`] : []),
        '',
        'See the request:',
        ctx.linkTo(task.id),
      ]);
    });
  }
  return [];
}
