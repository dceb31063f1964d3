import { Button, Group, Kbd, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { peopleNamesQueryOptions } from '../api/people';
import { REQUEST_TYPES, type StepAction, type Task, type TaskView, tasksListing } from '../api/tasks';
import { DataTable } from '../components/DataTable';
import { DecideDialog } from '../components/DecideDialog';
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
import { peopleOfTasks, taskColumns } from '../components/tasks';
import { useAbilities } from '../session';

/** The inbox's keyboard shortcuts, as the help dialog lists them. */
const SHORTCUTS: Shortcuts = [
  [['j', '↓'], 'Next request'],
  [['k', '↑'], 'Previous request'],
  [['x'], 'Choose or unchoose the request'],
  [['a'], 'Approve the chosen requests, or else this one'],
  [['d'], 'Deny the chosen requests, or else this one, with a reason'],
  [['c'], 'Comment on the request'],
  [['r'], 'Reassign the request, where you may'],
  [['Ctrl', 'Enter'], 'Answer, in a dialog’s text box'],
  [['?'], 'Show these shortcuts'],
];

const rowId = (taskId: string) => `approval-${taskId}`;

type Open =
  | { readonly kind: 'decide'; readonly tasks: Task[]; readonly action: StepAction }
  | { readonly kind: 'comment' | 'reassign'; readonly task: Task }
  | { readonly kind: 'help' };

/**
 * The open requests waiting for this person's decision, to approve or deny one at a time or several
 * at once, with the mouse or the keyboard (j/k move a cursor row, x chooses, a/d/c/r act, ? helps).
 */
export function ApprovalsPage() {
  const { session, can } = useAbilities();
  const me = session.user.id;
  const list = useKeysetPages(
    tasksListing({ myWorkUserIds: [me], taskStates: ['TASK_STATE_OPEN'], taskTypes: REQUEST_TYPES }),
  );
  const rows = list.data?.list ?? [];
  const names = useQuery(peopleNamesQueryOptions(peopleOfTasks(rows)));
  const nameOf = (id: string) => (id === me ? 'You' : names.data?.get(id) || id);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<Open | undefined>();
  const setDeciding = (d: { tasks: Task[]; action: StepAction } | undefined) =>
    setOpen(d && { kind: 'decide', ...d });
  const {
    cursorId,
    index: cursorIndex,
    move,
  } = useCursor(
    rows.map((r) => r.task.id),
    rowId,
  );
  const current = rows[cursorIndex]?.task;
  // Only what is on this page and may still be decided counts as chosen.
  const decidable = rows.filter((r) => r.task.actions.includes('TASK_ACTION_TYPE_APPROVE'));
  const chosen = decidable.filter((r) => selected.has(r.task.id)).map((r) => r.task);
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const decideByKey = (action: StepAction) => {
    if (chosen.length > 0) setDeciding({ tasks: chosen, action });
    else if (current?.actions.includes('TASK_ACTION_TYPE_APPROVE')) setDeciding({ tasks: [current], action });
  };
  const keys: [string, () => void][] = [
    ['j', () => move(1)],
    ['ArrowDown', () => move(1)],
    ['k', () => move(-1)],
    ['ArrowUp', () => move(-1)],
    ['x', () => current?.actions.includes('TASK_ACTION_TYPE_APPROVE') && toggle(current.id)],
    ['a', () => decideByKey('approve')],
    ['d', () => decideByKey('deny')],
    [
      'c',
      () =>
        current?.actions.includes('TASK_ACTION_TYPE_COMMENT') && setOpen({ kind: 'comment', task: current }),
    ],
    [
      'r',
      () =>
        current?.actions.includes('TASK_ACTION_TYPE_REASSIGN') &&
        setOpen({ kind: 'reassign', task: current }),
    ],
    ['shift+?', () => setOpen({ kind: 'help' })],
  ];
  // Not while a dialog is open, nor while typing.
  usePageKeys(keys, open !== undefined);
  const columns: ColumnDef<TaskView, unknown>[] = [
    chooseColumn<TaskView>({
      everyLabel: 'Choose every request on this page',
      labelOf: (row) => row.task.displayName,
      idOf: (row) => row.task.id,
      choosable: decidable,
      selected,
      setSelected,
      toggle,
    }),
    ...taskColumns(nameOf),
    {
      header: 'Reason',
      id: 'reason',
      cell: ({ row }) => row.original.task.description || '—',
    },
    {
      header: 'Decide',
      id: 'decide',
      cell: ({ row }) => {
        const task = row.original.task;
        const may = (action: string) => task.actions.includes(action as Task['actions'][number]);
        return (
          <Stack gap={4}>
            {may('TASK_ACTION_TYPE_APPROVE') && (
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="xs"
                  aria-label={`Approve ${task.displayName}`}
                  onClick={() => setDeciding({ tasks: [task], action: 'approve' })}
                >
                  Approve
                </Button>
                <Button
                  size="xs"
                  variant="outline"
                  color="red.9"
                  aria-label={`Deny ${task.displayName}`}
                  onClick={() => setDeciding({ tasks: [task], action: 'deny' })}
                >
                  Deny
                </Button>
              </Group>
            )}
            <Group gap="xs" wrap="nowrap">
              {may('TASK_ACTION_TYPE_COMMENT') && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  aria-label={`Comment on ${task.displayName}`}
                  onClick={() => setOpen({ kind: 'comment', task })}
                >
                  Comment
                </Button>
              )}
              {may('TASK_ACTION_TYPE_REASSIGN') && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  aria-label={`Reassign ${task.displayName}`}
                  onClick={() => setOpen({ kind: 'reassign', task })}
                >
                  Reassign
                </Button>
              )}
            </Group>
          </Stack>
        );
      },
    },
  ];
  return (
    <Stack>
      <Title order={2}>Approvals</Title>
      <Group>
        <Text>
          {chosen.length > 0
            ? `${count(chosen.length, 'request')} chosen`
            : 'Choose requests to decide several at once.'}
        </Text>
        <Button
          disabled={chosen.length === 0}
          onClick={() => setDeciding({ tasks: chosen, action: 'approve' })}
        >
          Approve chosen
        </Button>
        <Button
          variant="outline"
          color="red.9"
          disabled={chosen.length === 0}
          onClick={() => setDeciding({ tasks: chosen, action: 'deny' })}
        >
          Deny chosen
        </Button>
        <Button variant="subtle" onClick={() => setOpen({ kind: 'help' })} aria-keyshortcuts="Shift+?">
          Keyboard shortcuts
        </Button>
      </Group>
      <Text size="sm" c="gray.7">
        Keys: <Kbd>j</Kbd> and <Kbd>k</Kbd> move, <Kbd>x</Kbd> chooses, <Kbd>a</Kbd> approves, <Kbd>d</Kbd>{' '}
        denies; <Kbd>?</Kbd> lists them all.
      </Text>
      <DataTable
        caption="Requests waiting for your decision, newest first"
        data={list.data?.list}
        columns={columns}
        loading={list.isFetching}
        error={list.error}
        empty="Nothing is waiting for you."
        pager={list.pager}
        rowProps={(view) =>
          view.task.id === cursorId
            ? { id: rowId(view.task.id), tabIndex: -1, 'aria-current': true }
            : { id: rowId(view.task.id) }
        }
      />
      {open?.kind === 'decide' && (
        <DecideDialog
          tasks={open.tasks}
          action={open.action}
          onClose={(answered) => {
            setSelected((s) => new Set([...s].filter((id) => !answered.some((t) => t.id === id))));
            setOpen(undefined);
          }}
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
          caption="Keys of the approvals inbox, outside text boxes"
          shortcuts={SHORTCUTS}
          onClose={() => setOpen(undefined)}
        />
      )}
    </Stack>
  );
}
