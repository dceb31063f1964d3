import { Anchor, Badge } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { Link } from 'react-router';
import { subjectOf, type Task, type TaskAudit, type TaskView } from '../api/tasks';
import { formatTime } from './csv';
import { EntitlementName } from './EntitlementName';
import { count } from './numbers';
import type { NameOf } from './policies';

const OUTCOME_WORDS: Record<string, string> = {
  GRANT_OUTCOME_GRANTED: 'granted',
  GRANT_OUTCOME_DENIED: 'denied',
  GRANT_OUTCOME_CANCELLED: 'cancelled',
  GRANT_OUTCOME_ERROR: 'failed',
  REVOKE_OUTCOME_REVOKED: 'revoked',
  REVOKE_OUTCOME_DENIED: 'denied',
  REVOKE_OUTCOME_CANCELLED: 'cancelled',
  REVOKE_OUTCOME_ERROR: 'failed',
};

/** A task's state and outcome in one word: "open", "granted", "denied", … */
export function taskStatus(task: Task): string {
  if (task.state === 'TASK_STATE_OPEN') return 'open';
  const outcome = subjectOf(task).outcome;
  return OUTCOME_WORDS[outcome] ?? 'closed';
}

export function TaskStatusBadge({ task }: { task: Task }) {
  const status = taskStatus(task);
  const color = status === 'open' ? 'blue' : status === 'granted' || status === 'revoked' ? 'green' : 'red';
  return (
    <Badge variant="light" color={color} c="dark.8" w="max-content" data-testid="task-status">
      {status}
    </Badge>
  );
}

const listed = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? 'nobody') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/** Who must act now, by name: "Waiting for Ada Lovelace", or nothing once the task is closed. */
export function whoMustAct(task: Task, nameOf: NameOf): string {
  if (task.state !== 'TASK_STATE_OPEN') return '—';
  return `Waiting for ${listed(task.stepApproverIds.map(nameOf))}`;
}

/** The people a list of tasks names (requesters, subjects, approvers), to read their names at once. */
export const peopleOfTasks = (tasks: TaskView[]): string[] => [
  ...new Set(
    tasks.flatMap(({ task }) => [task.userId, task.createdByUserId, ...task.stepApproverIds].filter(Boolean)),
  ),
];

/** The columns every list of tasks shows. */
export function taskColumns(nameOf: NameOf): ColumnDef<TaskView, unknown>[] {
  return [
    {
      header: 'Request',
      id: 'request',
      cell: ({ row }) => (
        <Anchor component={Link} to={`/requests/${row.original.task.id}`}>
          {row.original.task.displayName}
        </Anchor>
      ),
    },
    {
      header: 'Entitlement',
      id: 'entitlement',
      cell: ({ row }) => {
        const { appId, appEntitlementId } = subjectOf(row.original.task);
        return <EntitlementName appId={appId} entitlementId={appEntitlementId} names={row.original.names} />;
      },
    },
    { header: 'For', id: 'for', cell: ({ row }) => nameOf(row.original.task.userId) },
    { header: 'Status', id: 'status', cell: ({ row }) => <TaskStatusBadge task={row.original.task} /> },
    { header: 'Who must act', id: 'approvers', cell: ({ row }) => whoMustAct(row.original.task, nameOf) },
    { header: 'Asked', id: 'created', cell: ({ row }) => formatTime(row.original.task.createdAt) },
  ];
}

/** The server's step comment, with its count in the number it needs ("1 approver", not "1 approver(s)"). */
const stepWords = (comment: string) =>
  comment.replace(/(\d+) (approver|named person)\(s\)/, (_all, n: string, noun: string) =>
    count(Number(n), noun, noun === 'approver' ? 'approvers' : 'named people'),
  );

/** One audit entry in plain words, with the people it names. */
export function describeAudit(entry: TaskAudit, nameOf: NameOf): string {
  const e = entry as TaskAudit & {
    taskCreated?: object;
    comment?: { comment?: string };
    approvalInstanceChange?: { instance?: { approved?: object; denied?: object } };
    policyEvaluationStep?: { stepComment?: string };
    stateChange?: { previousState?: string };
    grantOutcome?: { outcome?: string };
    revokeOutcome?: { outcome?: string };
  };
  const who = e.userId ? nameOf(e.userId) : 'Roster';
  if (e.taskCreated) return `${who} asked for access`;
  if (e.comment) return `${who} commented: “${e.comment.comment ?? ''}”`;
  if (e.approvalInstanceChange?.instance?.approved) return `${who} approved`;
  if (e.approvalInstanceChange?.instance?.denied) return `${who} denied`;
  if (e.policyEvaluationStep) return stepWords(e.policyEvaluationStep.stepComment ?? '');
  if (e.stateChange)
    return e.currentState === 'TASK_STATE_CLOSED' ? 'The request closed' : 'The request reopened';
  const outcome = e.grantOutcome?.outcome ?? e.revokeOutcome?.outcome;
  if (outcome) return `Outcome: ${OUTCOME_WORDS[outcome] ?? outcome}`;
  return 'Something happened';
}
