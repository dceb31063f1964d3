import { Button, Group, List, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { appPickerQueryOptions } from '../api/apps';
import { policyPickerQueryOptions } from '../api/policies';
import { type ScopePick, useCreateCampaign } from '../api/reviews';
import { EntitlementPicker, type Picked } from '../components/EntitlementPicker';
import { ErrorAlert } from '../components/ErrorAlert';
import { PeoplePicker } from '../components/PeoplePicker';
import { useAbilities } from '../session';

interface ScopeItem extends ScopePick {
  readonly label: string;
}

/**
 * A new campaign: its name, owners, due date and CERTIFY policy, and its scope picked from
 * entitlements and whole apps. It is created as a draft, then started from its page.
 */
export function CampaignFormPage() {
  const { session } = useAbilities();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [owners, setOwners] = useState<string[]>([session.user.id]);
  const [due, setDue] = useState('');
  const [policyId, setPolicyId] = useState<string | null>(null);
  const [scope, setScope] = useState<ScopeItem[]>([]);
  const [entitlement, setEntitlement] = useState<Picked | undefined>();
  const [appSearch, setAppSearch] = useState('');
  const [debounced] = useDebouncedValue(appSearch, 300);
  const [wholeApp, setWholeApp] = useState<string | null>(null);
  const apps = useQuery(appPickerQueryOptions(debounced));
  const policies = useQuery(policyPickerQueryOptions('POLICY_TYPE_CERTIFY'));
  const create = useCreateCampaign((id) => navigate(`/campaigns/${id}`));
  const appData = (apps.data?.list ?? []).map((a) => ({ value: a.id, label: a.displayName }));
  const add = (item: ScopeItem) =>
    setScope((s) =>
      s.some((e) => e.appId === item.appId && e.appEntitlementId === item.appEntitlementId)
        ? s
        : [...s, item],
    );
  const ready = name.trim() !== '' && owners.length > 0 && policyId !== null && scope.length > 0;
  return (
    <Stack maw={760}>
      <Title order={2}>New campaign</Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!ready || create.isPending) return;
          create.mutate({
            campaign: {
              displayName: name.trim(),
              description: description.trim(),
              ownerIds: owners,
              policyId: policyId ?? '',
              scopeType: 'ACCESS_REVIEW_SCOPE_TYPE_BY_ENTITLEMENTS',
              ...(due ? { completionDate: new Date(due).toISOString() } : {}),
            },
            scope,
          });
        }}
      >
        <Stack>
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Textarea
            label="Description"
            description="What the reviewers are asked, for them and for the evidence."
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <PeoplePicker label="Owners" value={owners} onChange={setOwners} />
          <TextInput
            label="Due"
            description="When the reviews should be done; reviewers are reminded before it."
            type="datetime-local"
            value={due}
            onChange={(e) => setDue(e.currentTarget.value)}
          />
          <Select
            label="Certify policy"
            description="Who reviews each grant: app owners, entitlement owners, managers or named people."
            required
            placeholder="Choose a policy"
            data={(policies.data?.list ?? []).map((p) => ({ value: p.id, label: p.displayName }))}
            value={policyId}
            onChange={setPolicyId}
            nothingFoundMessage="No certify policy: make one under Policies"
          />
          <Paper withBorder p="md">
            <Stack>
              <Title order={3} size="h4">
                Scope
              </Title>
              <Text size="sm" c="gray.7">
                Every grant of these entitlements, or of every entitlement of these apps, when the campaign
                starts.
              </Text>
              <EntitlementPicker value={entitlement} onChange={setEntitlement} />
              <Group>
                <Button
                  variant="default"
                  disabled={!entitlement}
                  onClick={() => {
                    if (!entitlement) return;
                    const app =
                      appData.find((a) => a.value === entitlement.appId)?.label ?? entitlement.appId;
                    add({
                      appId: entitlement.appId,
                      appEntitlementId: entitlement.entitlementId,
                      label: `${entitlement.label} (${app})`,
                    });
                  }}
                >
                  Add entitlement
                </Button>
              </Group>
              <Group align="flex-end">
                <Select
                  label="Whole app"
                  searchable
                  placeholder="Choose an app"
                  data={appData}
                  value={wholeApp}
                  onSearchChange={setAppSearch}
                  onChange={setWholeApp}
                  nothingFoundMessage="No app matches"
                />
                <Button
                  variant="default"
                  disabled={!wholeApp}
                  onClick={() => {
                    if (!wholeApp) return;
                    const app = appData.find((a) => a.value === wholeApp)?.label ?? wholeApp;
                    add({ appId: wholeApp, appEntitlementId: '', label: `Every entitlement of ${app}` });
                  }}
                >
                  Add app
                </Button>
              </Group>
              {scope.length === 0 ? (
                <Text>Nothing chosen yet.</Text>
              ) : (
                <List data-testid="campaign-scope">
                  {scope.map((item) => (
                    <List.Item key={`${item.appId}/${item.appEntitlementId}`}>
                      <Group gap="xs">
                        <Text span>{item.label}</Text>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          aria-label={`Remove ${item.label}`}
                          onClick={() => setScope((s) => s.filter((e) => e !== item))}
                        >
                          Remove
                        </Button>
                      </Group>
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          </Paper>
          <ErrorAlert error={create.error} title="The campaign was not created" />
          <Group justify="flex-end">
            <Button type="submit" disabled={!ready} loading={create.isPending}>
              Create draft
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
