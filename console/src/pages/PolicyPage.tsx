import { Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { entitlementQueryOptions } from '../api/entitlements';
import { peopleNamesQueryOptions } from '../api/people';
import { policyQueryOptions, useDeletePolicy } from '../api/policies';
import { formatTime } from '../components/csv';
import { ConfirmDialog } from '../components/Dialog';
import { LoadFailure } from '../components/NotFound';
import { count } from '../components/numbers';
import {
  describeStep,
  type NameOf,
  POLICY_TYPE_LABELS,
  type PolicyStep,
  peopleOfSteps,
  stepsOf,
} from '../components/policies';
import { useAbilities } from '../session';

const BACK = { to: '/policies', label: 'Policies' };

/** Names of the people and entitlements steps refer to; an ID stands for itself until its name is read. */
export function useStepNames(steps: PolicyStep[]): NameOf {
  const people = useQuery(peopleNamesQueryOptions(peopleOfSteps(steps)));
  const groups = steps.flatMap((s) => (s.approval?.group ? [s.approval.group] : []));
  const entitlements = useQueries({
    queries: groups.map((g) => entitlementQueryOptions(g.appId ?? '', g.appGroupId ?? '')),
  });
  const names = new Map(people.data ?? []);
  groups.forEach((g, i) => {
    const name = entitlements[i]?.data?.appEntitlementView.appEntitlement.displayName;
    if (name && g.appGroupId) names.set(g.appGroupId, name);
  });
  return (id) => names.get(id) || id;
}

export function PolicyPage() {
  const id = useParams().policyId ?? '';
  const { can } = useAbilities();
  const policy = useQuery(policyQueryOptions(id));
  const [deleting, setDeleting] = useState(false);
  const p = policy.data?.policy;
  const steps = p ? stepsOf(p) : [];
  const nameOf = useStepNames(steps);
  if (policy.error) return <LoadFailure error={policy.error} what="policy" back={BACK} />;
  const mayChange = can('policies:write') && p?.systemBuiltin === false;
  return (
    <Stack>
      <Anchor component={Link} to="/policies" size="sm">
        ← Policies
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{p?.displayName ?? 'Loading…'}</Title>
          {p && (
            <Group gap="xs">
              <Badge variant="light" color="gray.9">
                {POLICY_TYPE_LABELS[p.policyType] ?? p.policyType}
              </Badge>
              {p.systemBuiltin && (
                <Badge variant="light" color="gray.9">
                  Built-in
                </Badge>
              )}
            </Group>
          )}
        </div>
        {mayChange && (
          <Group>
            <Button component={Link} to={`/policies/${id}/edit`}>
              Edit policy
            </Button>
            <Button color="red.9" variant="outline" onClick={() => setDeleting(true)}>
              Delete policy
            </Button>
          </Group>
        )}
      </Group>
      {p && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            {p.description && <Text>{p.description}</Text>}
            {p.systemBuiltin && (
              <Text c="gray.7">Roster's own policy: it is listed, and it cannot be changed or deleted.</Text>
            )}
            <Title order={3}>{count(steps.length, 'step')}, in the order they run</Title>
            {steps.length === 0 ? (
              <Text>No steps.</Text>
            ) : (
              <List type="ordered" data-testid="policy-steps">
                {steps.map((step, i) => (
                  // Steps have no ID of their own; their place is what names them.
                  // biome-ignore lint/suspicious/noArrayIndexKey: the order is the identity
                  <List.Item key={i}>{describeStep(step, nameOf)}</List.Item>
                ))}
              </List>
            )}
            <Text size="sm" c="gray.7">
              Created {formatTime(p.createdAt)}, last changed {formatTime(p.updatedAt)}.
            </Text>
          </Stack>
        </Paper>
      )}
      {deleting && p && <DeletePolicy id={id} name={p.displayName} onClose={() => setDeleting(false)} />}
    </Stack>
  );
}

function DeletePolicy({ id, name, onClose }: { id: string; name: string; onClose: () => void }) {
  const navigate = useNavigate();
  const remove = useDeletePolicy(id, () => navigate('/policies'));
  return (
    <ConfirmDialog
      title="Delete policy?"
      question={`Delete ${name}? Roster refuses while an app, an entitlement or another policy names it.`}
      confirmLabel={`Delete ${name}`}
      errorTitle="The policy was not deleted"
      change={remove}
      onConfirm={() => remove.mutate(undefined)}
      onClose={onClose}
    />
  );
}
