import { describe, expect, it } from 'vitest';
import { AppError, type ErrorCode, GRPC_CODES } from '../lib/errors.js';
import { errorBody, httpStatusOf, toAppError } from './errors.js';

/** gRPC-gateway's mapping (CONTRACT.md §1): every code maps to the status it names. */
const EXPECTED: Record<ErrorCode, number> = {
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

describe('error mapping', () => {
  it.each(Object.keys(GRPC_CODES) as ErrorCode[])('maps %s to its HTTP status and body', (code) => {
    const error = new AppError(code, 'something to fix', 'SOME_REASON', { field: 'x' });
    expect(httpStatusOf(error)).toBe(EXPECTED[code]);
    expect(errorBody(error, 'req1')).toEqual({
      code: GRPC_CODES[code],
      message: 'something to fix',
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'SOME_REASON',
          domain: 'roster',
          metadata: { field: 'x', requestId: 'req1' },
        },
      ],
    });
  });

  it('maps framework errors to client errors and leaves faults unmapped', () => {
    expect(
      httpStatusOf(toAppError({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }) as AppError),
    ).toBe(413);
    expect(toAppError(new SyntaxError('Unexpected token'))?.reason).toBe('MALFORMED_JSON');
    expect(toAppError({ validation: [], message: 'body/x must be string' })?.code).toBe('INVALID_ARGUMENT');
    expect(toAppError(new Error('database exploded'))).toBeUndefined();
  });
});
