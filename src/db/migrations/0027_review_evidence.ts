import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

/**
 * The evidence pack of a closed access review (issue 20), kept so every read sends the same bytes.
 *
 * - `access_review_evidence_packs`: one row per (campaign, format) once its pack is written: which
 *   generation of chunks is the pack, its SHA-256 (base64, the `Repr-Digest`) and length. The key
 *   makes the first writer win when two first reads write the pack at once.
 * - `access_review_evidence_chunks`: the pack's bytes in order (`seq`), each chunk whole items, under
 *   the generation that wrote them; a losing or interrupted generation's chunks are deleted.
 * - `grant_events_grant`: the evidence finds a decertified grant's removal by the grant's ID.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('access_review_evidence_packs')
    .addColumn('access_review_id', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('generation', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('access_review_evidence_packs_pk', ['access_review_id', 'format'])
    .execute();
  await db.schema
    .createTable('access_review_evidence_chunks')
    .addColumn('access_review_id', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('generation', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('access_review_evidence_chunks_pk', [
      'access_review_id',
      'format',
      'generation',
      'seq',
    ])
    .execute();
  await db.schema.createIndex('grant_events_grant').on('grant_events').columns(['grant_id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('grant_events_grant').execute();
  await db.schema.dropTable('access_review_evidence_chunks').execute();
  await db.schema.dropTable('access_review_evidence_packs').execute();
}
