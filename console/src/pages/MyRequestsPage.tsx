import { Button, Group, SegmentedControl, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { peopleNamesQueryOptions } from '../api/people';
import { REQUEST_TYPES, tasksListing } from '../api/tasks';
import { DataTable } from '../components/DataTable';
import { useKeysetPages } from '../components/paging';
import { peopleOfTasks, taskColumns } from '../components/tasks';
import { useAbilities } from '../session';

/** The person's requests: those for them, or those they opened (for themself or others). */
export function MyRequestsPage() {
  const { session } = useAbilities();
  const me = session.user.id;
  const [whose, setWhose] = useState<'for' | 'by'>('for');
  const list = useKeysetPages(
    tasksListing(
      whose === 'for'
        ? { subjectIds: [me], taskTypes: REQUEST_TYPES }
        : { openerIds: [me], taskTypes: REQUEST_TYPES },
    ),
  );
  const names = useQuery(peopleNamesQueryOptions(peopleOfTasks(list.data?.list ?? [])));
  const nameOf = (id: string) => (id === me ? 'You' : names.data?.get(id) || id);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>My requests</Title>
        <Button component={Link} to="/requests/new">
          Request access
        </Button>
      </Group>
      <SegmentedControl
        aria-label="Whose requests"
        value={whose}
        onChange={(v) => setWhose(v === 'by' ? 'by' : 'for')}
        data={[
          { value: 'for', label: 'For me' },
          { value: 'by', label: 'Opened by me' },
        ]}
        maw={320}
      />
      <DataTable
        caption={
          whose === 'for' ? 'Requests for access for you, newest first' : 'Requests you opened, newest first'
        }
        data={list.data?.list}
        columns={taskColumns(nameOf)}
        loading={list.isFetching}
        error={list.error}
        empty="No requests."
        pager={list.pager}
      />
    </Stack>
  );
}
