/**
 * The one error type of Roster. `code` is a gRPC status name (the ConductorOne API is gRPC behind a
 * gateway), `reason` a stable UPPER_SNAKE string programs can branch on (CONTRACT.md §7.1).
 * The HTTP status and wire body are derived in one place: src/http/errors.ts.
 */
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

export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason: string = code,
    readonly metadata: Record<string, string> = {},
    /** Overrides the status derived from `code`, for HTTP-only cases such as 413. */
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

export const notFound = (
  what: string,
  id: string,
  reason = `${what.toUpperCase().replace(/ /g, '_')}_NOT_FOUND`,
) => new AppError('NOT_FOUND', `${what} ${JSON.stringify(id)} not found`, reason, { id });

export const invalidArgument = (
  message: string,
  reason = 'INVALID_ARGUMENT',
  metadata: Record<string, string> = {},
) => new AppError('INVALID_ARGUMENT', message, reason, metadata);
