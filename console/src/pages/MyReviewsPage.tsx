import { Alert, Anchor, Button, Group, Kbd, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { peopleNamesQueryOptions } from '../api/people';
import { campaignQueryOptions, type Decision, useDecide } from '../api/reviews';
import {
  certifyNeedsReason,
  certifyOf,
  decertifyNeedsReason,
  type Task,
  type TaskView,
  tasksListing,
} from '../api/tasks';
import { formatTime } from '../components/csv';
import { DataTable } from '../components/DataTable';
import { Dialog } from '../components/Dialog';
import { EntitlementName } from '../components/EntitlementName';
import { count } from '../components/numbers';
import { useKeysetPages } from '../components/paging';
import {
  chooseColumn,
  type Shortcuts,
  ShortcutsDialog,
  useCursor,
  usePageKeys,
} from '../components/shortcuts';
import { CommentDialog, ReassignDialog } from '../components/TaskDialogs';
import { TextAnswerForm } from '../components/TextAnswerForm';
import { useAbilities } from '../session';

const SHORTCUTS: Shortcuts = [
  [['j', '↓'], 'Next item'],
  [['k', '↑'], 'Previous item'],
  [['x'], 'Choose or unchoose the item'],
  [['a'], 'Certify the chosen items, or else this one'],
  [['d'], 'Decertify the chosen items, or else this one, with a reason'],
  [['c'], 'Comment on the item'],
  [['r'], 'Reassign the item, where you may'],
  [['Ctrl', 'Enter'], 'Answer, in a dialog’s text box'],
  [['?'], 'Show these shortcuts'],
];

const rowId = (taskId: string) => `review-item-${taskId}`;

type Verdict = Decision['decision'];

/** How one decision was answered, kept for the item while the page is open. */
interface Result {
  readonly label: string;
  readonly decision: Verdict;
  readonly error?: string;
}

type Open =
  | { readonly kind: 'reason'; readonly tasks: Task[]; readonly decision: Verdict }
  | { readonly kind: 'comment' | 'reassign'; readonly task: Task }
  | { readonly kind: 'help' };

const decidable = (task: Task) => task.actions.includes('TASK_ACTION_TYPE_APPROVE');

/**
 * The reviewer's queue: the open certify items waiting for this person (of one campaign when
 * `?campaign=` names it), to certify or decertify one at a time or many at once, with the mouse or
 * the keyboard. A certification needs no dialog (unless the policy asks for a reason); a
 * decertification asks for its reason. Each decision goes through the bulk decisions route, and each
 * item's answer is shown: a refused one stays in the queue with its message.
 */
export function MyReviewsPage() {
  const { session, can } = useAbilities();
  const me = session.user.id;
  const [params] = useSearchParams();
  const campaignId = params.get('campaign') ?? '';
  const campaign = useQuery({ ...campaignQueryOptions(campaignId), enabled: campaignId !== '' });
  const list = useKeysetPages(
    tasksListing(
      {
        myWorkUserIds: [me],
        taskStates: ['TASK_STATE_OPEN'],
        taskTypes: [{ certify: {} }],
        ...(campaignId ? { accessReviewIds: [campaignId] } : {}),
      },
      50,
    ),
  );
  const { decide, refresh } = useDecide();
  // Decisions on their way: the queue is read again once none is.
  const inFlight = useRef(0);
  const [results, setResults] = useState<Map<string, Result>>(new Map());
  const [pending, setPending] = useState<Set<string>>(new Set());
  // Decided items leave the queue as soon as they are answered, before the list is read again.
  const rows = (list.data?.list ?? []).filter(
    (r) => !pending.has(r.task.id) && !(results.has(r.task.id) && !results.get(r.task.id)?.error),
  );
  const names = useQuery(
    peopleNamesQueryOptions([...new Set(rows.map((r) => certifyOf(r.task).identityUserId))]),
  );
  // Names read so far, kept as the rows change (the names of the next rows are read meanwhile).
  const known = useRef(new Map<string, string>());
  for (const [id, name] of names.data ?? []) known.current.set(id, name);
  const nameOf = (id: string) => (id === '' ? 'nobody' : known.current.get(id) || id);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<Open | undefined>();
  const ids = rows.map((r) => r.task.id);
  const { cursorId, index, move, put } = useCursor(ids, rowId);
  const current = rows[index]?.task;
  const choosable = rows.filter((r) => decidable(r.task));
  const chosen = choosable.filter((r) => selected.has(r.task.id)).map((r) => r.task);
  const labelOf = (task: Task) => {
    const view = rows.find((r) => r.task.id === task.id);
    const subject = certifyOf(task);
    return `${nameOf(subject.identityUserId)}: ${view?.names?.entitlement ?? subject.appEntitlementId} (${
      view?.names?.app ?? subject.appId
    })`;
  };
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  /** Sends the decisions, one call per campaign, and records each item's answer. */
  const send = async (tasks: Task[], decision: Verdict, comment: string) => {
    inFlight.current += 1;
    const labels = new Map(tasks.map((t) => [t.id, labelOf(t)]));
    setPending((p) => new Set([...p, ...tasks.map((t) => t.id)]));
    setSelected((s) => new Set([...s].filter((id) => !labels.has(id))));
    const byCampaign = new Map<string, Task[]>();
    for (const t of tasks) {
      const id = certifyOf(t).accessReviewId;
      byCampaign.set(id, [...(byCampaign.get(id) ?? []), t]);
    }
    const answered = new Map<string, Result>();
    for (const [accessReviewId, group] of byCampaign) {
      const decisions = group.map((t) => ({ taskId: t.id, decision, ...(comment ? { comment } : {}) }));
      try {
        for (const r of await decide({ campaignId: accessReviewId, decisions })) {
          answered.set(r.taskId, {
            label: labels.get(r.taskId) ?? r.taskId,
            decision,
            error: r.error?.message,
          });
        }
      } catch (error) {
        // The whole call was refused (the campaign closed, say): every item of it says why.
        for (const t of group) {
          answered.set(t.id, {
            label: labels.get(t.id) ?? t.id,
            decision,
            error: String((error as Error).message),
          });
        }
      }
    }
    setResults((r) => new Map([...r, ...answered]));
    setPending((p) => new Set([...p].filter((id) => !labels.has(id))));
    inFlight.current -= 1;
    if (inFlight.current === 0) await refresh();
  };

  /** Certifies or decertifies the chosen items, or else the cursor's; asks for a reason when needed. */
  const decideNow = (decision: Verdict, only?: Task) => {
    const tasks = only ? [only] : chosen.length > 0 ? chosen : current && decidable(current) ? [current] : [];
    if (tasks.length === 0) return;
    const needsReason = tasks.some((t) =>
      decision === 'CERTIFY' ? certifyNeedsReason(t) : decertifyNeedsReason(t),
    );
    // The cursor goes on to the next item still waiting.
    if (!only && chosen.length === 0) put(ids[index + 1] ?? ids[index - 1]);
    if (needsReason) setOpen({ kind: 'reason', tasks, decision });
    else void send(tasks, decision, '');
  };
  usePageKeys(
    [
      ['j', () => move(1)],
      ['ArrowDown', () => move(1)],
      ['k', () => move(-1)],
      ['ArrowUp', () => move(-1)],
      ['x', () => current && decidable(current) && toggle(current.id)],
      ['a', () => decideNow('CERTIFY')],
      ['d', () => decideNow('DECERTIFY')],
      [
        'c',
        () =>
          current?.actions.includes('TASK_ACTION_TYPE_COMMENT') &&
          setOpen({ kind: 'comment', task: current }),
      ],
      [
        'r',
        () =>
          current?.actions.includes('TASK_ACTION_TYPE_REASSIGN') &&
          setOpen({ kind: 'reassign', task: current }),
      ],
      ['shift+?', () => setOpen({ kind: 'help' })],
    ],
    open !== undefined,
  );

  const columns: ColumnDef<TaskView, unknown>[] = [
    chooseColumn<TaskView>({
      everyLabel: 'Choose every item on this page',
      labelOf: (row) => labelOf(row.task),
      idOf: (row) => row.task.id,
      choosable: choosable,
      selected,
      setSelected,
      toggle,
    }),
    {
      header: 'Person',
      id: 'person',
      cell: ({ row }) => nameOf(certifyOf(row.original.task).identityUserId),
    },
    {
      header: 'Access',
      id: 'access',
      cell: ({ row }) => {
        const { appId, appEntitlementId } = certifyOf(row.original.task);
        return <EntitlementName appId={appId} entitlementId={appEntitlementId} names={row.original.names} />;
      },
    },
    {
      header: 'Granted',
      id: 'granted',
      cell: ({ row }) => formatTime(certifyOf(row.original.task).grantedAt) || '—',
    },
    {
      header: 'By request',
      id: 'ticket',
      cell: ({ row }) => {
        const { originatingTicketId, originatingTicketNumericId } = certifyOf(row.original.task);
        return originatingTicketId ? (
          <Anchor component={Link} to={`/requests/${originatingTicketId}`}>
            {originatingTicketNumericId ? `#${originatingTicketNumericId}` : originatingTicketId}
          </Anchor>
        ) : (
          'No request'
        );
      },
    },
    {
      header: 'Decide',
      id: 'decide',
      cell: ({ row }) => {
        const task = row.original.task;
        const refused = results.get(task.id)?.error;
        return (
          <Stack gap={4}>
            {decidable(task) && (
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="xs"
                  aria-label={`Certify ${labelOf(task)}`}
                  onClick={() => decideNow('CERTIFY', task)}
                >
                  Certify
                </Button>
                <Button
                  size="xs"
                  variant="outline"
                  color="red.9"
                  aria-label={`Decertify ${labelOf(task)}`}
                  onClick={() => decideNow('DECERTIFY', task)}
                >
                  Decertify
                </Button>
              </Group>
            )}
            {refused && (
              <Text size="sm" c="red.9" data-testid="item-refused">
                Refused: {refused}
              </Text>
            )}
          </Stack>
        );
      },
    },
  ];
  const answered = [...results.values()];
  const certified = answered.filter((r) => !r.error && r.decision === 'CERTIFY').length;
  const decertified = answered.filter((r) => !r.error && r.decision === 'DECERTIFY').length;
  const refused = answered.filter((r) => r.error);
  return (
    <Stack>
      <Title order={2}>My reviews</Title>
      {campaignId && (
        <Text>
          Items of the campaign{' '}
          <Anchor component={Link} to={`/campaigns/${campaignId}`}>
            {campaign.data?.displayName ?? campaignId}
          </Anchor>{' '}
          ·{' '}
          <Anchor component={Link} to="/my-reviews">
            every campaign
          </Anchor>
        </Text>
      )}
      <Group>
        <Text>
          {chosen.length > 0
            ? `${count(chosen.length, 'item')} chosen`
            : 'Choose items to decide several at once.'}
        </Text>
        <Button disabled={chosen.length === 0} onClick={() => decideNow('CERTIFY')}>
          Certify chosen
        </Button>
        <Button
          variant="outline"
          color="red.9"
          disabled={chosen.length === 0}
          onClick={() => decideNow('DECERTIFY')}
        >
          Decertify chosen
        </Button>
        <Button variant="subtle" onClick={() => setOpen({ kind: 'help' })} aria-keyshortcuts="Shift+?">
          Keyboard shortcuts
        </Button>
      </Group>
      <Text size="sm" c="gray.7">
        Keys: <Kbd>j</Kbd> and <Kbd>k</Kbd> move, <Kbd>x</Kbd> chooses, <Kbd>a</Kbd> certifies, <Kbd>d</Kbd>{' '}
        decertifies; <Kbd>?</Kbd> lists them all. A decertified grant is removed.
      </Text>
      <div role="status" aria-live="polite" data-testid="review-results">
        {answered.length > 0 && (
          <Text>
            This visit: {count(certified, 'item')} certified, {count(decertified, 'item')} decertified
            {refused.length > 0 ? `, ${count(refused.length, 'decision')} refused` : ''}.
          </Text>
        )}
      </div>
      {refused.length > 0 && (
        <Alert color="red" variant="light" title="Refused decisions" data-testid="refused-decisions">
          <List>
            {[...results.entries()]
              .filter(([, r]) => r.error)
              .map(([id, r]) => (
                <List.Item key={id}>
                  {r.label}: {r.error}
                </List.Item>
              ))}
          </List>
        </Alert>
      )}
      <DataTable
        caption="Access waiting for your review, newest first"
        data={rows}
        columns={columns}
        loading={list.isFetching}
        error={list.error}
        empty="Nothing is waiting for your review."
        pager={list.pager}
        rowProps={(view) =>
          view.task.id === cursorId
            ? { id: rowId(view.task.id), tabIndex: -1, 'aria-current': true }
            : { id: rowId(view.task.id) }
        }
      />
      {open?.kind === 'reason' && (
        <ReasonDialog
          tasks={open.tasks}
          decision={open.decision}
          onSubmit={(reason) => {
            setOpen(undefined);
            void send(open.tasks, open.decision, reason);
          }}
          onClose={() => setOpen(undefined)}
        />
      )}
      {open?.kind === 'comment' && <CommentDialog task={open.task} onClose={() => setOpen(undefined)} />}
      {open?.kind === 'reassign' && (
        <ReassignDialog
          task={open.task}
          canSearchPeople={can('users:read')}
          onClose={() => setOpen(undefined)}
        />
      )}
      {open?.kind === 'help' && (
        <ShortcutsDialog
          caption="Keys of the review queue, outside text boxes"
          shortcuts={SHORTCUTS}
          onClose={() => setOpen(undefined)}
        />
      )}
    </Stack>
  );
}

/** The reason of a decertification (or of a certification the policy asks one for); Ctrl+Enter sends it. */
function ReasonDialog({
  tasks,
  decision,
  onSubmit,
  onClose,
}: {
  tasks: Task[];
  decision: Verdict;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}) {
  const verb = decision === 'CERTIFY' ? 'Certify' : 'Decertify';
  return (
    <Dialog opened onClose={onClose} title={`${verb} ${count(tasks.length, 'item')}?`}>
      <TextAnswerForm
        label={decision === 'CERTIFY' ? 'Reason for certifying' : 'Reason for decertifying'}
        description="Required by the campaign's policy; it is kept in the evidence. Ctrl+Enter answers."
        required
        submitLabel={verb}
        submitColor={decision === 'DECERTIFY' ? 'red.9' : undefined}
        onSubmit={onSubmit}
        onCancel={onClose}
      >
        {decision === 'DECERTIFY' && (
          <Text size="sm" c="gray.7">
            Each decertified grant is removed at once; each item is answered on its own.
          </Text>
        )}
      </TextAnswerForm>
    </Dialog>
  );
}
