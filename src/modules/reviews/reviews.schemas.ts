import { type Static, Type } from 'typebox';
import { IdString, NameString, TextString, WordString } from '../../http/strings.js';
import { Expanded, ExpandMask, FieldMask, Int64, Opt, Timestamp } from '../../http/wire.js';
import type { AccessReviewRow, ScopeEntry } from './reviews.repository.js';

/**
 * The wire shapes of ConductorOne's AccessReviewService and AccessReviewSetupEntitlementService, as
 * the official TypeScript SDK (1.2) models them in src/sdk/models/shared/accessreview*.ts. Field
 * names are the wire names of the models' inbound/outbound schemas: the SDK's `accessReviewScopeV2`
 * travels as `scopeV2`, its `accessReviewView` as `accessReview`, its `accessReviewSetupEntitlement`
 * as `accessReviewEntitlement`.
 */

export const ACCESS_REVIEW_STATES = {
  draft: 'ACCESS_REVIEW_STATE_DRAFT',
  open: 'ACCESS_REVIEW_STATE_OPEN',
  closed: 'ACCESS_REVIEW_STATE_CLOSED',
} as const;

export const BY_ENTITLEMENTS = 'ACCESS_REVIEW_SCOPE_TYPE_BY_ENTITLEMENTS';
export const SCOPE_TYPES = [
  'ACCESS_REVIEW_SCOPE_TYPE_UNSPECIFIED',
  BY_ENTITLEMENTS,
  'ACCESS_REVIEW_SCOPE_TYPE_BY_ACCESS_CONFLICTS',
  'ACCESS_REVIEW_SCOPE_TYPE_BY_RESOURCE',
] as const;

export const CLOSE_DECISIONS = [
  'CLOSE_DECISION_UNSPECIFIED',
  'CLOSE_DECISION_REVOKED',
  'CLOSE_DECISION_SKIP',
  'CLOSE_DECISION_NO_ACTION',
] as const;

/** Any protobuf message Roster does not model: accepted so that it can be refused by name. */
const AnyMessage = Type.Object({}, { additionalProperties: true });

/**
 * The members of AccessReviewScopeV2, each in one of six oneofs. Roster reviews what the selected
 * apps and entitlements grant (`appAccess`) to every user, account and grant: the other members are
 * refused (UNSUPPORTED_ACCESS_REVIEW_FIELD).
 */
export const SCOPE_V2_MEMBERS = [
  'appAccess',
  'specificResources',
  'appSelectionCriteria',
  'resourceTypeSelections',
  'allUsers',
  'selectedUsers',
  'userCriteria',
  'celExpression',
  'allAccounts',
  'accountCriteria',
  'accountCelExpression',
  'allGrants',
  'grantsByCriteria',
  'allAccessConflicts',
  'specificAccessConflicts',
  'resourceSelection',
] as const;
export const SUPPORTED_SCOPE_V2 = ['appAccess', 'allUsers', 'allAccounts', 'allGrants'] as const;

export const ScopeV2Input = Type.Object(
  Object.fromEntries(SCOPE_V2_MEMBERS.map((member) => [member, Opt(AnyMessage)])) as Record<
    (typeof SCOPE_V2_MEMBERS)[number],
    ReturnType<typeof Opt<typeof AnyMessage>>
  >,
);
export type ScopeV2Input = Static<typeof ScopeV2Input>;

const EmptyMessage = Type.Object({});
/** What Roster answers: the members in force, each an empty message as the SDK models them. */
export const ScopeV2 = Type.Object(
  Object.fromEntries(SUPPORTED_SCOPE_V2.map((member) => [member, Type.Optional(EmptyMessage)])) as Record<
    (typeof SUPPORTED_SCOPE_V2)[number],
    Type.TOptional<typeof EmptyMessage>
  >,
);

/**
 * The AccessReview message. Every scalar and enum field is emitted (CONTRACT.md §1); an unset
 * timestamp or message is left out, because the SDK's model takes neither as null. `ownerIds` is
 * Roster's extension: the SDK's AccessReview has no owners, and SDKs ignore unknown fields.
 */
