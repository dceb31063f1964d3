import { Anchor, Button, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useRequestGrant } from '../api/tasks';
import { EntitlementPicker, type Picked } from '../components/EntitlementPicker';
import { ErrorAlert } from '../components/ErrorAlert';
import { duration } from '../components/numbers';
import { useAbilities } from '../session';

const DURATIONS = [3_600, 86_400, 7 * 86_400, 30 * 86_400, 90 * 86_400];

/** Asks for a manually managed entitlement for oneself, with a reason and an optional time limit. */
export function RequestAccessPage() {
  const { session, can } = useAbilities();
  const navigate = useNavigate();
  const [picked, setPicked] = useState<Picked | undefined>();
  const [reason, setReason] = useState('');
  const [seconds, setSeconds] = useState<string | null>(null);
  const request = useRequestGrant((taskId) => navigate(`/requests/${taskId}`));
  const submit = () => {
    if (!picked) return;
    request.mutate({
      appId: picked.appId,
      appEntitlementId: picked.entitlementId,
      identityUserId: session.user.id,
      description: reason.trim(),
      ...(seconds ? { grantDuration: `${seconds}s` } : {}),
    });
  };
  return (
    <Stack maw={720}>
      <Anchor component={Link} to="/requests" size="sm">
        ← My requests
      </Anchor>
      <Title order={2}>Request access</Title>
      {can('catalog:read') ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack>
            <Text c="gray.7">
              Choose an entitlement that is managed in Roster. Its policy decides who approves; without one,
              the app's owners do.
            </Text>
            <EntitlementPicker value={picked} onChange={setPicked} manualOnly />
            <Textarea
              label="Reason"
              description="Why you need it; the approvers read this."
              required
              autosize
              minRows={3}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Select
              label="For how long"
              placeholder="Until removed"
              clearable
              data={DURATIONS.map((s) => ({ value: String(s), label: duration(s) }))}
              value={seconds}
              onChange={setSeconds}
              maw={240}
            />
            <ErrorAlert error={request.error} title="The request was not made" />
            <Group>
              <Button type="submit" disabled={!picked || reason.trim() === ''} loading={request.isPending}>
                Request access
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Text>
          Your roles do not let you look through the apps, so there is nothing to choose from here. Ask the
          app's owner or a Super Admin to request it for you.
        </Text>
      )}
    </Stack>
  );
}
