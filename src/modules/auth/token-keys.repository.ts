import type { Executor } from '../../db/schema.js';

/** Returns the secret stored under `id`, storing `candidate` first if there is none (first start wins). */
export async function getOrCreateSigningSecret(
  db: Executor,
  id: string,
  candidate: string,
  createdAt: string,
): Promise<string> {
  await db
    .insertInto('signing_keys')
    .values({ id, secret: candidate, created_at: createdAt })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const row = await db
    .selectFrom('signing_keys')
    .select('secret')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.secret;
}

/** Records a client assertion as used; false when it was used before (a replay). */
export async function markAssertionUsed(db: Executor, hash: string, expiresAt: string): Promise<boolean> {
  const inserted = await db
    .insertInto('used_assertions')
    .values({ hash, expires_at: expiresAt })
    .onConflict((oc) => oc.column('hash').doNothing())
    .returning('hash')
    .execute();
  return inserted.length === 1;
}

export async function deleteExpiredAssertions(db: Executor, now: string): Promise<void> {
  await db.deleteFrom('used_assertions').where('expires_at', '<', now).execute();
}