export const AccessReview = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  description: Type.String(),
  state: Type.String(),
  policyId: Type.String(),
  scopeType: Type.String(),
  scopeV2: ScopeV2,
  completionDate: Type.Optional(Type.String()),
  autoCloseCampaign: Type.Boolean(),
  autoCloseDecision: Type.String(),
  createdById: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  startedAt: Type.Optional(Type.String()),
  closedAt: Type.Optional(Type.String()),
  accessReviewTemplateId: Type.String(),
  accuracyIssueAction: Type.String(),
  autoGenerateReport: Type.Boolean(),
  autoResolve: Type.Boolean(),
  autoStartCampaign: Type.Boolean(),
  defaultView: Type.String(),
  exemptCertifiedAccessConflicts: Type.Boolean(),
  expectedTicketCount: Type.Integer(),
  hasAccuracySupport: Type.Boolean(),
  reviewInstructions: Type.String(),
  scopingVersion: Int64,
  usePolicyOverride: Type.Boolean(),
  ownerIds: Type.Array(Type.String()),
});
export type AccessReview = Static<typeof AccessReview>;

export function toAccessReview(row: AccessReviewRow): AccessReview {
  return {
    id: row.id,
    displayName: row.display_name,
    description: row.description,
    state: row.state,
    policyId: row.policy_id,
    scopeType: row.scope_type,
    scopeV2: row.scope_v2,
    ...(row.completion_date === null ? {} : { completionDate: row.completion_date }),
    autoCloseCampaign: row.auto_close_campaign,
    autoCloseDecision: row.auto_close_decision,
    createdById: row.created_by_user_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.started_at === null ? {} : { startedAt: row.started_at }),
    ...(row.closed_at === null ? {} : { closedAt: row.closed_at }),
    accessReviewTemplateId: '',
    accuracyIssueAction: 'ACCURACY_ISSUE_ACTION_UNSPECIFIED',
    autoGenerateReport: false,
    autoResolve: false,
    autoStartCampaign: false,
    defaultView: 'ACCESS_REVIEW_VIEW_TYPE_UNSPECIFIED',
    exemptCertifiedAccessConflicts: false,
    expectedTicketCount: row.population_size,
    hasAccuracySupport: false,
    reviewInstructions: '',
    scopingVersion: '0',
    usePolicyOverride: false,
    ownerIds: row.owner_ids,
  };
}

/** AccessReviewView: the campaign and the JSONPaths of its expanded objects ("" = not expanded). */
export const AccessReviewView = Type.Object({
  accessReview: AccessReview,
  createdByUserPath: Type.String(),
  policyPath: Type.String(),
});

export const accessReviewView = (row: AccessReviewRow) => ({
  accessReview: toAccessReview(row),
  createdByUserPath: '',
  policyPath: '',
});

/** AccessReviewServiceCreateResponse, GetResponse and UpdateResponse. */
export const AccessReviewResponse = Type.Object({ accessReview: AccessReviewView, expanded: Expanded });

export const AccessReviewListResponse = Type.Object({
  list: Type.Array(AccessReviewView),
  nextPageToken: Type.String(),
  expanded: Expanded,
});

/** A campaign names at most this many owners. */
export const MAX_OWNERS = 100;

export const CreateAccessReviewBody = Type.Object({
  displayName: Opt(NameString()),
  description: Opt(TextString()),
  ownerIds: Opt(Type.Array(IdString(), { maxItems: MAX_OWNERS })),
  policyId: Opt(IdString()),
  scopeType: Opt(WordString()),
  scopeV2: Opt(ScopeV2Input),
  completionDate: Opt(Timestamp),
  duplicateFrom: Opt(IdString()),
  notificationConfig: Opt(AnyMessage),
  expandMask: ExpandMask,
});
export type CreateAccessReviewBody = Static<typeof CreateAccessReviewBody>;

/**
 * An update's `accessReview` (the SDK's AccessReviewInput): every field of the model is declared so
 * that a field Roster does not run is refused by name rather than dropped unseen.
 */
