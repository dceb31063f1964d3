import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type EntitlementPolicies as Fields,
  type PolicyType,
  policyPickerQueryOptions,
  policyQueryOptions,
  useSetEntitlementPolicies,
} from '../api/policies';
import type { Entitlement } from '../api/types';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';

const FIELDS: { field: keyof Fields; label: string; type: PolicyType; none: string }[] = [
  {
    field: 'grantPolicyId',
    label: 'Grant',
    type: 'POLICY_TYPE_GRANT',
    none: "Default grant policy (the app's owners approve)",
  },
  { field: 'revokePolicyId', label: 'Revoke', type: 'POLICY_TYPE_REVOKE', none: 'None' },
  { field: 'certifyPolicyId', label: 'Certify', type: 'POLICY_TYPE_CERTIFY', none: 'None' },
  { field: 'emergencyGrantPolicyId', label: 'Emergency grant', type: 'POLICY_TYPE_GRANT', none: 'None' },
];

function PolicyLink({ id, none }: { id: string; none: string }) {
  const policy = useQuery(policyQueryOptions(id));
  if (!id) return <>{none}</>;
  return (
    <Anchor component={Link} to={`/policies/${id}`}>
      {policy.data?.policy.displayName ?? id}
    </Anchor>
  );
}

/** The policies an entitlement names, with links, and a way to choose them for those who may. */
export function EntitlementPolicies(props: { appId: string; entitlement: Entitlement; mayChange: boolean }) {
  const [editing, setEditing] = useState(false);
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3}>Policies</Title>
          {props.mayChange && (
            <Button variant="default" size="xs" onClick={() => setEditing(true)}>
              Choose policies
            </Button>
          )}
        </Group>
        <Table data-testid="entitlement-policies">
          <Table.Tbody>
            {FIELDS.map((f) => (
              <Table.Tr key={f.field}>
                <Table.Th scope="row">{f.label}</Table.Th>
                <Table.Td>
                  <PolicyLink id={props.entitlement[f.field]} none={f.none} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      {editing && (
        <ChoosePolicies
          appId={props.appId}
          entitlement={props.entitlement}
          onClose={() => setEditing(false)}
        />
      )}
    </Paper>
  );
}

function ChoosePolicies(props: { appId: string; entitlement: Entitlement; onClose: () => void }) {
  const e = props.entitlement;
  const [chosen, setChosen] = useState<Fields>({
    grantPolicyId: e.grantPolicyId,
    revokePolicyId: e.revokePolicyId,
    certifyPolicyId: e.certifyPolicyId,
    emergencyGrantPolicyId: e.emergencyGrantPolicyId,
  });
  const grant = useQuery(policyPickerQueryOptions('POLICY_TYPE_GRANT'));
  const revoke = useQuery(policyPickerQueryOptions('POLICY_TYPE_REVOKE'));
  const certify = useQuery(policyPickerQueryOptions('POLICY_TYPE_CERTIFY'));
  const choices = { POLICY_TYPE_GRANT: grant, POLICY_TYPE_REVOKE: revoke, POLICY_TYPE_CERTIFY: certify };
  const save = useSetEntitlementPolicies(props.appId, e.id, props.onClose);
  // Only the fields that differ are sent, so the request changes what it says.
  const changed = Object.fromEntries(
    FIELDS.filter((f) => chosen[f.field] !== e[f.field]).map((f) => [f.field, chosen[f.field]]),
  );
  return (
    <Dialog opened onClose={props.onClose} title={`Policies of ${e.displayName}`}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(changed);
        }}
      >
        <Stack>
          {FIELDS.map((f) => (
            <Select
              key={f.field}
              label={`${f.label} policy`}
              allowDeselect={false}
              data={[
                { value: '', label: f.none },
                ...(choices[f.type].data?.list ?? []).map((p) => ({ value: p.id, label: p.displayName })),
              ]}
              value={chosen[f.field]}
              onChange={(v) => setChosen({ ...chosen, [f.field]: v ?? '' })}
            />
          ))}
          <ErrorAlert
            error={save.error ?? grant.error ?? revoke.error ?? certify.error}
            title="The policies were not changed"
          />
          {Object.keys(changed).length === 0 && <Text c="gray.7">Nothing has changed yet.</Text>}
          <Button type="submit" loading={save.isPending} disabled={Object.keys(changed).length === 0}>
            Save policies
          </Button>
        </Stack>
      </form>
    </Dialog>
  );
}
