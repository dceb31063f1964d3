import {
  Anchor,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type PolicyType, policyQueryOptions, useCreatePolicy, useUpdatePolicy } from '../api/policies';
import { EntitlementPicker } from '../components/EntitlementPicker';
import { type Named, NameForm } from '../components/forms';
import { LoadFailure } from '../components/NotFound';
import { PeoplePicker } from '../components/PeoplePicker';
import {
  APPROVER_KINDS,
  type Approval,
  type ApproverKind,
  approverKindOf,
  POLICY_TYPE_LABELS,
  type Policy,
  type PolicyStep,
  secondsOf,
  stepsKeyOf,
  stepsOf,
} from '../components/policies';

const STEP_KINDS = [
  { value: 'approval', label: 'Approval' },
  { value: 'provision', label: 'Manual provisioning' },
  { value: 'wait', label: 'Wait' },
  { value: 'accept', label: 'Accept (ends the policy)' },
  { value: 'reject', label: 'Reject (ends the policy)' },
] as const;
type StepKind = (typeof STEP_KINDS)[number]['value'];

const UNITS = [
  { value: '60', label: 'minutes' },
  { value: '3600', label: 'hours' },
  { value: '86400', label: 'days' },
];

const kindOf = (step: PolicyStep): StepKind =>
  STEP_KINDS.find((k) => step[k.value] !== undefined && step[k.value] !== null)?.value ?? 'approval';

/** A new step of a kind, as the API takes it. */
function newStep(kind: StepKind): PolicyStep {
  switch (kind) {
    case 'approval':
      return { approval: { appOwners: { allowSelfApproval: false } } };
    case 'provision':
      return { provision: { provisionPolicy: { manual: { instructions: '', userIds: [] } } } };
    case 'wait':
      return { wait: { timeoutDuration: '3600s' } };
    case 'accept':
      return { accept: {} };
    case 'reject':
      return { reject: {} };
  }
}

/** Creates a policy (`/policies/new`) or edits one (`/policies/:policyId/edit`). */
export function PolicyFormPage() {
  const id = useParams().policyId ?? '';
  const policy = useQuery(policyQueryOptions(id));
  if (id && policy.error) {
    return <LoadFailure error={policy.error} what="policy" back={{ to: '/policies', label: 'Policies' }} />;
  }
  if (id && !policy.data) return <Text>Loading…</Text>;
  return <PolicyForm key={id} policy={policy.data?.policy} />;
}