export const AccessReviewPatch = Type.Object({
  displayName: Opt(NameString()),
  description: Opt(TextString()),
  ownerIds: Opt(Type.Array(IdString(), { maxItems: MAX_OWNERS })),
  policyId: Opt(IdString()),
  scopeType: Opt(WordString()),
  scopeV2: Opt(ScopeV2Input),
  completionDate: Opt(Timestamp),
  autoCloseCampaign: Opt(Type.Boolean()),
  autoCloseDecision: Opt(WordString()),
  accuracyIssueAction: Opt(WordString()),
  autoGenerateReport: Opt(Type.Boolean()),
  autoResolve: Opt(Type.Boolean()),
  autoStartCampaign: Opt(Type.Boolean()),
  defaultView: Opt(WordString()),
  exemptCertifiedAccessConflicts: Opt(Type.Boolean()),
  reviewInstructions: Opt(TextString()),
  scheduledStartDate: Opt(Timestamp),
  usePolicyOverride: Opt(Type.Boolean()),
  bindings: Opt(AnyMessage),
  multiApp: Opt(AnyMessage),
  singleApp: Opt(AnyMessage),
  columnConfig: Opt(AnyMessage),
  exclusionScope: Opt(AnyMessage),
  inclusionScope: Opt(AnyMessage),
  notificationConfig: Opt(AnyMessage),
  scope: Opt(AnyMessage),
  signatureConfig: Opt(AnyMessage),
});
export type AccessReviewPatch = Static<typeof AccessReviewPatch>;

/** Server-set: never written by an update, whether masked or sent (CONTRACT.md §7.6). */
export const ACCESS_REVIEW_READ_ONLY_FIELDS = [
  'id',
  'state',
  'createdAt',
  'updatedAt',
  'createdById',
  'startedAt',
  'closedAt',
  'accessReviewTemplateId',
  'campaignInsights',
  'connectorSourcesFrozenAt',
  'expectedTicketCount',
  'hasAccuracySupport',
  'scopingVersion',
];

export const UpdateAccessReviewBody = Type.Object({
  accessReview: Opt(AccessReviewPatch),
  updateMask: FieldMask,
  expandMask: ExpandMask,
});

/** AccessReviewSetupEntitlementInput: an entitlement, or a whole app when appEntitlementId is empty. */
const SetupEntitlementInput = Type.Object({
  appId: Opt(IdString()),
  appEntitlementId: Opt(IdString()),
});

/** A campaign's scope holds at most this many apps and entitlements. */
export const MAX_SCOPE_ENTRIES = 1_000;

export const SetScopeBody = Type.Object({
  entitlements: Opt(Type.Array(SetupEntitlementInput, { maxItems: MAX_SCOPE_ENTRIES })),
  scopeV2: Opt(ScopeV2Input),
  expandMask: ExpandMask,
});
export type SetScopeBody = Static<typeof SetScopeBody>;

/** AccessReviewSetupEntitlement. */
const SetupEntitlement = Type.Object({
  accessReviewId: Type.String(),
  appId: Type.String(),
  appEntitlementId: Type.String(),
  appResourceTypeId: Type.String(),
  appResourceId: Type.String(),
  customPolicyId: Type.String(),
  policyId: Type.String(),
  tenantId: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const SetupEntitlementView = Type.Object({
  accessReviewEntitlement: SetupEntitlement,
  appPath: Type.String(),
  entitlementPath: Type.String(),
  policyPath: Type.String(),
});

function setupEntitlementView(entry: ScopeEntry) {
  return {
    accessReviewEntitlement: {
      accessReviewId: entry.access_review_id,
      appId: entry.app_id,
      appEntitlementId: entry.app_entitlement_id,
      appResourceTypeId: entry.app_resource_type_id,
      appResourceId: entry.app_resource_id,
      customPolicyId: '',
      policyId: '',
      tenantId: '',
      createdAt: entry.created_at,
      updatedAt: entry.created_at,
    },
    appPath: '',
    entitlementPath: '',
    policyPath: '',
  };
}

/** AccessReviewSetupEntitlementAndScopeServiceSetResponse, which the Get answers too. */
export const ScopeResponse = Type.Object({
  list: Type.Array(SetupEntitlementView),
  expanded: Expanded,
  scopeV2: ScopeV2,
});

export const scopeResponse = (row: AccessReviewRow, entries: readonly ScopeEntry[]) => ({
  list: entries.map(setupEntitlementView),
  expanded: [],
  scopeV2: row.scope_v2,
});
