import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_REASONS, type Reason } from '../lib/error-reasons.js';
import { AppError, type ErrorCode, GRPC_CODES } from '../lib/errors.js';
import { MAX_PATH_PARAM_LENGTH } from './strings.js';
import { describeValidation } from './validation.js';

/** gRPC-gateway's mapping of status codes to HTTP (CONTRACT.md §1, Errors). */
const HTTP_STATUS: Record<ErrorCode, number> = {
  CANCELLED: 499,
  UNKNOWN: 500,
  INVALID_ARGUMENT: 400,
  DEADLINE_EXCEEDED: 504,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  PERMISSION_DENIED: 403,
  RESOURCE_EXHAUSTED: 429,
  FAILED_PRECONDITION: 400,
  ABORTED: 409,
  OUT_OF_RANGE: 400,
  UNIMPLEMENTED: 501,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  UNAUTHENTICATED: 401,
};

/** The HTTP status a reason is answered with: the catalogue's, else its gRPC code's. */
export function httpStatusOfReason(reason: Reason): number {
  const info: { code: ErrorCode; httpStatus?: number } = ERROR_REASONS[reason];
  return info.httpStatus ?? HTTP_STATUS[info.code];
}

export function httpStatusOfCode(code: ErrorCode): number {
  return HTTP_STATUS[code];
}

export function httpStatusOf(error: AppError): number {
  return error.httpStatus ?? httpStatusOfReason(error.reason);
}

/** The error body of CONTRACT.md §7.1: a google.rpc.Status with one ErrorInfo. */
export interface ErrorBody {
  code: number;
  message: string;
  details: [
    {
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo';
      reason: string;
      domain: 'roster';
      metadata: Record<string, string>;
    },
  ];
}

export function errorBody(error: AppError, requestId?: string): ErrorBody {
  return {
    code: GRPC_CODES[error.code],
    message: error.message,
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: error.reason,
        domain: 'roster',
        metadata: requestId ? { ...error.metadata, requestId } : error.metadata,
      },
    ],
  };
}

/**
 * A body over the route's limit (CONTRACT.md §7.16): the answer names the limit in bytes, which
 * Fastify's error does not, and where the limits are published.
 */
function bodyTooLarge(request: FastifyRequest | undefined): AppError {
  const limit = request?.routeOptions.bodyLimit;
  if (limit === undefined) {
    return new AppError(
      'RESOURCE_EXHAUSTED',
      'request body is larger than this route accepts; GET /roster/v1/limits lists the limits',
      'REQUEST_TOO_LARGE',
    );
  }
  return new AppError(
    'RESOURCE_EXHAUSTED',
    `request body is larger than this route's limit of ${limit} bytes; GET /roster/v1/limits lists the limits`,
    'REQUEST_TOO_LARGE',
    { limitBytes: String(limit) },
  );
}

/**
 * Turns whatever a handler or Fastify threw into an AppError; `undefined` means a fault. The
 * request, when given, lets a refusal name the route's own limits.
 */
export function toAppError(error: unknown, request?: FastifyRequest): AppError | undefined {
  if (error instanceof AppError) return error;
  const thrown = error as Partial<FastifyError> & { validation?: unknown };
  if (Array.isArray(thrown.validation) && thrown.validation.length > 0) {
    const { field, message } = describeValidation(thrown.validation, thrown.validationContext);
    return new AppError('INVALID_ARGUMENT', `invalid request: ${message}`, 'INVALID_REQUEST', { field });
  }
  if (thrown.validation) {
    return new AppError('INVALID_ARGUMENT', `invalid request: ${thrown.message}`, 'INVALID_REQUEST');
  }
  switch (thrown.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return bodyTooLarge(request);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(
        'INVALID_ARGUMENT',
        'unsupported Content-Type: send application/json',
        'UNSUPPORTED_MEDIA_TYPE',
      );
    // Refusals from routing, before any route or hook runs (`frameworkErrors` in app.ts).
    case 'FST_ERR_BAD_URL':
      return new AppError('INVALID_ARGUMENT', 'the path is not valid percent-encoded UTF-8', 'MALFORMED_URL');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError(
        'INVALID_ARGUMENT',
        `a path parameter is longer than ${MAX_PATH_PARAM_LENGTH} characters`,
        'PATH_PARAMETER_TOO_LONG',
      );
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError(
        'INVALID_ARGUMENT',
        'Content-Length does not match the body',
        'INVALID_CONTENT_LENGTH',
      );
  }
  if (error instanceof SyntaxError || thrown.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new AppError('INVALID_ARGUMENT', 'request body is not valid JSON', 'MALFORMED_JSON');
  }
  if (typeof thrown.statusCode === 'number' && thrown.statusCode >= 400 && thrown.statusCode < 500) {
    return new AppError(
      'INVALID_ARGUMENT',
      thrown.message ?? 'bad request',
      'INVALID_REQUEST',
      {},
      thrown.statusCode,
    );
  }
  return undefined;
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const appError = toAppError(error, request);
  if (appError) {
    return reply.code(httpStatusOf(appError)).type('application/json').send(errorBody(appError, request.id));
  }
  request.log.error({ err: error }, 'request failed');
  const fault = new AppError('INTERNAL', 'internal error', 'INTERNAL');
  return reply.code(500).type('application/json').send(errorBody(fault, request.id));
}
