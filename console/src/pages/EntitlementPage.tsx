import { Anchor, Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useEntitlement } from '../api/entitlements';
import {
  memberRows,
  membersListing,
  requestLabel,
  useClearExpiry,
  useRemoveMember,
  useSetExpiry,
} from '../api/members';
import type { App, MemberRow } from '../api/types';
import { downloadCsv, formatTime } from '../components/csv';
import { DataTable } from '../components/DataTable';
import { EntitlementPolicies } from '../components/EntitlementPolicies';
import { ErrorAlert } from '../components/ErrorAlert';
import { ConfirmButtons } from '../components/forms';
import { MembersNotByHand } from '../components/MembersNotByHand';
import { entitlementFailure } from '../components/NotFound';
import { count } from '../components/numbers';
import { useKeysetPages } from '../components/paging';
import { useAbilities } from '../session';

type Change = { kind: 'remove' | 'expiry'; row: MemberRow };

export function EntitlementPage() {
  const { appId = '', entitlementId = '' } = useParams();
  const { can, canOnApp } = useAbilities();
  const { app, entitlement } = useEntitlement(appId, entitlementId);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 300);
  const [change, setChange] = useState<Change | undefined>();

  const members = useKeysetPages(membersListing(appId, entitlementId, debounced));

  const currentApp = app.data?.app;
  const current = entitlement.data?.appEntitlementView.appEntitlement;
  // Members of an entitlement that is not manually managed (a SCIM group) are not changed here.
  const mayChange = canOnApp('grants:write', currentApp) && current?.isManuallyManaged === true;

  const exportCsv = useMutation({
    mutationFn: async () => {
      downloadCsv(
        `${current?.displayName ?? entitlementId}-members.csv`,
        await memberRows(appId, entitlementId),
        ['userId', 'email', 'name', 'memberSince', 'expires', 'request', 'requestUrl'],
      );
    },
  });

  const columns: ColumnDef<MemberRow, unknown>[] = [
    {
      header: 'Person',
      id: 'person',
      cell: ({ row }) => {
        const u = row.original.appUser.appUser;
        return u.identityUserId ? (
          <Anchor component={Link} to={`/people/${u.identityUserId}`}>
            {u.displayName || u.email || u.identityUserId}
          </Anchor>
        ) : (
          u.displayName || u.email || u.id
        );
      },
    },
    { header: 'Email', id: 'email', cell: ({ row }) => row.original.appUser.appUser.email },
    {
      header: 'Member since',
      id: 'since',
      cell: ({ row }) => formatTime(row.original.appEntitlementUserBindingCreatedAt),
    },
    {
      header: 'Expires',
      id: 'expires',
      cell: ({ row }) => formatTime(row.original.appEntitlementUserBindingDeprovisionAt) || 'never',
    },
    {
      // The request (task) whose approval granted it; none for members added by hand, SCIM or import.
      header: 'Request',
      id: 'request',
      cell: ({ row }) =>
        row.original.originatingTicketId ? (
          <Anchor component={Link} to={`/requests/${row.original.originatingTicketId}`}>
            {requestLabel(row.original)}
          </Anchor>
        ) : (
          ''
        ),
    },
  ];
  if (mayChange) {
    columns.push({
      header: 'Actions',
      id: 'actions',
      cell: ({ row }) => {
        const name = row.original.appUser.appUser.displayName || row.original.appUser.appUser.email;
        return (
          <Group gap="xs" wrap="nowrap">
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => setChange({ kind: 'expiry', row: row.original })}
              aria-label={`Set expiry of ${name}`}
            >
              Expiry
            </Button>
            <Button
              size="compact-sm"
              variant="outline"
              color="red.9"
              onClick={() => setChange({ kind: 'remove', row: row.original })}
              aria-label={`Remove ${name}`}
            >
              Remove
            </Button>
          </Group>
        );
      },
    });
  }

  const failure = entitlementFailure(appId, app.error, entitlement.error);
  if (failure) return failure;
  return (
    <Stack>
      <Anchor component={Link} to={`/apps/${appId}`} size="sm">
        ← {currentApp?.displayName ?? 'App'}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{current?.displayName ?? 'Loading…'}</Title>
          <Text c="gray.7">
            {current?.description ? `${current.description.replace(/[.!?]?\s*$/, '.')} ` : ''}
            {current ? `${count(Number(current.grantCount), 'member')}.` : ''}
          </Text>
        </div>
        <Group>
          <Button variant="default" loading={exportCsv.isPending} onClick={() => exportCsv.mutate()}>
            Export members (CSV)
          </Button>
          <Button variant="default" component={Link} to={`/bulk-actions?app_entitlement_id=${entitlementId}`}>
            Bulk actions
          </Button>
          {mayChange && (
            <Button component={Link} to={`/apps/${appId}/entitlements/${entitlementId}/add`}>
              Add members
            </Button>
          )}
        </Group>
      </Group>
      <MembersNotByHand entitlement={current} />
      {current && can('policies:read') && (
        <EntitlementPolicies
          appId={appId}
          entitlement={current}
          // A SCIM group's entitlement is the identity provider's: the API refuses changes to it.
          mayChange={canOnApp('catalog:write', currentApp) && current.isManuallyManaged}
        />
      )}
      <ErrorAlert error={exportCsv.error} title="The export failed" />
      <TextInput
        label="Search members"
        placeholder="Name, email or username"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      <DataTable
        caption="Members"
        data={members.data?.list}
        columns={columns}
        loading={members.isFetching}
        error={members.error}
        empty={debounced ? 'No member matches this search.' : 'No one holds this entitlement yet.'}
        pager={members.pager}
      />
      {currentApp && change?.kind === 'remove' && (
        <RemoveMember
          app={currentApp}
          entitlementId={entitlementId}
          entitlementName={current?.displayName ?? 'this entitlement'}
          row={change.row}
          onClose={() => setChange(undefined)}
        />
      )}
      {change?.kind === 'expiry' && (
        <SetExpiry
          appId={appId}
          entitlementId={entitlementId}
          row={change.row}
          onClose={() => setChange(undefined)}
        />
      )}
    </Stack>
  );
}

