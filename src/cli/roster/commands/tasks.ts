import type { Command } from 'commander';
import { type Answer, ApiError, type RosterClient } from '../client.js';
import { contextOf } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { note, type OutputFormat, printObject, printRows, type Row, write } from '../output.js';
import { isEmail } from '../people-file.js';
import { targetOf } from '../targets.js';
import { findUser } from './catalog.js';

type TaskView = Answer<'/api/v1/tasks/{id}', 'get'>['taskView'];
// `form` is always null, and some operations' generated types leave it out.
type Task = Omit<TaskView['task'], 'form'>;
type TaskAudit = Answer<'/api/v1/task/audits', 'post'>['list'][number];

/**
 * What the CLI reads of a task's `type` and `policy`, which the OpenAPI leaves open (they are
 * oneofs of ConductorOne's TaskType and PolicyInstance; CONTRACT.md §7.26).
 */
interface TaskTypeFields {
  appId: string;
  appEntitlementId: string;
  identityUserId: string;
  outcome: string;
  outcomeTime: string | null;
  grantDuration?: string | null;
}
interface PolicyInstance {
  current: { id: string } | null;
}

const typeOf = (task: Task): { kind: string; fields: TaskTypeFields } => {
  const type = task.type as { grant?: TaskTypeFields; revoke?: TaskTypeFields };
  if (type.grant) return { kind: 'grant', fields: type.grant };
  if (type.revoke) return { kind: 'revoke', fields: type.revoke };
  throw new CliError(`task ${task.id} is of a type this command line does not know`, EXIT.ERROR);
};

/** The current step's instance ID, which approve and deny name (`policyStepId`); "" once none waits. */
const currentStepOf = (task: Task): string => (task.policy as PolicyInstance | null)?.current?.id ?? '';

const word = (value: string, prefix: string | RegExp) => value.replace(prefix, '');

/** The current step an action names; refused here, sending nothing, when no step waits. */
function waitingStepOf(task: Task): string {
  const policyStepId = currentStepOf(task);
  if (!policyStepId) {
    throw new CliError(
      `task ${task.numericId} has no step waiting for a decision (it is ${word(task.state, 'TASK_STATE_').toLowerCase()})`,
      EXIT.REFUSED,
    );
  }
  return policyStepId;
}

function taskRow(task: Task): Row {
  const { kind, fields } = typeOf(task);
  return {
    number: task.numericId,
    id: task.id,
    type: kind,
    state: word(task.state, 'TASK_STATE_'),
    outcome: word(fields.outcome, /^(GRANT|REVOKE)_OUTCOME_/),
    subject: task.userId,
    openedBy: task.createdByUserId,
    appId: fields.appId,
    entitlementId: fields.appEntitlementId,
    mustAct: task.stepApproverIds.join(' '),
    createdAt: task.createdAt,
  };
}
const TASK_COLUMNS = [
  'number',
  'id',
  'type',
  'state',
  'outcome',
  'subject',
  'openedBy',
  'appId',
  'entitlementId',
  'mustAct',
  'createdAt',
];

const UNIT_SECONDS: Record<string, number> = { d: 86_400, h: 3_600, m: 60, s: 1 };

/**
 * A duration as people write it (`8h`, `90m`, `1d12h`, `3600s`) in the API's form (`"28800s"`,
 * protobuf's Duration in JSON).
 */
export function durationOf(value: string): string {
  const parts = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value.trim());
  const seconds = parts
    ? ['d', 'h', 'm', 's'].reduce(
        (sum, unit, i) => sum + Number(parts[i + 1] ?? 0) * (UNIT_SECONDS[unit] ?? 0),
        0,
      )
    : 0;
  if (!parts || value.trim() === '' || seconds < 1) {
    throw new CliError(`"${value}" is not a duration (for example 8h, 90m, 1d12h or 3600s)`, EXIT.USAGE);
  }
  return `${seconds}s`;
}

/** The task an argument names: its ID or its number (the API takes either). */
async function getTask(client: RosterClient, id: string): Promise<Task> {
  return (await client.call(client.api.GET('/api/v1/tasks/{id}', { params: { path: { id } } }))).taskView
    .task;
}

