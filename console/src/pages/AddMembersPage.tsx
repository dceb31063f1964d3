import {
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useEntitlement } from '../api/entitlements';
import { limitsQueryOptions } from '../api/limits';
import { type AddPreview, type Person, previewAdd, useAddMembers, useMembersChanged } from '../api/members';
import type { BulkAction } from '../api/types';
import { BulkItems } from '../components/BulkItems';
import { BulkProgress } from '../components/BulkProgress';
import { peopleFromCsv } from '../components/csv';
import { DataTable } from '../components/DataTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { MembersNotByHand } from '../components/MembersNotByHand';

/** Add members: paste or upload → dry-run preview → confirm → live progress → per-person outcomes. */
export function AddMembersPage() {
  const { appId = '', entitlementId = '' } = useParams();
  const { app, entitlement } = useEntitlement(appId, entitlementId);
  const membersChanged = useMembersChanged(appId, entitlementId);
  const limits = useQuery(limitsQueryOptions());
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [expiry, setExpiry] = useState('');
  const [preview, setPreview] = useState<AddPreview | undefined>();
  const [bulkActionIds, setBulkActionIds] = useState<string[]>([]);
  const [finished, setFinished] = useState<BulkAction[] | undefined>();
  const maxPerRequest = limits.data?.limits.maxAddUserIds ?? 10_000;

  const runPreview = useMutation({
    mutationFn: async () => {
      const lines = [...text.split(/[\n,;]+/), ...(file ? peopleFromCsv(await file.text()) : [])]
        .map((l) => l.trim())
        .filter((l) => l !== '');
      if (lines.length === 0) throw new Error('Paste emails or user IDs, or choose a CSV file, first.');
      return previewAdd(appId, entitlementId, lines, maxPerRequest);
    },
    onSuccess: setPreview,
  });

  const confirm = useAddMembers(appId, entitlementId, { onSuccess: setBulkActionIds });

  const names = useMemo(
    () => new Map((preview?.wouldAdd ?? []).map((p) => [p.userId, p.displayName || p.email])),
    [preview],
  );
  const step = finished ? 3 : bulkActionIds.length > 0 ? 2 : preview ? 1 : 0;
  const current = entitlement.data?.appEntitlementView.appEntitlement;
  const personColumns: ColumnDef<Person, unknown>[] = [
    { header: 'Name', accessorKey: 'displayName' },
    { header: 'Email', accessorKey: 'email' },
    { header: 'From line', accessorKey: 'input' },
  ];

  return (
    <Stack>
      <Anchor component={Link} to={`/apps/${appId}/entitlements/${entitlementId}`} size="sm">
        ← {current?.displayName ?? 'Entitlement'}
      </Anchor>
      <Title order={2}>
        Add members to {current?.displayName ?? '…'} ({app.data?.app.displayName ?? '…'})
      </Title>
      {current && !current.isManuallyManaged ? (
        <MembersNotByHand entitlement={current} />
      ) : (
        <>
          <Stepper active={step} allowNextStepsSelect={false}>
            <Stepper.Step label="People" description="Paste or upload" />
            <Stepper.Step label="Preview" description="Check before adding" />
            <Stepper.Step label="Progress" description="Roster adds them" />
            <Stepper.Step label="Outcomes" description="Per person" />
          </Stepper>

          {step === 0 && (
            <Paper withBorder p="md">
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  runPreview.mutate();
                }}
              >
                <Stack>
                  <Textarea
                    label="Emails or Roster user IDs"
                    description="One a line (commas work too)."
                    autosize
                    minRows={4}
                    maxRows={12}
                    value={text}
                    onChange={(e) => setText(e.currentTarget.value)}
                  />
                  <FileInput
                    label="Or upload a CSV file"
                    description="A column headed email or user ID, or the first column."
                    accept=".csv,text/csv"
                    clearable
                    value={file}
                    onChange={setFile}
                  />
                  <TextInput
                    type="datetime-local"
                    label="Access ends at (optional)"
                    value={expiry}
                    onChange={(e) => setExpiry(e.currentTarget.value)}
                  />
                  <ErrorAlert error={runPreview.error} title="The preview failed" />
                  <Group>
                    <Button type="submit" loading={runPreview.isPending}>
                      Preview
                    </Button>
                  </Group>
                </Stack>
              </form>
            </Paper>
          )}

          {step === 1 && preview && (
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Paper withBorder p="md" data-testid="would-add">
                  <Text size="xl" fw={700}>
                    {preview.wouldAdd.length.toLocaleString()}
                  </Text>
                  <Text>would be added</Text>
                </Paper>
                <Paper withBorder p="md" data-testid="already-members">
                  <Text size="xl" fw={700}>
                    {preview.alreadyMembers.length.toLocaleString()}
                  </Text>
                  <Text>already members</Text>
                </Paper>
                <Paper withBorder p="md" data-testid="cannot-add">
                  <Text size="xl" fw={700}>
                    {preview.cannotAdd.length.toLocaleString()}
                  </Text>
                  <Text>cannot be added</Text>
                </Paper>
              </SimpleGrid>
              {preview.cannotAdd.length > 0 && (
                <DataTable
                  caption="Lines that name no one who can be added, and why"
                  data={preview.cannotAdd.slice(0, 200)}
                  columns={[
                    { header: 'Line', accessorKey: 'input' },
                    { header: 'Reason', accessorKey: 'reason' },
                  ]}
                  empty=""
                />
              )}
              <DataTable
                caption={`People who would be added${preview.wouldAdd.length > 50 ? ' (the first 50)' : ''}`}
                data={preview.wouldAdd.slice(0, 50)}
                columns={personColumns}
                empty="No one would be added."
              />
              <ErrorAlert error={confirm.error} title="The members were not added" />
              <Group>
                <Button variant="default" onClick={() => setPreview(undefined)}>
                  Back
                </Button>
                <Button
                  disabled={preview.wouldAdd.length === 0}
                  loading={confirm.isPending}
                  onClick={() => confirm.mutate({ preview, endsAt: expiry, maxPerRequest })}
                >
                  Add {preview.wouldAdd.length.toLocaleString()} people
                </Button>
              </Group>
            </Stack>
          )}

          {step >= 2 && (
            <Paper withBorder p="md">
              <BulkProgress
                ids={bulkActionIds}
                onFinished={async (actions) => {
                  setFinished(actions);
                  await membersChanged();
                }}
              />
            </Paper>
          )}

          {step === 3 && finished && (
            <Stack>
              <Group>
                {finished.map((a) => (
                  <Badge key={a.id} size="lg" color="gray.8">
                    {a.succeeded.toLocaleString()} added or already members, {a.failed.toLocaleString()}{' '}
                    failed
                  </Badge>
                ))}
              </Group>
              {finished.map((a) => (
                <Stack key={a.id} gap="xs">
                  <Anchor component={Link} to={`/bulk-actions/${a.id}`}>
                    Bulk action {a.id}
                  </Anchor>
                  <BulkItems id={a.id} names={names} />
                </Stack>
              ))}
              <Group>
                <Button component={Link} to={`/apps/${appId}/entitlements/${entitlementId}`}>
                  Back to the members
                </Button>
              </Group>
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}
