import {
  Anchor,
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
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { finishedItemsQueryOptions } from '../api/bulk-actions';
import { readDraft, writeDraft } from '../api/drafts';
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
import { entitlementFailure } from '../components/NotFound';
import { count } from '../components/numbers';

/** Add members: paste or upload → dry-run preview → confirm → live progress → per-person outcomes. */
export function AddMembersPage() {
  const { appId = '', entitlementId = '' } = useParams();
  const { app, entitlement } = useEntitlement(appId, entitlementId);
  const membersChanged = useMembersChanged(appId, entitlementId);
  const limits = useQuery(limitsQueryOptions());
  // The pasted list outlives the session: after signing in again it is still here.
  const draft = `add-members.${entitlementId}`;
  const [text, setText] = useState(() => readDraft(draft));
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

  const confirm = useAddMembers(appId, entitlementId, {
    onSuccess: (ids) => {
      writeDraft(draft, '');
      setBulkActionIds(ids);
    },
  });

  const names = useMemo(
    () =>
      new Map(
        [...(preview?.wouldAdd ?? []), ...(preview?.alreadyMembers ?? [])].map((p) => [
          p.userId,
          p.displayName || p.email,
        ]),
      ),
    [preview],
  );
  const step = finished ? 3 : bulkActionIds.length > 0 ? 2 : preview ? 1 : 0;
  // Each step's heading takes the focus when the step begins, so a screen reader announces it.
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    stepHeading.current?.focus();
  }, [step]);
  const heading = (title: string) => (
    <Title order={3} ref={stepHeading} tabIndex={-1}>
      {title}
    </Title>
  );
  const current = entitlement.data?.appEntitlementView.appEntitlement;
  const personColumns: ColumnDef<Person, unknown>[] = [
    { header: 'Name', accessorKey: 'displayName' },
    { header: 'Email', accessorKey: 'email' },
    { header: 'From line', accessorKey: 'input' },
  ];

  // No form to add members to what does not exist.
  const failure = entitlementFailure(appId, app.error, entitlement.error);
  if (failure) return failure;
  const back = (
    <Anchor component={Link} to={`/apps/${appId}/entitlements/${entitlementId}`} size="sm">
      ← {current?.displayName ?? 'Entitlement'}
    </Anchor>
  );
  const title = (
    <Title order={2}>
      Add members to {current?.displayName ?? '…'} ({app.data?.app.displayName ?? '…'})
    </Title>
  );
  // Members of an entitlement someone else manages (a connector, an identity provider) are not added here.
  if (current && !current.isManuallyManaged) {
    return (
      <Stack>
        {back}
        {title}
        <MembersNotByHand entitlement={current} />
      </Stack>
    );
  }
  return (
    <Stack>
      {back}
      {title}
      <Stepper active={step} allowNextStepsSelect={false}>
        <Stepper.Step label="People" description="Paste or upload" />
        <Stepper.Step label="Preview" description="Check before adding" />
        <Stepper.Step label="Progress" description="Roster adds them" />
        <Stepper.Step label="Outcomes" description="Per person" />
      </Stepper>

      {step === 0 && (
        <Paper withBorder p="md">
          {heading('Who to add')}
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
                onChange={(e) => {
                  setText(e.currentTarget.value);
                  writeDraft(draft, e.currentTarget.value);
                }}
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
          {heading('Preview: nothing is added yet')}
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
          <RefusedLines preview={preview} caption="Lines that name no one who can be added, and why" />
          <DataTable
            caption={`People who would be added${preview.wouldAdd.length > 50 ? ' (the first 50)' : ''}`}
            data={preview.wouldAdd.slice(0, 50)}
            columns={personColumns}
            empty="No one would be added."
          />
          {preview.alreadyMembers.length > 0 && (
            <DataTable
              caption={`People who are already members${preview.alreadyMembers.length > 50 ? ' (the first 50)' : ''}`}
              data={preview.alreadyMembers.slice(0, 50)}
              columns={personColumns}
              empty=""
            />
          )}
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
              Add {count(preview.wouldAdd.length, 'person', 'people')}
            </Button>
          </Group>
        </Stack>
      )}

      {step >= 2 && (
        <Paper withBorder p="md">
          {step === 2 && heading('Progress')}
          <BulkProgress
            ids={bulkActionIds}
            onFinished={async (actions) => {
              setFinished(actions);
              await membersChanged();
            }}
          />
        </Paper>
      )}

      {step === 3 && finished && preview && (
        <Stack>
          {heading('Outcomes')}
          <AddOutcome preview={preview} finished={finished} names={names} />
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
    </Stack>
  );
}

/**
 * What the add came to, each kind apart and with the people named: added; already members (at the
 * preview, or by the time the server came to them); refused (lines the preview could not take, and
 * people the server refused).
 */
function AddOutcome({
  preview,
  finished,
  names,
}: {
  preview: AddPreview;
  finished: BulkAction[];
  names: ReadonlyMap<string, string>;
}) {
  const ids = finished.map((a) => a.id);
  const alreadyAtAdd = useQuery(finishedItemsQueryOptions(ids, 'ALREADY_MEMBER'));
  const succeeded = finished.reduce((sum, a) => sum + a.succeeded, 0);
  const refusedByServer = finished.reduce((sum, a) => sum + a.failed, 0);
  const already = alreadyAtAdd.data;
  const alreadyPeople = [
    ...preview.alreadyMembers.map((p) => p.displayName || p.email),
    ...(already ?? []).map((item) => names.get(item.userId) ?? item.userId),
  ];
  const tile = (testId: string, n: number | undefined, label: string, detail?: string) => (
    <Paper withBorder p="md" data-testid={testId}>
      <Text size="xl" fw={700}>
        {n === undefined ? '…' : n.toLocaleString()}
      </Text>
      <Text>{label}</Text>
      {detail && (
        <Text size="sm" c="gray.7">
          {detail}
        </Text>
      )}
    </Paper>
  );
  return (
    <Stack>
      <ErrorAlert error={alreadyAtAdd.error} title="The outcomes could not all be read" />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {tile('outcome-added', already && succeeded - already.length, 'added')}
        {tile(
          'outcome-already-members',
          already && preview.alreadyMembers.length + already.length,
          'already members, left as they were',
          already &&
            `${preview.alreadyMembers.length.toLocaleString()} at the preview, ${already.length.toLocaleString()} when adding`,
        )}
        {tile(
          'outcome-refused',
          preview.cannotAdd.length + refusedByServer,
          'refused',
          `${count(preview.cannotAdd.length, 'line')} at the preview, ${count(refusedByServer, 'person', 'people')} by Roster when adding`,
        )}
      </SimpleGrid>
      {alreadyPeople.length > 0 && (
        <Text data-testid="already-members-named">
          Already members: {alreadyPeople.slice(0, 50).join(', ')}
          {alreadyPeople.length > 50 ? ` and ${count(alreadyPeople.length - 50, 'other')}` : ''}.
        </Text>
      )}
      <RefusedLines preview={preview} caption="Lines refused at the preview, and why" />
    </Stack>
  );
}

/** The lines the preview could not take (the first 200), with why. */
function RefusedLines({ preview, caption }: { preview: AddPreview; caption: string }) {
  if (preview.cannotAdd.length === 0) return null;
  return (
    <DataTable
      caption={caption}
      data={preview.cannotAdd.slice(0, 200)}
      columns={[
        { header: 'Line', accessorKey: 'input' },
        { header: 'Reason', accessorKey: 'reason' },
      ]}
      empty=""
    />
  );
}
