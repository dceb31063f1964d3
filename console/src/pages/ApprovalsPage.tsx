import { Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { peopleNamesQueryOptions } from '../api/people';
import { type StepAction, type Task, type TaskView, tasksListing } from '../api/tasks';
import { DataTable } from '../components/DataTable';
import { DecideDialog } from '../components/DecideDialog';
import { count } from '../components/numbers';
import { useKeysetPages } from '../components/paging';
import { peopleOfTasks, taskColumns } from '../components/tasks';
import { useAbilities } from '../session';

/** The open requests waiting for this person's decision, to approve or deny one at a time or several at once. */
export function ApprovalsPage() {
  const { session } = useAbilities();
  const me = session.user.id;
  const list = useKeysetPages(tasksListing({ myWorkUserIds: [me], taskStates: ['TASK_STATE_OPEN'] }));
  const rows = list.data?.list ?? [];
  const names = useQuery(peopleNamesQueryOptions(peopleOfTasks(rows)));
  const nameOf = (id: string) => (id === me ? 'You' : names.data?.get(id) || id);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [deciding, setDeciding] = useState<{ tasks: Task[]; action: StepAction } | undefined>();
  // Only what is on this page and may still be decided counts as chosen.
  const decidable = rows.filter((r) => r.task.actions.includes('TASK_ACTION_TYPE_APPROVE'));
  const chosen = decidable.filter((r) => selected.has(r.task.id)).map((r) => r.task);
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const columns: ColumnDef<TaskView, unknown>[] = [
    {
      header: () => (
        <Checkbox
          aria-label="Choose every request on this page"
          checked={decidable.length > 0 && chosen.length === decidable.length}
          indeterminate={chosen.length > 0 && chosen.length < decidable.length}
          onChange={() =>
            setSelected(
              chosen.length === decidable.length ? new Set() : new Set(decidable.map((r) => r.task.id)),
            )
          }
        />
      ),
      id: 'choose',
      cell: ({ row }) => (
        <Checkbox
          aria-label={`Choose ${row.original.task.displayName}`}
          checked={selected.has(row.original.task.id)}
          disabled={!row.original.task.actions.includes('TASK_ACTION_TYPE_APPROVE')}
          onChange={() => toggle(row.original.task.id)}
        />
      ),
    },
    ...taskColumns(nameOf),
    {
      header: 'Reason',
      id: 'reason',
      cell: ({ row }) => row.original.task.description || '—',
    },
    {
      header: 'Decide',
      id: 'decide',
      cell: ({ row }) =>
        row.original.task.actions.includes('TASK_ACTION_TYPE_APPROVE') ? (
          <Group gap="xs" wrap="nowrap">
            <Button
              size="xs"
              aria-label={`Approve ${row.original.task.displayName}`}
              onClick={() => setDeciding({ tasks: [row.original.task], action: 'approve' })}
            >
              Approve
            </Button>
            <Button
              size="xs"
              variant="outline"
              color="red.9"
              aria-label={`Deny ${row.original.task.displayName}`}
              onClick={() => setDeciding({ tasks: [row.original.task], action: 'deny' })}
            >
              Deny
            </Button>
          </Group>
        ) : (
          '—'
        ),
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
      </Group>
      <DataTable
        caption="Requests waiting for your decision, newest first"
        data={list.data?.list}
        columns={columns}
        loading={list.isFetching}
        error={list.error}
        empty="Nothing is waiting for you."
        pager={list.pager}
      />
      {deciding && (
        <DecideDialog
          tasks={deciding.tasks}
          action={deciding.action}
          onClose={(answered) => {
            setSelected((s) => new Set([...s].filter((id) => !answered.some((t) => t.id === id))));
            setDeciding(undefined);
          }}
        />
      )}
    </Stack>
  );
}
