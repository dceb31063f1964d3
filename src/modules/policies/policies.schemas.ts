import { type Static, Type } from 'typebox';
import { IdString, NameString, QueryString, TextString, WordString } from '../../http/strings.js';
import { FieldMask, filterList, NullableTimestamp, Opt, PageBody } from '../../http/wire.js';
import type { PolicyRow } from './policies.repository.js';
import { POLICY_TYPES, PolicyStep, type PolicyType, stepsKeyOf, stepView } from './policy-steps.js';

const AllPolicyTypes = Type.Enum([
  'POLICY_TYPE_UNSPECIFIED',
  ...POLICY_TYPES,
  'POLICY_TYPE_ACCESS_REQUEST',
  'POLICY_TYPE_PROVISION',
]);

const PolicySteps = Type.Object({ steps: Opt(Type.Array(PolicyStep, { maxItems: 20 })) });
const PolicyStepsMap = Type.Record(WordString(), PolicySteps, { maxProperties: 6 });
const PostAction = Type.Object({ certifyRemediateImmediately: Opt(Type.Boolean()) });
const Rule = Type.Object({ condition: Opt(TextString()), policyKey: Opt(WordString()) });

/** The ConductorOne Policy, every field emitted. */
export const Policy = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  description: Type.String(),
  policyType: Type.String(),
  policySteps: PolicyStepsMap,
  postActions: Type.Array(PostAction),
  reassignTasksToDelegates: Type.Boolean(),
  rules: Type.Array(Rule),
  systemBuiltin: Type.Boolean(),
  createdAt: NullableTimestamp,
  updatedAt: NullableTimestamp,
  deletedAt: NullableTimestamp,
});
export type Policy = Static<typeof Policy>;

export function toPolicy(row: PolicyRow): Policy {
  return {
    id: row.id,
    displayName: row.display_name,
    description: row.description,
    policyType: row.policy_type,
    policySteps: { [stepsKeyOf(row.policy_type as PolicyType)]: { steps: row.steps.map(stepView) } },
    postActions: row.post_actions,
    reassignTasksToDelegates: false,
    rules: [],
    systemBuiltin: row.system_builtin,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** The writable fields, as CreatePolicyRequest and an update's `policy` carry them. */
const PolicyFields = {
  displayName: Opt(NameString()),
  description: Opt(TextString()),
  policyType: Opt(AllPolicyTypes),
  policySteps: Opt(PolicyStepsMap),
  postActions: Opt(Type.Array(PostAction, { maxItems: 10 })),
  reassignTasksToDelegates: Opt(Type.Boolean()),
  rules: Opt(Type.Array(Rule, { maxItems: 100 })),
};

export const NewPolicy = Type.Object({ ...PolicyFields, displayName: NameString({ minLength: 1 }) });
export type NewPolicy = Static<typeof NewPolicy>;

export const PolicyPatch = Type.Object(PolicyFields);
export type PolicyPatch = Static<typeof PolicyPatch>;

export const UpdatePolicyBody = Type.Object({ policy: Opt(PolicyPatch), updateMask: FieldMask });

/** Server-set: never written by an update. */
export const POLICY_READ_ONLY_FIELDS = ['id', 'systemBuiltin', 'createdAt', 'updatedAt', 'deletedAt'];

export const SearchPoliciesBody = Type.Object({
  ...PageBody,
  displayName: Opt(NameString()),
  query: Opt(QueryString()),
  policyTypes: Opt(filterList(AllPolicyTypes)),
  excludePolicyIds: Opt(filterList(IdString())),
  includeDeleted: Opt(Type.Boolean()),
  refs: Opt(filterList(Type.Object({ id: Opt(IdString()) }))),
});
export type SearchPoliciesBody = Static<typeof SearchPoliciesBody>;

export const PolicyResponse = Type.Object({ policy: Policy });
