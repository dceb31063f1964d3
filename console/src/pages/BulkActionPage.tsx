import { Anchor, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { bulkActionQueryOptions, isFinished, useCancelBulkAction } from '../api/bulk-actions';
import { BulkItems } from '../components/BulkItems';
import { BulkProgress } from '../components/BulkProgress';
import { formatTime } from '../components/csv';
import { EntitlementName } from '../components/EntitlementName';
import { ErrorAlert } from '../components/ErrorAlert';
import { ConfirmButtons } from '../components/forms';
import { LoadFailure } from '../components/NotFound';
import { useAbilities } from '../session';

export function BulkActionPage() {
  const id = useParams().bulkActionId ?? '';
  const { can } = useAbilities();
  const [confirming, confirm] = useDisclosure();
  const action = useQuery(bulkActionQueryOptions(id));
  const cancel = useCancelBulkAction(id, { onSuccess: confirm.close });
  if (action.error)
    return (
      <LoadFailure
        error={action.error}
        what="bulk action"
        back={{ to: '/bulk-actions', label: 'Bulk actions' }}
      />
    );
  const a = action.data?.bulkAction;
  return (
    <Stack>
      <Anchor component={Link} to="/bulk-actions" size="sm">
        ← Bulk actions
      </Anchor>
      <Group justify="space-between">
        <Title order={2}>Bulk action {id.slice(-8)}</Title>
        {a && !isFinished(a.state) && can('grants:write') && (
          <Button color="red.9" variant="outline" onClick={confirm.open}>
            Cancel bulk action
          </Button>
        )}
      </Group>
      {a && (
        <Text c="gray.7">
          {a.kind.toLowerCase().replaceAll('_', ' ')} on{' '}
          <EntitlementName appId={a.appId} entitlementId={a.appEntitlementId} />, started{' '}
          {formatTime(a.createdAt)}
          {a.completedAt ? `, finished ${formatTime(a.completedAt)}` : ''}.
        </Text>
      )}
      <Paper withBorder p="md">
        <BulkProgress ids={[id]} />
      </Paper>
      <Title order={3}>Outcomes</Title>
      <BulkItems id={id} />
      <Modal opened={confirming} onClose={confirm.close} title="Cancel this bulk action?">
        <Stack>
          <Text>
            People not yet processed are not added. Those already added keep their access; remove them
            separately if needed.
          </Text>
          <ErrorAlert error={cancel.error} title="The bulk action was not cancelled" />
          <ConfirmButtons
            cancelLabel="Keep it running"
            confirmLabel="Cancel bulk action"
            pending={cancel.isPending}
            onCancel={confirm.close}
            onConfirm={() => cancel.mutate()}
          />
        </Stack>
      </Modal>
    </Stack>
  );
}
