/** Policies: how requests, revocations and reviews are decided. What other modules may use. */
export { DEFAULT_GRANT_POLICY_ID } from './builtin-policies.js';
export { findPolicyById, type PolicyRow } from './policies.repository.js';
export { toPolicy } from './policies.schemas.js';
export { type PoliciesService, type PolicyCatalogPorts, requirePolicyOfType } from './policies.service.js';
export {
  type Approval,
  type ApprovalKind,
  approvalKindOf,
  type PolicyStep,
  type PolicyType,
  type StepKind,
  stepKindOf,
  stepView,
} from './policy-steps.js';
