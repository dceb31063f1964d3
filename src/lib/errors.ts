/**
 * The one error type of Roster. `code` is a gRPC status name (the ConductorOne API is gRPC behind a
 * gateway), `reason` a stable UPPER_SNAKE string programs can branch on (CONTRACT.md §7.1).
 * The HTTP status and wire body are derived in one place: src/http/errors.ts.
 */
import type { CodeOf, Reason, ReasonOf } from './error-reasons.js';

export const GRPC_CODES = {
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

export type ErrorCode = keyof typeof GRPC_CODES;

/**
 * The reason must be catalogued (src/lib/error-reasons.ts) and sent with the code the catalogue
 * gives it: `R` is inferred from the reason, and the code is checked against it.
 */
export class AppError<R extends Reason = Reason> extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: CodeOf<R>,
    message: string,
    readonly reason: R,
    readonly metadata: Record<string, string> = {},
    /** Overrides the status the catalogue gives the reason, for Fastify's own 4xx refusals. */
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

/** What `notFound` can be asked about, and the reason each answers with. */
const NOT_FOUND_REASONS = {
  app: 'APP_NOT_FOUND',
  'app resource type': 'APP_RESOURCE_TYPE_NOT_FOUND',
  'app resource': 'APP_RESOURCE_NOT_FOUND',
  'app entitlement': 'ENTITLEMENT_NOT_FOUND',
  'app user': 'APP_USER_NOT_FOUND',
  user: 'USER_NOT_FOUND',
  'grant of app user': 'GRANT_NOT_FOUND',
  role: 'ROLE_NOT_FOUND',
  'personal client': 'PERSONAL_CLIENT_NOT_FOUND',
  'bulk action': 'BULK_ACTION_NOT_FOUND',
  'SCIM connection': 'SCIM_CONNECTION_NOT_FOUND',
  policy: 'POLICY_NOT_FOUND',
  task: 'TASK_NOT_FOUND',
  'access review': 'ACCESS_REVIEW_NOT_FOUND',
} as const satisfies Record<string, ReasonOf<'NOT_FOUND'>>;

export const notFound = (what: keyof typeof NOT_FOUND_REASONS, id: string) =>
  new AppError('NOT_FOUND', `${what} ${JSON.stringify(id)} not found`, NOT_FOUND_REASONS[what], { id });

export const invalidArgument = (
  message: string,
  reason: ReasonOf<'INVALID_ARGUMENT'> = 'INVALID_ARGUMENT',
  metadata: Record<string, string> = {},
) => new AppError('INVALID_ARGUMENT', message, reason, metadata);
