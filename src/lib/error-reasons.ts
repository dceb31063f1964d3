import type { ErrorCode } from './errors.js';

/**
 * Every `reason` an error of Roster's API can carry (CONTRACT.md §7.1): its gRPC code, the HTTP
 * status when it differs from the code's usual one, and what it means. `AppError` takes only these,
 * so a new reason is added here first; docs/errors.md and /openapi.json are generated from this.
 */
export const ERROR_REASONS = {
  // Requests the server could not read
  INVALID_REQUEST: {
    code: 'INVALID_ARGUMENT',
    meaning: 'The request does not match the operation’s schema; the message names the field.',
  },
  MALFORMED_JSON: { code: 'INVALID_ARGUMENT', meaning: 'The request body is not valid JSON.' },
  INVALID_CONTENT_LENGTH: { code: 'INVALID_ARGUMENT', meaning: 'Content-Length does not match the body.' },
  UNSUPPORTED_MEDIA_TYPE: {
    code: 'INVALID_ARGUMENT',
    httpStatus: 415,
    meaning: 'The body is not sent as application/json.',
  },
  REQUEST_TOO_LARGE: {
    code: 'RESOURCE_EXHAUSTED',
    httpStatus: 413,
    meaning: 'The body is larger than the route accepts; GET /roster/v1/limits tells the limits.',
  },
  INVALID_TEXT: {
    code: 'INVALID_ARGUMENT',
    meaning: 'A string holds a NUL character, a lone surrogate or bytes that are not UTF-8.',
  },
  MALFORMED_URL: { code: 'INVALID_ARGUMENT', meaning: 'The path is not valid percent-encoded UTF-8.' },
  PATH_PARAMETER_TOO_LONG: { code: 'INVALID_ARGUMENT', meaning: 'A path parameter is longer than allowed.' },
  MALFORMED_HTTP_REQUEST: {
    code: 'INVALID_ARGUMENT',
    meaning: 'The HTTP message itself is malformed (for example, conflicting length headers).',
  },
  HEADERS_TOO_LARGE: {
    code: 'INVALID_ARGUMENT',
    httpStatus: 431,
    meaning: 'The request headers are larger than the server accepts.',
  },
  REQUEST_TIMEOUT: {
    code: 'DEADLINE_EXCEEDED',
    httpStatus: 408,
    meaning: 'The request did not arrive in time.',
  },
  ROUTE_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No operation is served at this method and path.' },
  INVALID_ARGUMENT: {
    code: 'INVALID_ARGUMENT',
    meaning: 'A value of the request is refused; the message says which.',
  },
  INVALID_PAGE_TOKEN: { code: 'INVALID_ARGUMENT', meaning: 'The page token is not one Roster issued.' },
  PAGE_TOKEN_DIRECTION_MISMATCH: {
    code: 'INVALID_ARGUMENT',
    meaning: 'The page token was issued for the other sort direction.',
  },
  INVALID_CHANGE_CURSOR: {
    code: 'INVALID_ARGUMENT',
    meaning: 'The change-stream cursor is not one Roster issued; pass back a nextCursor, or "" to start.',
  },
  INVALID_TIMESTAMP: { code: 'INVALID_ARGUMENT', meaning: 'A timestamp is not RFC 3339.' },
  INVALID_TIME_RANGE: { code: 'INVALID_ARGUMENT', meaning: 'since is later than until.' },
  TIMESTAMP_OUT_OF_RANGE: { code: 'INVALID_ARGUMENT', meaning: 'A timestamp is after the year 9999.' },
  INVALID_UPDATE_MASK: {
    code: 'INVALID_ARGUMENT',
    meaning: 'updateMask names a field that cannot be updated.',
  },
  FIELD_NOT_CHANGEABLE: {
    code: 'INVALID_ARGUMENT',
    meaning: 'The update names a field (metadata.field) this caller cannot set to the value sent.',
  },
  DISPLAY_NAME_REQUIRED: { code: 'INVALID_ARGUMENT', meaning: 'displayName is empty.' },
  INVALID_IDEMPOTENCY_KEY: { code: 'INVALID_ARGUMENT', meaning: 'The Idempotency-Key header is malformed.' },
  IDEMPOTENCY_KEY_REUSED: {
    code: 'ABORTED',
    meaning: 'The Idempotency-Key was already used with a different request.',
  },
  // Authentication and permission
  TOKEN_MISSING: { code: 'UNAUTHENTICATED', meaning: 'No bearer access token was sent.' },
  TOKEN_MALFORMED: { code: 'UNAUTHENTICATED', meaning: 'The Authorization header is not a bearer token.' },
  TOKEN_INVALID: {
    code: 'UNAUTHENTICATED',
    meaning: 'The access token’s signature or claims are not valid.',
  },
  TOKEN_EXPIRED: { code: 'UNAUTHENTICATED', meaning: 'The access token has expired; fetch a new one.' },
  CLIENT_REVOKED: {
    code: 'UNAUTHENTICATED',
    meaning: 'The API client of the token is deleted or expired.',
  },
  METRICS_TOKEN_REQUIRED: { code: 'UNAUTHENTICATED', meaning: '/metrics needs the metrics bearer token.' },
  PERMISSION_DENIED: { code: 'PERMISSION_DENIED', meaning: 'The caller’s roles do not allow the operation.' },
  SOURCE_ADDRESS_NOT_ALLOWED: {
    code: 'PERMISSION_DENIED',
    meaning: 'The client may not be used from the request’s source address.',
  },
  SCOPE_EXCEEDS_CALLER: {
    code: 'PERMISSION_DENIED',
    meaning: 'A scoped client cannot give a new client a role it does not act with.',
  },
  // The console's sessions (src/modules/console)
  SESSION_MISSING: { code: 'UNAUTHENTICATED', meaning: 'The console request carries no session cookie.' },
  SESSION_INVALID: { code: 'UNAUTHENTICATED', meaning: 'The session cookie names no console session.' },
  SESSION_EXPIRED: {
    code: 'UNAUTHENTICATED',
    meaning: 'The console session passed its idle or absolute expiry; sign in again.',
  },
  SESSION_REVOKED: {
    code: 'UNAUTHENTICATED',
    meaning: 'The user or API client behind the console session is gone; sign in again.',
  },
  SIGN_IN_REFUSED: { code: 'UNAUTHENTICATED', meaning: 'The console sign-in credentials were refused.' },
  TOO_MANY_FAILURES: {
    code: 'RESOURCE_EXHAUSTED',
    meaning: 'Too many failed console sign-ins from this address or for this client; wait a minute.',
  },
  CSRF_TOKEN_INVALID: {
    code: 'PERMISSION_DENIED',
    meaning: 'A change made with a console session lacks the session’s CSRF token header.',
  },
  // Things that do not exist
  APP_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No live app has this ID.' },
  APP_RESOURCE_TYPE_NOT_FOUND: {
    code: 'NOT_FOUND',
    meaning: 'No live resource type of the app has this ID.',
  },
  APP_RESOURCE_NOT_FOUND: {
    code: 'NOT_FOUND',
    meaning: 'No live resource of the resource type has this ID.',
  },
  ENTITLEMENT_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No live entitlement of the app has this ID.' },
  APP_USER_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No app user of the app has this ID.' },
  USER_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No live user has this ID.' },
  GRANT_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'The app user holds no live grant of the entitlement.' },
  ROLE_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No role has this ID.' },
  PERSONAL_CLIENT_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'The caller has no API client with this ID.' },
  BULK_ACTION_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No bulk action has this ID.' },
  SCIM_CONNECTION_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No live SCIM connection has this ID.' },
  POLICY_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No live policy has this ID.' },
  TASK_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No task the caller may see has this ID or number.' },
  ACCESS_REVIEW_NOT_FOUND: {
    code: 'NOT_FOUND',
    meaning: 'No live access review (campaign) the caller may see has this ID.',
  },
  WEBHOOK_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'No live webhook the caller may see has this ID.' },
  WEBHOOK_DELIVERY_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'The webhook has no delivery with this ID.' },
  UNKNOWN_EVENT_UID: {
    code: 'INVALID_ARGUMENT',
    meaning: 'sinceEventUid is not the uid of a system-log event.',
  },
  // Refused values
  ALIAS_TAKEN: { code: 'ALREADY_EXISTS', meaning: 'Another entitlement of the app has this alias.' },
  EMAIL_TAKEN: {
    code: 'ALREADY_EXISTS',
    meaning: 'Another live user has this email, compared ignoring case; the message names them.',
  },
  DURATION_CONFLICT: { code: 'INVALID_ARGUMENT', meaning: 'durationGrant and durationUnset are both set.' },
  INVALID_GRANT_DURATION: {
    code: 'INVALID_ARGUMENT',
    meaning: 'grantDuration is not a positive number of seconds within the limit.',
  },
  DEPROVISION_AT_NOT_IN_FUTURE: { code: 'INVALID_ARGUMENT', meaning: 'deprovisionAt is not in the future.' },
  DEPROVISION_AT_REQUIRED: { code: 'INVALID_ARGUMENT', meaning: 'The update needs a deprovisionAt.' },
  CONFLICTING_GRANT_EXPIRY: {
    code: 'INVALID_ARGUMENT',
    meaning: 'The request sets the grant’s expiry in two ways that disagree.',
  },
  TOO_MANY_USER_IDS: {
    code: 'INVALID_ARGUMENT',
    meaning: 'The request names more user IDs than one bulk action takes.',
  },
  WEBHOOK_URL_REFUSED: {
    code: 'INVALID_ARGUMENT',
    meaning: 'The webhook URL is not https://, or names a private, loopback or link-local address.',
  },
  UNKNOWN_ROLE: { code: 'INVALID_ARGUMENT', meaning: 'A role ID names no role.' },
  INVALID_CIDR: {
    code: 'INVALID_ARGUMENT',
    meaning: 'An allowed source is not an IP address or CIDR block.',
  },
  INVALID_EXPIRY: { code: 'INVALID_ARGUMENT', meaning: 'A client’s expiry is not a positive duration.' },
  OWNER_NOT_FOUND: { code: 'INVALID_ARGUMENT', meaning: 'A named owner is not a user.' },
  OWNER_DELETED: { code: 'INVALID_ARGUMENT', meaning: 'A named owner is a deleted user.' },
  USER_DELETED: { code: 'INVALID_ARGUMENT', meaning: 'The named user is deleted; name a live user.' },
  MALFORMED_CSV: { code: 'INVALID_ARGUMENT', meaning: 'The imported CSV cannot be parsed.' },
  INVALID_IMPORT: {
    code: 'INVALID_ARGUMENT',
    meaning: 'The import is not a list of users, or lists too many; the message says which.',
  },
  UNSUPPORTED_POLICY_FIELD: {
    code: 'INVALID_ARGUMENT',
    meaning: 'A policy sets a field Roster does not run, or sets it wrongly; metadata.field names it.',
  },
  POLICY_REFERENCE_INVALID: {
    code: 'INVALID_ARGUMENT',
    meaning:
      'A policy or entitlement names a user, entitlement or policy that is missing or of the wrong type.',
  },
  UNSUPPORTED_ACCESS_REVIEW_FIELD: {
    code: 'INVALID_ARGUMENT',
    meaning:
      'An access review sets a field or value Roster does not run (a scope type, a scope member); metadata.field names it.',
  },
  ACCESS_REVIEW_FIELD_REQUIRED: {
    code: 'INVALID_ARGUMENT',
    meaning: 'An access review needs this field (displayName, ownerIds, policyId…); metadata.field names it.',
  },
  COMPLETION_DATE_NOT_IN_FUTURE: {
    code: 'INVALID_ARGUMENT',
    meaning: 'An access review’s completionDate is not in the future.',
  },
  OWNER_DISABLED: { code: 'INVALID_ARGUMENT', meaning: 'A named owner is a disabled user.' },
  REASON_REQUIRED: {
    code: 'INVALID_ARGUMENT',
    meaning: 'The policy step needs a reason (the comment) to approve, deny or reassign.',
  },
  REASSIGNEE_NOT_ALLOWED: {
    code: 'INVALID_ARGUMENT',
    meaning:
      'A user in `newStepUserIds` (`metadata.userId`) may not take the step; the message says why (CONTRACT.md §7.26).',
  },
  // The state of things
  ENTITLEMENT_NOT_MANUALLY_MANAGED: {
    code: 'FAILED_PRECONDITION',
    meaning: 'Members of the entitlement are managed by its connector, not by hand.',
  },
  ENTITLEMENT_MANAGED_BY_SCIM: {
    code: 'FAILED_PRECONDITION',
    meaning:
      'An identity provider owns the entitlement (a SCIM group): it and its members change only through its SCIM connection, named in `metadata.scimConnectionId`.',
  },
  BUILTIN_ROLE_IMMUTABLE: {
    code: 'FAILED_PRECONDITION',
    meaning: 'That field of a built-in role cannot be changed.',
  },
  BUILTIN_POLICY_IMMUTABLE: {
    code: 'FAILED_PRECONDITION',
    meaning: 'A built-in policy cannot be changed or deleted.',
  },
  POLICY_IN_USE: {
    code: 'FAILED_PRECONDITION',
    meaning: 'Entitlements, apps or other policies still name the policy; metadata says which.',
  },
  TASK_CLOSED: { code: 'FAILED_PRECONDITION', meaning: 'The task is closed; nothing about it can change.' },
  TASK_STEP_NOT_CURRENT: {
    code: 'FAILED_PRECONDITION',
    meaning: 'The action names a policy step that is not the task’s current step.',
  },
  REASSIGNMENT_NOT_ALLOWED: {
    code: 'FAILED_PRECONDITION',
    meaning:
      'The step’s approval does not allow reassignment (`allowReassignment`); only a Super Admin may reassign it.',
  },
  REASSIGNMENT_UNCHANGED: {
    code: 'FAILED_PRECONDITION',
    meaning: 'The step already waits for exactly the users named: the reassignment would change nothing.',
  },
  TASK_NOTHING_TO_PROCESS: {
    code: 'FAILED_PRECONDITION',
    meaning:
      'ProcessNow: the task’s current step waits for nothing timed (only a wait step or an approval that escalates can be processed now).',
  },
  TASK_NOT_A_GRANT: {
    code: 'FAILED_PRECONDITION',
    meaning: 'The action applies only to a grant task (emergency access, request data).',
  },
  EMERGENCY_ACCESS_UNAVAILABLE: {
    code: 'FAILED_PRECONDITION',
    meaning:
      'The task cannot escalate to emergency access: its entitlement has no emergencyGrantPolicyId, or the task already is emergency access.',
  },
  ACCESS_REVIEW_NOT_DRAFT: {
    code: 'FAILED_PRECONDITION',
    meaning:
      'Only a DRAFT access review may be deleted or have its policy and scope changed; metadata.state says what it is.',
  },
  ACCESS_REVIEW_CLOSED: {
    code: 'FAILED_PRECONDITION',
    meaning: 'The access review is closed; nothing about it can change.',
  },
  ACCESS_REVIEW_NOT_OPEN: {
    code: 'FAILED_PRECONDITION',
    meaning:
      'The access review is not open: only an OPEN campaign is decided or closed (a DRAFT is started first); metadata.state says what it is.',
  },
  ACCESS_REVIEW_NO_SCOPE: {
    code: 'FAILED_PRECONDITION',
    meaning: 'The access review names no app or entitlement to review; set its scope before starting it.',
  },
  ACCESS_REVIEW_NOT_STARTED: {
    code: 'FAILED_PRECONDITION',
    meaning:
      'The access review is a draft: its population is frozen when it starts, so it has no evidence pack yet.',
  },
  ACCESS_REVIEW_POPULATING: {
    code: 'FAILED_PRECONDITION',
    meaning:
      'The access review’s start job is still creating its certify tasks; close it once GET …/progress says populated.',
  },
  CERTIFY_POLICY_UNSUPPORTED: {
    code: 'FAILED_PRECONDITION',
    meaning: 'The campaign’s CERTIFY policy must begin with an approval step, which names the reviewers.',
  },
  BULK_ACTION_FINISHED: { code: 'FAILED_PRECONDITION', meaning: 'The bulk action has already finished.' },
  BULK_ACTION_IN_PROGRESS: {
    code: 'ABORTED',
    meaning: 'A bulk action on the entitlement is still running; retry when it ends.',
  },
  MEMBERSHIP_CHANGE_PENDING: {
    code: 'ABORTED',
    meaning: 'A pending bulk action on the entitlement still has to reach this user.',
  },
  IF_MATCH_REQUIRED: {
    code: 'FAILED_PRECONDITION',
    meaning: 'Setting exact membership needs If-Match (a dry run does not).',
  },
  MEMBERSHIP_CHANGED: {
    code: 'FAILED_PRECONDITION',
    meaning: 'The membership changed since the version sent in If-Match.',
  },
  // The server
  DATABASE_UNAVAILABLE: { code: 'UNAVAILABLE', meaning: 'The database cannot be reached.' },
  MIGRATIONS_PENDING: { code: 'UNAVAILABLE', meaning: 'The database schema is older than the server.' },
  INTERNAL: { code: 'INTERNAL', meaning: 'A fault of the server; the log has the request ID.' },
} as const satisfies Record<string, ReasonInfo>;

interface ReasonInfo {
  readonly code: ErrorCode;
  readonly httpStatus?: number;
  readonly meaning: string;
}

export type Reason = keyof typeof ERROR_REASONS;

/** The gRPC code a reason is sent with. */
export type CodeOf<R extends Reason> = (typeof ERROR_REASONS)[R]['code'];

/** The reasons sent with one gRPC code. */
export type ReasonOf<C extends ErrorCode> = {
  [R in Reason]: CodeOf<R> extends C ? R : never;
}[Reason];
