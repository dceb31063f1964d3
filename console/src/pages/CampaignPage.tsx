import { Anchor, Button, Group, Paper, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { appQueryOptions } from '../api/apps';
import { ApiError } from '../api/client';
import { peopleNamesQueryOptions } from '../api/people';
import { policyQueryOptions } from '../api/policies';
import {
  type Campaign,
  campaignQueryOptions,
  evidenceUrl,
  progressQueryOptions,
  type Remaining,
  scopeQueryOptions,
  useCloseCampaign,
  useDeleteCampaign,
  useStartCampaign,
} from '../api/reviews';
import { CampaignProgressPanel, CampaignStateBadge } from '../components/campaigns';
import { formatTime } from '../components/csv';
import { ConfirmDialog, Dialog } from '../components/Dialog';
import { EntitlementName } from '../components/EntitlementName';
import { ErrorAlert } from '../components/ErrorAlert';
import { ConfirmButtons } from '../components/forms';
import { NotFound } from '../components/NotFound';
import { useAbilities } from '../session';

/**
 * One campaign: what it reviews, who owns it, how far it is; start a draft, close an open campaign
 * (the items still open skipped or revoked), and download its evidence.
 */
export function CampaignPage() {
  const { campaignId = '' } = useParams();
  const campaign = useQuery(campaignQueryOptions(campaignId));
  if (campaign.error instanceof ApiError && campaign.error.status === 404) {
    return <NotFound what="campaign" back={{ to: '/campaigns', label: 'Campaigns' }} />;
  }
  if (!campaign.data) return <ErrorAlert error={campaign.error} title="The campaign cannot be read" />;
  return <CampaignView campaign={campaign.data} />;
}

function CampaignView({ campaign }: { campaign: Campaign }) {
  const { session, can } = useAbilities();
  const navigate = useNavigate();
  const id = campaign.id;
  const draft = campaign.state === 'ACCESS_REVIEW_STATE_DRAFT';
  const open = campaign.state === 'ACCESS_REVIEW_STATE_OPEN';
  const progress = useQuery(progressQueryOptions(id, !draft));
  const scope = useQuery(scopeQueryOptions(id));
  const owners = useQuery(peopleNamesQueryOptions(campaign.ownerIds));
  const policy = useQuery({ ...policyQueryOptions(campaign.policyId), enabled: can('policies:read') });
  // Super Admins and the campaign's owners run it; a Read-Only Admin only reads.
  const mayRun = can('access_reviews:write') || campaign.ownerIds.includes(session.user.id);
  const start = useStartCampaign(id);
  const [closing, setClosing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const remove = useDeleteCampaign(id, () => navigate('/campaigns'));
  return (
    <Stack>
      <Anchor component={Link} to="/campaigns" size="sm">
        ← Campaigns
      </Anchor>
      <Group>
        <Title order={2}>{campaign.displayName}</Title>
        <CampaignStateBadge campaign={campaign} />
      </Group>
      {campaign.description && <Text>{campaign.description}</Text>}
      <Table variant="vertical" withTableBorder maw={760}>
        <Table.Caption>About the campaign</Table.Caption>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">Owners</Table.Th>
            <Table.Td>{campaign.ownerIds.map((o) => owners.data?.get(o) ?? o).join(', ')}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Certify policy</Table.Th>
            <Table.Td>
              {policy.data ? (
                <Anchor component={Link} to={`/policies/${campaign.policyId}`}>
                  {policy.data.policy.displayName}
                </Anchor>
              ) : (
                campaign.policyId
              )}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Due</Table.Th>
            <Table.Td>{formatTime(campaign.completionDate) || 'No date'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Started</Table.Th>
            <Table.Td>{formatTime(campaign.startedAt) || 'Not yet'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Closed</Table.Th>
            <Table.Td>{formatTime(campaign.closedAt) || 'Not yet'}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>

      <Paper withBorder p="md" maw={760}>
        <Stack>
          <Title order={3} size="h4">
            Progress
          </Title>
          {draft ? (
            <Text>A draft: starting it freezes the grants in scope and asks the reviewers.</Text>
          ) : progress.data ? (
            <CampaignProgressPanel progress={progress.data} />
          ) : (
            <ErrorAlert error={progress.error} title="The progress cannot be read" />
          )}
          <ErrorAlert error={start.error} title="The campaign was not started" />
          <Group>
            {draft && mayRun && (
              <Button onClick={() => start.mutate()} loading={start.isPending}>
                Start
              </Button>
            )}
            {draft && can('access_reviews:write') && (
              <Button variant="outline" color="red.9" onClick={() => setDeleting(true)}>
                Delete draft
              </Button>
            )}
            {open && mayRun && (
              <Button
                variant="outline"
                onClick={() => setClosing(true)}
                disabled={!progress.data?.populated}
                title={progress.data?.populated ? undefined : 'Every review item must exist first'}
              >
                Close campaign
              </Button>
            )}
            {!draft && (
              <Button variant="subtle" component={Link} to={`/my-reviews?campaign=${encodeURIComponent(id)}`}>
                My items in this campaign
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>

      {!draft && (
        <Paper withBorder p="md" maw={760}>
          <Stack>
            <Title order={3} size="h4">
              Evidence
            </Title>
            <Text size="sm">
              The population, every decision with its reviewer, time and reason, and every removal.
              {campaign.state === 'ACCESS_REVIEW_STATE_CLOSED'
                ? ' The pack of a closed campaign never changes and carries its SHA-256.'
                : ' Until the campaign is closed the pack shows it as it stands.'}
            </Text>
            <Group>
              <Button
                component="a"
                variant="default"
                href={evidenceUrl(id, 'json')}
                download={`access-review-${id}.json`}
              >
                Download evidence (JSON)
              </Button>
              <Button
                component="a"
                variant="default"
                href={evidenceUrl(id, 'csv')}
                download={`access-review-${id}.csv`}
              >
                Download evidence (CSV)
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}

      <Title order={3} size="h4">
        Scope
      </Title>
      <ErrorAlert error={scope.error} title="The scope cannot be read" />
      <Table maw={760} data-testid="campaign-scope">
        <Table.Caption>What the campaign reviews</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Entitlement or app</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(scope.data ?? []).map((entry) => (
            <Table.Tr key={`${entry.appId}/${entry.appEntitlementId}`}>
              <Table.Td>
                {entry.appEntitlementId ? (
                  <EntitlementName appId={entry.appId} entitlementId={entry.appEntitlementId} />
                ) : (
                  <WholeApp appId={entry.appId} />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
          {scope.data?.length === 0 && (
            <Table.Tr>
              <Table.Td>Nothing yet: a campaign with no scope cannot start.</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>

      {closing && <CloseDialog id={id} onClose={() => setClosing(false)} open={progress.data?.open ?? 0} />}
      {deleting && (
        <ConfirmDialog
          title={`Delete ${campaign.displayName}?`}
          question="The draft is deleted; nothing was asked of anyone yet."
          confirmLabel="Delete"
          errorTitle="The draft was not deleted"
          change={remove}
          onConfirm={() => remove.mutate()}
          onClose={() => setDeleting(false)}
        />
      )}
    </Stack>
  );
}

/** A whole app of the scope, by name for those who may read apps. */
function WholeApp({ appId }: { appId: string }) {
  const { can } = useAbilities();
  const app = useQuery({ ...appQueryOptions(appId), enabled: can('apps:read') });
  const text = `Every entitlement of ${app.data?.app.displayName ?? `app ${appId}`}`;
  return can('apps:read') ? (
    <Anchor component={Link} to={`/apps/${appId}`}>
      {text}
    </Anchor>
  ) : (
    text
  );
}

/** Closes the campaign, choosing what happens to the items still open: skipped, or revoked. */
function CloseDialog({ id, open, onClose }: { id: string; open: number; onClose: () => void }) {
  const [remaining, setRemaining] = useState<Remaining>('SKIP');
  const close = useCloseCampaign(id, onClose);
  return (
    <Dialog opened onClose={onClose} title="Close the campaign?">
      <Stack>
        <Text>
          {open === 0
            ? 'Every item is decided.'
            : `${open} ${open === 1 ? 'item is' : 'items are'} still open.`}{' '}
          Once closed, the campaign takes no more decisions.
        </Text>
        <Radio.Group
          label="The items still open"
          value={remaining}
          onChange={(v) => setRemaining(v as Remaining)}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="SKIP" label="Skip them: their grants stay" />
            <Radio value="REVOKE" label="Revoke them: their grants are removed" />
          </Stack>
        </Radio.Group>
        <ErrorAlert error={close.error} title="The campaign was not closed" />
        <ConfirmButtons
          confirmLabel="Close campaign"
          pending={close.isPending}
          onCancel={onClose}
          onConfirm={() => close.mutate(remaining)}
        />
      </Stack>
    </Dialog>
  );
}
