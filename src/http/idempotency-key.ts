import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.js';

/** An `Idempotency-Key` as it arrived: who sent it, the key, and a hash of what it was sent with. */
export interface IdempotencyRequest {
  readonly clientId: string;
  readonly key: string;
  readonly requestHash: string;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * The request's `Idempotency-Key` (draft-ietf-httpapi-idempotency-key-header), scoped to the calling
 * API client, with a hash of the method, path and body it comes with; undefined when absent.
 */
export function idempotencyOf(request: FastifyRequest): IdempotencyRequest | undefined {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? undefined : header;
  if (key === undefined || !KEY_PATTERN.test(key)) {
    throw new AppError(
      'INVALID_ARGUMENT',
      'Idempotency-Key must be one header of 1 to 255 visible ASCII characters',
      'INVALID_IDEMPOTENCY_KEY',
    );
  }
  const requestHash = createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? {})}`)
    .digest('base64url');
  return { clientId: request.principal?.clientRowId ?? '', key, requestHash };
}