/** The signed-in person's user ID (introspection). */
async function myUserId(client: RosterClient): Promise<string> {
  const me = await client.call(client.api.GET('/api/v1/auth/introspect'));
  if (!me.userId) throw new CliError('this API client belongs to no user, so it has no tasks', EXIT.USAGE);
  return me.userId;
}

/**
 * Tasks of two searches, newest first, each once: both answer in ID order, newest first (IDs sort
 * by creation), so merging them keeps that order without reading either to its end first.
 */
async function* mergeNewestFirst(a: AsyncGenerator<TaskView>, b: AsyncGenerator<TaskView>) {
  let left = await a.next();
  let right = await b.next();
  while (!left.done || !right.done) {
    const takeLeft = right.done || (!left.done && left.value.task.id >= right.value.task.id);
    const taken = takeLeft ? left : right;
    if (taken.done) break;
    if (!left.done && !right.done && left.value.task.id === right.value.task.id) right = await b.next();
    yield taken.value;
    if (takeLeft) left = await a.next();
    else right = await b.next();
  }
}

/** The members of an audit entry's oneof (TaskAuditView) that the trail names; the OpenAPI leaves them open. */
interface AuditKinds {
  taskCreated?: object;
  comment?: { comment?: string };
  approvalInstanceChange?: { instance?: { approved?: object; denied?: object } };
  policyEvaluationStep?: { stepComment?: string };
  stateChange?: { previousState?: string };
  grantOutcome?: { outcome?: string };
  revokeOutcome?: { outcome?: string };
}

/** One audit entry as a plain line: when, who, what. */
function auditLine(audit: TaskAudit): string {
  const a = audit as TaskAudit & AuditKinds;
  let what = 'event';
  if (a.taskCreated) what = 'created';
  else if (a.comment) what = `commented: ${a.comment.comment ?? ''}`;
  else if (a.approvalInstanceChange?.instance?.approved) what = 'approved';
  else if (a.approvalInstanceChange?.instance?.denied) what = 'denied';
  else if (a.policyEvaluationStep) what = a.policyEvaluationStep.stepComment ?? 'step';
  else if (a.stateChange)
    what = `state ${word(a.stateChange.previousState ?? '', 'TASK_STATE_')} → ${word(a.currentState, 'TASK_STATE_')}`;
  else if (a.grantOutcome) what = `outcome ${a.grantOutcome.outcome}`;
  else if (a.revokeOutcome) what = `outcome ${a.revokeOutcome.outcome}`;
  return `${a.created}  ${a.userId || '(Roster)'}  ${what}`;
}

/**
 * A task as one row of its fields; with its audit trail (`show`), JSON is `{task, audits}` and a
 * table is followed by the trail, a plain line an entry.
 */
async function printTask(task: Task, format: OutputFormat, audits?: TaskAudit[]): Promise<void> {
  const { fields } = typeOf(task);
  const row = {
    ...taskRow(task),
    description: task.description,
    grantDuration: fields.grantDuration ?? '',
    outcomeTime: fields.outcomeTime ?? '',
    currentStep: currentStepOf(task),
  };
  await printObject(audits ? { task, audits } : task, row, format);
  if (audits && format === 'table')
    await write(`\nAudit trail:\n${audits.map((a) => `  ${auditLine(a)}`).join('\n')}\n`);
}