function RemoveMember(props: {
  app: App;
  entitlementId: string;
  entitlementName: string;
  row: MemberRow;
  onClose: () => void;
}) {
  const user = props.row.appUser.appUser;
  const remove = useRemoveMember(props.app.id, props.entitlementId, { onSuccess: props.onClose });
  return (
    <Modal opened onClose={props.onClose} title="Remove member?">
      <Stack>
        <Text>
          Remove {user.displayName || user.email} from {props.entitlementName} ({props.app.displayName})?
          Their access is revoked now, and the removal is recorded in the grant history and the audit log.
        </Text>
        <ErrorAlert error={remove.error} title="The member was not removed" />
        <ConfirmButtons
          confirmLabel={`Remove ${user.displayName || user.email}`}
          pending={remove.isPending}
          onCancel={props.onClose}
          onConfirm={() => remove.mutate(user.id)}
        />
      </Stack>
    </Modal>
  );
}

const toLocalInput = (iso: string | null | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

function SetExpiry(props: { appId: string; entitlementId: string; row: MemberRow; onClose: () => void }) {
  const user = props.row.appUser.appUser;
  const [value, setValue] = useState(toLocalInput(props.row.appEntitlementUserBindingDeprovisionAt));
  const save = useSetExpiry(props.appId, props.entitlementId, { onSuccess: props.onClose });
  const clear = useClearExpiry(props.appId, props.entitlementId, { onSuccess: props.onClose });
  return (
    <Modal opened onClose={props.onClose} title={`Expiry of ${user.displayName || user.email}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ appUserId: user.id, endsAt: value });
        }}
      >
        <Stack>
          <TextInput
            type="datetime-local"
            label="Access ends at"
            data-autofocus
            required
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
          />
          <ErrorAlert error={save.error ?? clear.error} title="The expiry was not changed" />
          <Group justify="flex-end">
            <Button variant="default" loading={clear.isPending} onClick={() => clear.mutate(user.id)}>
              Clear expiry
            </Button>
            <Button type="submit" loading={save.isPending}>
              Set expiry
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
