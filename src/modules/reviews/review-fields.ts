/** What a campaign may say, field by field: the values Roster runs, and the refusal of the rest. */
import type { UpdateRules } from '../../http/update-mask.js';
import { invalidArgument } from '../../lib/errors.js';
import type { AccessReviewRow, ScopeV2 } from './reviews.repository.js';
import {
  type AccessReviewPatch,
  BY_ENTITLEMENTS,
  SCOPE_V2_MEMBERS,
  type ScopeV2Input,
  SUPPORTED_SCOPE_V2,
} from './reviews.schemas.js';

/** The auto-close decisions Roster runs: revoke what is undecided, or leave it (item 5 of issue 20). */
export const RUN_CLOSE_DECISIONS = [
  'CLOSE_DECISION_UNSPECIFIED',
  'CLOSE_DECISION_REVOKED',
  'CLOSE_DECISION_SKIP',
];

export const unsupported = (field: string, why: string) =>
  invalidArgument(`${field}: ${why}`, 'UNSUPPORTED_ACCESS_REVIEW_FIELD', { field });
export const required = (field: string, why: string) =>
  invalidArgument(`${field} is required: ${why}`, 'ACCESS_REVIEW_FIELD_REQUIRED', { field });

export function scopeTypeOf(value: string | null | undefined): string {
  if (
    value === null ||
    value === undefined ||
    value === '' ||
    value === 'ACCESS_REVIEW_SCOPE_TYPE_UNSPECIFIED'
  )
    return BY_ENTITLEMENTS;
  if (value !== BY_ENTITLEMENTS) {
    throw unsupported('scopeType', `Roster reviews by entitlements only (${BY_ENTITLEMENTS}), not ${value}`);
  }
  return value;
}

/**
 * The scope in force: the members Roster runs, all of them set, whatever subset the client sent; a
 * member it does not run is refused by name.
 */
export function scopeV2Of(input: ScopeV2Input | null | undefined): ScopeV2 {
  for (const member of SCOPE_V2_MEMBERS) {
    const value = input?.[member];
    if (value === null || value === undefined) continue;
    if (!(SUPPORTED_SCOPE_V2 as readonly string[]).includes(member)) {
      throw unsupported(
        `scopeV2.${member}`,
        `Roster reviews every user, account and grant of the selected apps and entitlements (${SUPPORTED_SCOPE_V2.join(', ')})`,
      );
    }
    if (Object.keys(value).length > 0) {
      throw unsupported(`scopeV2.${member}`, 'takes no settings');
    }
  }
  return Object.fromEntries(SUPPORTED_SCOPE_V2.map((member) => [member, {}]));
}

/** The rule of a field Roster does not run: its unset value passes and changes nothing. */
function refuseSet(field: string, set: boolean): Partial<AccessReviewRow> {
  if (set) throw unsupported(field, 'not run by Roster');
  return {};
}

export const isSetMessage = (value: object | null | undefined) =>
  value !== null && value !== undefined && Object.keys(value).length > 0;

/** autoCloseCampaign needs a date to close at and a decision for what is left undecided. */
export function checkAutoClose(
  row: Pick<AccessReviewRow, 'auto_close_campaign' | 'completion_date' | 'auto_close_decision'>,
) {
  if (!row.auto_close_campaign) return;
  if (row.completion_date === null)
    throw required('completionDate', 'autoCloseCampaign closes the campaign at its completionDate');
  if (row.auto_close_decision === 'CLOSE_DECISION_UNSPECIFIED')
    throw required('autoCloseDecision', 'autoCloseCampaign needs to know what to do with undecided items');
}

/**
 * The update rules of the AccessReview fields Roster does not run: an unset (default) value passes
 * and changes nothing, so a campaign read back can be sent back; a set one is refused by name.
 */
export const UNRUN_FIELD_RULES: UpdateRules<AccessReviewPatch, AccessReviewRow> = {
  accuracyIssueAction: (value) => {
    return refuseSet('accuracyIssueAction', !!value && value !== 'ACCURACY_ISSUE_ACTION_UNSPECIFIED');
  },
  defaultView: (value) => {
    return refuseSet('defaultView', !!value && value !== 'ACCESS_REVIEW_VIEW_TYPE_UNSPECIFIED');
  },
  autoGenerateReport: (value) => refuseSet('autoGenerateReport', value === true),
  autoResolve: (value) => refuseSet('autoResolve', value === true),
  autoStartCampaign: (value) => refuseSet('autoStartCampaign', value === true),
  exemptCertifiedAccessConflicts: (value) => refuseSet('exemptCertifiedAccessConflicts', value === true),
  usePolicyOverride: (value) => refuseSet('usePolicyOverride', value === true),
  reviewInstructions: (value) => refuseSet('reviewInstructions', !!value),
  scheduledStartDate: (value) => refuseSet('scheduledStartDate', !!value),
  bindings: (value) => refuseSet('bindings', value !== undefined),
  multiApp: (value) => refuseSet('multiApp', value !== undefined),
  singleApp: (value) => refuseSet('singleApp', value !== undefined),
  columnConfig: (value) => refuseSet('columnConfig', isSetMessage(value)),
  exclusionScope: (value) => refuseSet('exclusionScope', isSetMessage(value)),
  inclusionScope: (value) => refuseSet('inclusionScope', isSetMessage(value)),
  notificationConfig: (value) => refuseSet('notificationConfig', isSetMessage(value)),
  scope: (value) => refuseSet('scope', isSetMessage(value)),
  signatureConfig: (value) => refuseSet('signatureConfig', isSetMessage(value)),
};
