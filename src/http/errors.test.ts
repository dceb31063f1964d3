import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_REASONS, type Reason } from '../lib/error-reasons.js';
import { AppError, type ErrorCode, GRPC_CODES } from '../lib/errors.js';
import { errorsMarkdown } from './error-docs.js';
import { errorBody, httpStatusOf, httpStatusOfCode, toAppError } from './errors.js';

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
  it.each(Object.keys(GRPC_CODES) as ErrorCode[])('maps %s to its HTTP status', (code) => {
    expect(httpStatusOfCode(code)).toBe(EXPECTED[code]);
  });

  it.each(Object.keys(ERROR_REASONS) as Reason[])('answers %s with its code in the envelope', (reason) => {
    const { code } = ERROR_REASONS[reason];
    const error = new AppError(code, 'something to fix', reason, { field: 'x' });
    expect(httpStatusOf(error)).toBe(
      'httpStatus' in ERROR_REASONS[reason] ? ERROR_REASONS[reason].httpStatus : EXPECTED[code],
    );
    expect(errorBody(error, 'req1')).toEqual({
      code: GRPC_CODES[code],
      message: 'something to fix',
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason,
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

describe('the catalogue of error reasons', () => {
  const srcDir = path.resolve(import.meta.dirname, '..');

  async function sources(): Promise<string[]> {
    const files = await readdir(srcDir, { recursive: true });
    return files
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .filter((file) => path.join(srcDir, file) !== path.join(srcDir, 'lib', 'error-reasons.ts'));
  }

  // A reason thrown but not catalogued fails typecheck (AppError takes only catalogued reasons);
  // this catches the other direction, a catalogued reason no code sends any more.
  it('lists only reasons the code sends', async () => {
    const text = (
      await Promise.all((await sources()).map((file) => readFile(path.join(srcDir, file), 'utf8')))
    ).join('\n');
    const unused = Object.keys(ERROR_REASONS).filter((reason) => !text.includes(`'${reason}'`));
    expect(unused).toEqual([]);
  });

  it('is what docs/errors.md says (npm run docs:errors rewrites it)', async () => {
    const written = await readFile(path.join(srcDir, '..', 'docs', 'errors.md'), 'utf8');
    expect(written).toBe(errorsMarkdown());
  });
});
