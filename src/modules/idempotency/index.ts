/** Idempotency keys on writes (draft-ietf-httpapi-idempotency-key-header): what other modules may use. */
export { deleteExpiredIdempotencyKeys } from './idempotency.repository.js';
export { IDEMPOTENCY_KEY_TTL_MS, type Idempotency, type IdempotencyRequest } from './idempotency.service.js';