function PolicyForm({ policy }: { policy: Policy | undefined }) {
  const navigate = useNavigate();
  const [type, setType] = useState<PolicyType>((policy?.policyType as PolicyType) ?? 'POLICY_TYPE_GRANT');
  const [steps, setSteps] = useState<PolicyStep[]>(policy ? stepsOf(policy) : [newStep('approval')]);
  const [unchanged, setUnchanged] = useState(false);
  const create = useCreatePolicy((made) => navigate(`/policies/${made}`));
  const update = useUpdatePolicy(policy?.id ?? '', () => navigate(`/policies/${policy?.id}`));
  const change = policy ? update : create;
  const policySteps = { [stepsKeyOf(type)]: { steps } };

  const setStep = (index: number, step: PolicyStep) =>
    setSteps(steps.map((s, i) => (i === index ? step : s)));
  const move = (index: number, by: number) => {
    const next = [...steps];
    const [step] = next.splice(index, 1);
    if (step) next.splice(index + by, 0, step);
    setSteps(next);
  };
  const submit = ({ displayName, description }: Named) => {
    if (!policy) {
      create.mutate({ displayName, description, policyType: type, policySteps });
      return;
    }
    // Only what differs from the stored policy is sent; a form that changes nothing sends nothing.
    const patch = {
      ...(displayName !== policy.displayName ? { displayName } : {}),
      ...(description !== policy.description ? { description } : {}),
      ...(JSON.stringify(steps) !== JSON.stringify(stepsOf(policy)) ? { policySteps } : {}),
    };
    setUnchanged(Object.keys(patch).length === 0);
    if (Object.keys(patch).length > 0) update.mutate(patch);
  };

  return (
    <Stack>
      <Anchor component={Link} to={policy ? `/policies/${policy.id}` : '/policies'} size="sm">
        ← {policy ? policy.displayName : 'Policies'}
      </Anchor>
      <Title order={2}>{policy ? `Edit ${policy.displayName}` : 'New policy'}</Title>
      <NameForm
        initial={policy}
        described
        submitLabel={policy ? 'Save policy' : 'Create policy'}
        errorTitle={policy ? 'The policy was not saved' : 'The policy was not created'}
        pending={change.isPending}
        error={change.error}
        onSubmit={submit}
      >
        <Select
          label="Type"
          description={policy ? 'A policy keeps its type; make a new one for another.' : undefined}
          disabled={policy !== undefined}
          allowDeselect={false}
          data={Object.entries(POLICY_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
          value={type}
          onChange={(v) => {
            const next = (v ?? type) as PolicyType;
            setType(next);
            // Only a grant policy provisions.
            if (next !== 'POLICY_TYPE_GRANT') setSteps(steps.filter((s) => !s.provision));
          }}
        />
        <Title order={3}>Steps, in the order they run</Title>
        {steps.length === 0 && <Text>No steps.</Text>}
        {steps.map((step, index) => (
          <StepEditor
            // biome-ignore lint/suspicious/noArrayIndexKey: a step's place is what names it
            key={index}
            index={index}
            last={index === steps.length - 1}
            step={step}
            grant={type === 'POLICY_TYPE_GRANT'}
            onChange={(s) => setStep(index, s)}
            onMove={(by) => move(index, by)}
            onRemove={() => setSteps(steps.filter((_, i) => i !== index))}
          />
        ))}
        <Group>
          <Button variant="default" onClick={() => setSteps([...steps, newStep('approval')])}>
            Add step
          </Button>
        </Group>
        {unchanged && <Text c="gray.7">Nothing has changed: there is nothing to save.</Text>}
      </NameForm>
    </Stack>
  );
}

interface StepEditorProps {
  readonly index: number;
  readonly last: boolean;
  readonly step: PolicyStep;
  /** Whether the policy grants, the only kind that provisions. */
  readonly grant: boolean;
  readonly onChange: (step: PolicyStep) => void;
  readonly onMove: (by: number) => void;
  readonly onRemove: () => void;
}

function StepEditor(props: StepEditorProps) {
  const { step, index } = props;
  const kind = kindOf(step);
  const n = index + 1;
  return (
    <Paper withBorder p="md" component="fieldset" aria-label={`Step ${n}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Select
            label={`Step ${n}`}
            allowDeselect={false}
            data={STEP_KINDS.filter((k) => props.grant || k.value !== 'provision')}
            value={kind}
            onChange={(v) => props.onChange(newStep((v ?? kind) as StepKind))}
          />
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              disabled={index === 0}
              onClick={() => props.onMove(-1)}
              aria-label={`Move step ${n} up`}
            >
              Up
            </Button>
            <Button
              variant="default"
              size="xs"
              disabled={props.last}
              onClick={() => props.onMove(1)}
              aria-label={`Move step ${n} down`}
            >
              Down
            </Button>
            <Button
              variant="outline"
              color="red.9"
              size="xs"
              onClick={props.onRemove}
              aria-label={`Remove step ${n}`}
            >
              Remove
            </Button>
          </Group>
        </Group>
        {step.approval && (
          <ApprovalEditor
            n={n}
            approval={step.approval}
            onChange={(approval) => props.onChange({ approval })}
          />
        )}
        {step.provision && (
          <>
            <PeoplePicker
              label={`Step ${n}: who provisions`}
              value={step.provision.provisionPolicy?.manual?.userIds ?? []}
              onChange={(userIds) =>
                props.onChange({
                  provision: {
                    provisionPolicy: { manual: { ...step.provision?.provisionPolicy?.manual, userIds } },
                  },
                })
              }
            />
            <Textarea
              label={`Step ${n}: instructions`}
              value={step.provision.provisionPolicy?.manual?.instructions ?? ''}
              onChange={(e) => {
                const instructions = e.currentTarget.value;
                props.onChange({
                  provision: {
                    provisionPolicy: { manual: { ...step.provision?.provisionPolicy?.manual, instructions } },
                  },
                });
              }}
            />
          </>
        )}
        {step.wait && <WaitEditor n={n} wait={step.wait} onChange={(wait) => props.onChange({ wait })} />}
        {!props.last && (step.accept || step.reject) && (
          <Text c="red.9">Accept and reject end the policy: make this the last step.</Text>
        )}
      </Stack>
    </Paper>
  );
}

const FLAGS = [
  { field: 'requireApprovalReason', label: 'Reason required to approve' },
  { field: 'requireDenialReason', label: 'Reason required to deny' },
  { field: 'allowReassignment', label: 'May be reassigned' },
  { field: 'requireDistinctApprovers', label: 'Approvers of other steps may not approve this one' },
] as const;

function ApprovalEditor(props: { n: number; approval: Approval; onChange: (approval: Approval) => void }) {
  const { approval, n } = props;
  const kind = approverKindOf(approval);
  const approver = (approval[kind] ?? {}) as Record<string, unknown>;
  const setApprover = (value: Record<string, unknown>) => props.onChange({ ...approval, [kind]: value });
  return (
    <Stack gap="xs">
      <Select
        label={`Step ${n}: who approves`}
        allowDeselect={false}
        data={APPROVER_KINDS.map((k) => ({ value: k.value, label: k.label }))}
        value={kind}
        onChange={(v) => {
          const next = (v ?? kind) as ApproverKind;
          const { [kind]: _old, ...rest } = approval;
          props.onChange({ ...rest, [next]: next === 'self' ? {} : { allowSelfApproval: false } });
        }}
      />
      {kind === 'users' && (
        <PeoplePicker
          label={`Step ${n}: approvers`}
          value={(approver.userIds as string[] | undefined) ?? []}
          onChange={(userIds) => setApprover({ ...approver, userIds })}
        />
      )}
      {kind === 'group' && (
        <EntitlementPicker
          value={
            approval.group?.appGroupId
              ? { appId: approval.group.appId ?? '', entitlementId: approval.group.appGroupId, label: '' }
              : undefined
          }
          onChange={(picked) =>
            setApprover({ ...approver, appId: picked?.appId ?? '', appGroupId: picked?.entitlementId ?? '' })
          }
        />
      )}
      {kind !== 'self' && (
        <Checkbox
          label="The person who asks may approve their own request"
          checked={approver.allowSelfApproval === true}
          onChange={(e) => setApprover({ ...approver, allowSelfApproval: e.currentTarget.checked })}
        />
      )}
      {FLAGS.map((flag) => (
        <Checkbox
          key={flag.field}
          label={flag.label}
          checked={approval[flag.field] === true}
          onChange={(e) => props.onChange({ ...approval, [flag.field]: e.currentTarget.checked })}
        />
      ))}
    </Stack>
  );
}

type Wait = NonNullable<PolicyStep['wait']>;

function WaitEditor(props: { n: number; wait: Wait; onChange: (wait: Wait) => void }) {
  const seconds = secondsOf(props.wait.timeoutDuration);
  const [unit, setUnit] = useState(
    UNITS.slice()
      .reverse()
      .find((u) => seconds > 0 && seconds % Number(u.value) === 0)?.value ?? '60',
  );
  const amount = seconds / Number(unit);
  const set = (value: number, perUnit: string) =>
    props.onChange({
      ...props.wait,
      timeoutDuration: `${Math.max(0, Math.round(value * Number(perUnit)))}s`,
    });
  return (
    <Group align="flex-end">
      <NumberInput
        label={`Step ${props.n}: wait for`}
        min={1}
        allowDecimal={false}
        required
        value={amount}
        onChange={(v) => set(Number(v) || 0, unit)}
      />
      <Select
        label={`Step ${props.n}: unit`}
        allowDeselect={false}
        data={UNITS}
        value={unit}
        onChange={(v) => {
          setUnit(v ?? unit);
          set(amount, v ?? unit);
        }}
      />
    </Group>
  );
}
