import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type RequestableEntitlement, requestableListing, useRequestGrant } from '../api/tasks';
import { DataTable } from '../components/DataTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { duration } from '../components/numbers';
import { useKeysetPages } from '../components/paging';
import { useAbilities } from '../session';

const DURATIONS = [3_600, 86_400, 7 * 86_400, 30 * 86_400, 90 * 86_400];

/** Whole seconds of a protobuf Duration ("604800s"), or undefined for none. */
const secondsOf = (text: string | null): number | undefined => {
  const match = text ? /^(\d+)(?:\.\d+)?s$/.exec(text) : null;
  return match ? Number(match[1]) : undefined;
};

/** The time limits one may ask for: never longer than the entitlement grants (its durationGrant). */
function durationChoices(cap: number | undefined): number[] {
  if (cap === undefined) return DURATIONS;
  return [...new Set([...DURATIONS.filter((s) => s < cap), cap])];
}

const nameOf = (e: RequestableEntitlement) => `${e.appDisplayName}: ${e.displayName}`;

/**
 * Asks for a manually managed entitlement for oneself, with a reason and an optional time limit.
 * Every person may look through what they may ask for (CONTRACT.md §7.26), whatever their roles.
 */
export function RequestAccessPage() {
  const { session } = useAbilities();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const list = useKeysetPages(requestableListing(debounced));
  const [picked, setPicked] = useState<RequestableEntitlement | undefined>();
  const [reason, setReason] = useState('');
  const [seconds, setSeconds] = useState<string | null>(null);
  const request = useRequestGrant((taskId) => navigate(`/requests/${taskId}`));
  const cap = secondsOf(picked?.durationGrant ?? null);
  const pick = (entitlement: RequestableEntitlement) => {
    setPicked(entitlement);
    // A limit chosen for another entitlement may be longer than this one grants.
    const limit = secondsOf(entitlement.durationGrant);
    if (seconds !== null && limit !== undefined && Number(seconds) > limit) setSeconds(null);
  };
  const submit = () => {
    if (!picked) return;
    request.mutate({
      appId: picked.appId,
      appEntitlementId: picked.appEntitlementId,
      identityUserId: session.user.id,
      description: reason.trim(),
      ...(seconds ? { grantDuration: `${seconds}s` } : {}),
    });
  };
  const columns: ColumnDef<RequestableEntitlement, unknown>[] = [
    { header: 'App', id: 'app', cell: ({ row }) => row.original.appDisplayName },
    {
      header: 'Entitlement',
      id: 'entitlement',
      cell: ({ row }) => (
        <Stack gap={0}>
          <Text size="sm">{row.original.displayName}</Text>
          {row.original.description && (
            <Text size="xs" c="gray.7">
              {row.original.description}
            </Text>
          )}
        </Stack>
      ),
    },
    { header: 'Who approves', id: 'policy', cell: ({ row }) => row.original.grantPolicyName },
    {
      header: 'Longest',
      id: 'longest',
      cell: ({ row }) => {
        const limit = secondsOf(row.original.durationGrant);
        return limit === undefined ? 'No limit' : duration(limit);
      },
    },
    {
      header: 'Ask',
      id: 'ask',
      cell: ({ row }) => {
        const e = row.original;
        if (e.held)
          return (
            <Badge variant="light" color="green" c="dark.8">
              You have this
            </Badge>
          );
        if (e.openRequestTaskId)
          return (
            <Anchor
              component={Link}
              to={`/requests/${e.openRequestTaskId}`}
              aria-label={`Requested: ${nameOf(e)}`}
            >
              <Badge variant="light" color="blue" c="dark.8" style={{ cursor: 'pointer' }}>
                Requested
              </Badge>
            </Anchor>
          );
        const chosen = picked?.appEntitlementId === e.appEntitlementId;
        return (
          <Button
            size="xs"
            variant={chosen ? 'filled' : 'outline'}
            aria-pressed={chosen}
            aria-label={`Choose ${nameOf(e)}`}
            onClick={() => pick(e)}
          >
            {chosen ? 'Chosen' : 'Choose'}
          </Button>
        );
      },
    },
  ];
  return (
    <Stack maw={960}>
      <Anchor component={Link} to="/requests" size="sm">
        ← My requests
      </Anchor>
      <Title order={2}>Request access</Title>
      <Text c="gray.7">
        Choose an entitlement that is managed in Roster. Its policy decides who approves; without one, the
        app's owners do.
      </Text>
      <TextInput
        label="Search what you may request"
        description="By app or entitlement name"
        placeholder="For example: Vault"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={480}
      />
      <DataTable
        caption="Entitlements you may request, by app"
        data={list.data?.list}
        columns={columns}
        loading={list.isFetching}
        error={list.error}
        empty={debounced ? 'Nothing you may request matches.' : 'There is nothing you may request.'}
        pager={list.pager}
      />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack maw={720}>
          <Paper withBorder p="sm" data-testid="request-chosen">
            {picked ? (
              <Text>
                You ask for <strong>{picked.displayName}</strong> in <strong>{picked.appDisplayName}</strong>;{' '}
                {picked.grantPolicyName === 'App owners approve'
                  ? "the app's owners approve."
                  : `it follows the policy “${picked.grantPolicyName}”.`}
              </Text>
            ) : (
              <Text c="gray.7">Choose an entitlement above.</Text>
            )}
          </Paper>
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
            description={
              cap === undefined ? undefined : `This entitlement is granted for ${duration(cap)} at most.`
            }
            placeholder={cap === undefined ? 'Until removed' : `The longest: ${duration(cap)}`}
            clearable
            data={durationChoices(cap).map((s) => ({ value: String(s), label: duration(s) }))}
            value={seconds}
            onChange={setSeconds}
            maw={320}
          />
          <ErrorAlert error={request.error} title="The request was not made" />
          <Group>
            <Button type="submit" disabled={!picked || reason.trim() === ''} loading={request.isPending}>
              Request access
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
