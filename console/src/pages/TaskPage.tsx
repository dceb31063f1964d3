import { Anchor, Button, Group, Paper, Stack, Table, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { peopleNamesQueryOptions } from '../api/people';
import {
  type StepAction,
  subjectOf,
  taskAuditsQueryOptions,
  taskNamesQueryOptions,
  taskQueryOptions,
  useTaskNote,
} from '../api/tasks';
import { formatTime } from '../components/csv';
import { DecideDialog } from '../components/DecideDialog';
import { EntitlementName } from '../components/EntitlementName';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadFailure } from '../components/NotFound';
import { duration } from '../components/numbers';
import { describeAudit, peopleOfTasks, TaskStatusBadge, whoMustAct } from '../components/tasks';
import { useAbilities } from '../session';

const BACK = { to: '/requests', label: 'My requests' };

/** A request for access: what was asked, where it stands, its audit trail and what this person may do now. */
export function TaskPage() {
  const id = useParams().taskId ?? '';
  const { session } = useAbilities();
  const me = session.user.id;
  const task = useQuery(taskQueryOptions(id));
  const audits = useQuery(taskAuditsQueryOptions(id));
  const view = task.data?.taskView;
  const t = view?.task;
  const taskNames = useQuery(taskNamesQueryOptions(t?.id ?? ''));
  const people = [...(view ? peopleOfTasks([view]) : []), ...(audits.data ?? []).map((a) => a.userId)];
  const names = useQuery(peopleNamesQueryOptions([...new Set(people.filter(Boolean))]));
  const nameOf = (userId: string) => (userId === me ? 'You' : names.data?.get(userId) || userId);
  const [deciding, setDeciding] = useState<StepAction | undefined>();
  const [comment, setComment] = useState('');
  const commentOn = useTaskNote(id, 'comment', () => setComment(''));
  const close = useTaskNote(id, 'close');
  if (task.error) return <LoadFailure error={task.error} what="request" back={BACK} />;
  const subject = t ? subjectOf(t) : undefined;
  const may = (action: string) => t?.actions.includes(`TASK_ACTION_TYPE_${action}`) === true;
  const seconds = subject?.grantDuration ? Number.parseFloat(subject.grantDuration) : 0;
  return (
    <Stack>
      <Anchor component={Link} to="/requests" size="sm">
        ← My requests
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Group align="center">
          <Title order={2}>{t?.displayName ?? 'Loading…'}</Title>
          {t && <TaskStatusBadge task={t} />}
        </Group>
        {t && (may('APPROVE') || may('DENY') || may('CLOSE')) && (
          <Group>
            {may('APPROVE') && <Button onClick={() => setDeciding('approve')}>Approve</Button>}
            {may('DENY') && (
              <Button variant="outline" color="red.9" onClick={() => setDeciding('deny')}>
                Deny
              </Button>
            )}
            {may('CLOSE') && (
              <Button variant="default" loading={close.isPending} onClick={() => close.mutate('')}>
                Withdraw request
              </Button>
            )}
          </Group>
        )}
      </Group>
      <ErrorAlert error={close.error} title="The request was not withdrawn" />
      {t && subject && (
        <Paper withBorder p="md">
          <Table variant="vertical" withRowBorders={false} layout="fixed" maw={720}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={180}>Entitlement</Table.Th>
                <Table.Td>
                  <EntitlementName
                    appId={subject.appId}
                    entitlementId={subject.appEntitlementId}
                    names={taskNames.data ?? (taskNames.isPending ? 'loading' : undefined)}
                  />
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>For</Table.Th>
                <Table.Td>{nameOf(t.userId)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Asked by</Table.Th>
                <Table.Td>
                  {nameOf(t.createdByUserId)}, {formatTime(t.createdAt)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Reason</Table.Th>
                <Table.Td>{t.description || '—'}</Table.Td>
              </Table.Tr>
              {subject.kind === 'grant' && (
                <Table.Tr>
                  <Table.Th>For how long</Table.Th>
                  <Table.Td>{seconds > 0 ? duration(seconds) : 'Until removed'}</Table.Td>
                </Table.Tr>
              )}
              <Table.Tr>
                <Table.Th>Who must act</Table.Th>
                <Table.Td data-testid="task-approvers">{whoMustAct(t, nameOf)}</Table.Td>
              </Table.Tr>
              {subject.outcomeTime && (
                <Table.Tr>
                  <Table.Th>Decided</Table.Th>
                  <Table.Td>{formatTime(subject.outcomeTime)}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Title order={3}>What happened</Title>
      <ErrorAlert error={audits.error} title="The audit trail could not be loaded" />
      <Timeline bulletSize={14} lineWidth={2} data-testid="task-timeline">
        {(audits.data ?? []).map((entry) => (
          <Timeline.Item key={entry.id} title={describeAudit(entry, nameOf)}>
            <Text size="sm" c="gray.7">
              {formatTime(entry.created)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {may('COMMENT') && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            commentOn.mutate(comment.trim());
          }}
        >
          <Stack maw={720}>
            <Textarea
              label="Comment"
              autosize
              minRows={2}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
            />
            <ErrorAlert error={commentOn.error} title="The comment was not added" />
            <Group>
              <Button
                type="submit"
                variant="default"
                disabled={comment.trim() === ''}
                loading={commentOn.isPending}
              >
                Add comment
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {deciding && t && <DecideDialog tasks={[t]} action={deciding} onClose={() => setDeciding(undefined)} />}
    </Stack>
  );
}