export function registerTaskCommands(program: Command): void {
  program
    .command('request <app> <entitlement>')
    .description('ask for an entitlement (a grant task run through its policy)')
    .requiredOption('--reason <text>', 'why the access is needed (the task description)')
    .option('--duration <duration>', 'how long the grant lasts once approved: 8h, 90m, 2d, 3600s')
    .option('--for <user>', 'ask for someone else (user ID or email)')
    .addHelpText(
      'after',
      '\nExamples:\n  roster request Payroll admin --reason "Quarter-end close" --duration 8h\n  roster request APP ENT --reason "New hire" --for grace@example.com',
    )
    .action(
      async (
        app: string,
        entitlement: string,
        options: { reason: string; duration?: string; for?: string },
        command: Command,
      ) => {
        const { client, format } = await contextOf(command);
        const grantDuration = options.duration ? durationOf(options.duration) : undefined;
        if (options.reason.trim() === '') throw new CliError('--reason must say why', EXIT.USAGE);
        const { appId, entId } = await requestTarget(client, app, entitlement);
        const subject = options.for ? (await findUser(client, options.for)).id : undefined;
        const { taskView } = await client.call(
          client.api.POST('/api/v1/task/grant', {
            body: {
              appId,
              appEntitlementId: entId,
              description: options.reason,
              ...(grantDuration ? { grantDuration } : {}),
              ...(subject ? { identityUserId: subject } : {}),
            },
          }),
        );
        note(`Task ${taskView.task.numericId} opened (${taskView.task.id}).`);
        await printTask(taskView.task, format);
      },
    );

  const tasks = program.command('tasks').description('access requests and approvals');
  tasks
    .command('ls')
    .description('tasks you may see, newest first (all pages)')
    .option('--mine', 'only tasks you opened or that are about you')
    .option('--assigned', 'only tasks waiting for you to act')
    .option('--state <state>', 'open or closed')
    .addHelpText(
      'after',
      '\nExamples:\n  roster tasks ls --assigned\n  roster tasks ls --mine --state open --output json',
    )
    .action(async (options: { mine?: boolean; assigned?: boolean; state?: string }, command: Command) => {
      const state = options.state?.toLowerCase();
      if (state !== undefined && state !== 'open' && state !== 'closed')
        throw new CliError('--state must be open or closed', EXIT.USAGE);
      if (options.mine && options.assigned)
        throw new CliError('--mine and --assigned list different tasks: give one of them', EXIT.USAGE);
      const { client, format } = await contextOf(command);
      const taskStates = state ? [state === 'open' ? 'TASK_STATE_OPEN' : 'TASK_STATE_CLOSED'] : [];
      const search = (filter: { openerIds?: string[]; subjectIds?: string[]; myWorkUserIds?: string[] }) =>
        client.search('/api/v1/search/tasks', { taskStates, ...filter } as never) as AsyncGenerator<TaskView>;
      let views: AsyncGenerator<TaskView>;
      if (options.mine) {
        const me = await myUserId(client);
        views = mergeNewestFirst(search({ openerIds: [me] }), search({ subjectIds: [me] }));
      } else if (options.assigned) {
        views = search({ myWorkUserIds: [await myUserId(client)] });
      } else {
        views = search({});
      }
      async function* rows() {
        for await (const view of views) yield taskRow(view.task);
      }
      await printRows(rows(), TASK_COLUMNS, format);
    });

  tasks
    .command('show <task>')
    .description('one task by ID or number: state, outcome, who must act, and its audit trail')
    .addHelpText('after', '\nExamples:\n  roster tasks show 42\n  roster tasks show 42 --output json')
    .action(async (id: string, _o: unknown, command: Command) => {
      const { client, format } = await contextOf(command);
      const task = await getTask(client, id);
      const audits: TaskAudit[] = [];
      for await (const audit of client.search('/api/v1/task/audits', { taskId: task.id })) audits.push(audit);
      await printTask(task, format, audits);
    });

  for (const name of ['approve', 'deny'] as const) {
    tasks
      .command(`${name} <task>`)
      .description(`${name} the step of a task that waits for you (by ID or number)`)
      .option('--reason <text>', `why you ${name} (required when the policy says so)`)
      .addHelpText('after', `\nExample:\n  roster tasks ${name} 42 --reason "Checked with the team lead"`)
      .action(async (id: string, options: { reason?: string }, command: Command) => {
        const { client, format } = await contextOf(command);
        const task = await getTask(client, id);
        const policyStepId = waitingStepOf(task);
        const { taskView } = await client.call(
          client.api.POST(`/api/v1/tasks/{task_id}/action/${name}`, {
            params: { path: { task_id: task.id } },
            body: { policyStepId, ...(options.reason ? { comment: options.reason } : {}) },
          }),
        );
        note(`Task ${taskView.task.numericId} ${name === 'approve' ? 'approved' : 'denied'}.`);
        await printTask(taskView.task, format);
      });
  }

  tasks
    .command('comment <task> <text>')
    .description('add a comment to a task (by ID or number)')
    .addHelpText('after', '\nExample:\n  roster tasks comment 42 "Asked the finance lead"')
    .action(async (id: string, text: string, _o: unknown, command: Command) => {
      if (text.trim() === '') throw new CliError('the comment is empty', EXIT.USAGE);
      const { client, format } = await contextOf(command);
      const task = await getTask(client, id);
      const { taskView } = await client.call(
        client.api.POST('/api/v1/tasks/{task_id}/action/comment', {
          params: { path: { task_id: task.id } },
          body: { comment: text },
        }),
      );
      await printTask(taskView.task, format);
    });

  tasks
    .command('reassign <task>')
    .description('hand the current step of a task to other people (by ID or number)')
    .requiredOption('--to <people...>', 'the new approvers: user IDs or emails')
    .option('--reason <text>', 'why (required when the policy says so)')
    .addHelpText('after', '\nExample:\n  roster tasks reassign 42 --to grace@example.com --reason "On leave"')
    .action(async (id: string, options: { to: string[]; reason?: string }, command: Command) => {
      const { client, format } = await contextOf(command);
      const task = await getTask(client, id);
      // An email needs the directory (users:read); an ID goes as given, for the API to check.
      const newStepUserIds: string[] = [];
      for (const person of options.to) {
        newStepUserIds.push(isEmail(person) ? (await findUser(client, person)).id : person);
      }
      const { taskView } = await client.call(
        client.api.POST('/api/v1/tasks/{task_id}/action/reassign', {
          params: { path: { task_id: task.id } },
          body: {
            policyStepId: waitingStepOf(task),
            newStepUserIds,
            ...(options.reason ? { comment: options.reason } : {}),
          },
        }),
      );
      note(`Task ${taskView.task.numericId} reassigned.`);
      await printTask(taskView.task, format);
    });

  tasks
    .command('skip <task>')
    .description('skip the current step of a task; the policy goes on (Super Admins; by ID or number)')
    .addHelpText('after', '\nExample:\n  roster tasks skip 42')
    .action(async (id: string, _o: unknown, command: Command) => {
      const { client, format } = await contextOf(command);
      const task = await getTask(client, id);
      const { taskView } = await client.call(
        client.api.POST('/api/v1/tasks/{task_id}/action/skip-step', {
          params: { path: { task_id: task.id } },
          body: { policyStepId: waitingStepOf(task) },
        }),
      );
      note(`Task ${taskView.task.numericId}: step skipped.`);
      await printTask(taskView.task, format);
    });

  tasks
    .command('restart <task>')
    .description("run an open task's policy again from its first step (the requester or a Super Admin)")
    .addHelpText('after', '\nExample:\n  roster tasks restart 42')
    .action(async (id: string, _o: unknown, command: Command) => {
      const { client, format } = await contextOf(command);
      const task = await getTask(client, id);
      const { taskView } = await client.call(
        client.api.POST('/api/v1/tasks/{task_id}/action/restart', {
          params: { path: { task_id: task.id } },
          body: {},
        }),
      );
      note(`Task ${taskView.task.numericId} restarted.`);
      await printTask(taskView.task, format);
    });

  tasks
    .command('close <task>')
    .description('close a task you opened, so nobody acts on it (by ID or number)')
    .option('--reason <text>', 'why it is no longer needed')
    .addHelpText('after', '\nExample:\n  roster tasks close 42 --reason "No longer needed"')
    .action(async (id: string, options: { reason?: string }, command: Command) => {
      const { client, format } = await contextOf(command);
      const task = await getTask(client, id);
      const { taskView } = await client.call(
        client.api.POST('/api/v1/tasks/{task_id}/action/close', {
          params: { path: { task_id: task.id } },
          body: options.reason ? { comment: options.reason } : {},
        }),
      );
      note(`Task ${taskView.task.numericId} closed.`);
      await printTask(taskView.task, format);
    });
}

/**
 * The app and entitlement a request names. Names need the catalog, which a person with no role
 * may not read (403): they ask by IDs, which the task API checks itself.
 */
async function requestTarget(
  client: RosterClient,
  app: string,
  entitlement: string,
): Promise<{ appId: string; entId: string }> {
  try {
    return await targetOf(client, app, entitlement);
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return { appId: app, entId: entitlement };
    throw error;
  }
}
