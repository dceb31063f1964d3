import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db, Executor } from '../../db/schema.js';
import type { IdempotencyRequest } from '../../http/idempotency-key.js';
import type { Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { findIdempotencyKey, insertIdempotencyKey } from './idempotency.repository.js';

export type { IdempotencyRequest };

/** Stores the answer of a keyed request inside the transaction of the change it answers. */
export type StoreAnswer = (trx: Executor, response: unknown) => Promise<void>;

export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3600 * 1000;

export type Idempotency = ReturnType<typeof createIdempotency>;

/**
 * Idempotency keys on writes: a repeat of a keyed request with the same method, path and body gets
 * the original answer (and so the original bulk action); the same key with anything else is refused
 * with 409. The answer is stored in the same transaction as the change, so a request either left
 * both behind or neither, and a retry after a crash can never apply a change twice.
 */
export function createIdempotency(deps: { db: Db; dialect: DialectFeatures; clock: Clock }) {
  async function replay(request: IdempotencyRequest): Promise<unknown | undefined> {
    const stored = await findIdempotencyKey(
      deps.db,
      request.clientId,
      request.key,
      deps.clock.now().toISOString(),
    );
    if (!stored) return undefined;
    if (stored.request_hash !== request.requestHash) {
      throw new AppError(
        'ABORTED',
        'this Idempotency-Key was already used with a different request; use a new key for a new request',
        'IDEMPOTENCY_KEY_REUSED',
      );
    }
    return stored.response;
  }

  return {
    /**
     * Runs `work` once per key: answers a repeat from the store, and otherwise hands `work` the
     * function that stores its answer. Without a key, just runs `work`.
     */
    async run<T>(
      request: IdempotencyRequest | undefined,
      work: (store: StoreAnswer) => Promise<T>,
    ): Promise<T> {
      if (!request) return work(async () => {});
      const previous = await replay(request);
      if (previous !== undefined) return previous as T;
      const store: StoreAnswer = async (trx, response) => {
        const now = deps.clock.now();
        await insertIdempotencyKey(trx, {
          client_id: request.clientId,
          key: request.key,
          request_hash: request.requestHash,
          response,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + IDEMPOTENCY_KEY_TTL_MS).toISOString(),
        });
      };
      try {
        return await work(store);
      } catch (error) {
        // A concurrent twin with the same key committed first: answer what it answered.
        if (deps.dialect.isUniqueViolation(error)) {
          const twin = await replay(request);
          if (twin !== undefined) return twin as T;
        }
        throw error;
      }
    },
  };
}
