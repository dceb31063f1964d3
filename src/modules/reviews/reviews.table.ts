import type { Audited, Flag, JsonText, Timestamp } from '../../db/columns.js';

export interface AccessReviewsTable extends Audited {
  id: string;
  display_name: string;
  description: string;
  /** ACCESS_REVIEW_STATE_DRAFT, ACCESS_REVIEW_STATE_OPEN or ACCESS_REVIEW_STATE_CLOSED. */
  state: string;
  /** The campaign's CERTIFY policy. */
  policy_id: string;
  scope_type: string;
  /** JSON object: the members of AccessReviewScopeV2 that are set, in their wire form. */
  scope_v2: JsonText;
  completion_date: Timestamp | null;
  auto_close_campaign: Flag;
  auto_close_decision: string;
  created_by_user_id: string;
  started_at: Timestamp | null;
  closed_at: Timestamp | null;
  /** The change-stream position (a change cursor) the population was frozen at; '' until started. */
  population_position: string;
  /** How many grants the frozen population holds. */
  population_size: number;
  /** The start job: '' until started, RUNNING while tasks are created, DONE once all are. */
  start_job_state: string;
  /** The last grant ID (of `access_review_items`) whose certify task exists. */
  start_cursor: string;
  tasks_created: number;
  /** What closing did with the tasks still open: REVOKE or SKIP; '' while open. */
  close_remaining: string;
}

/** The frozen population of a started campaign: one row per grant live in its scope at the start. */
export interface AccessReviewItemsTable {
  access_review_id: string;
  grant_id: string;
  app_id: string;
  app_entitlement_id: string;
  app_user_id: string;
  identity_user_id: string;
  granted_at: Timestamp;
}

export interface AccessReviewOwnersTable {
  access_review_id: string;
  user_id: string;
}

export interface AccessReviewEntitlementsTable {
  access_review_id: string;
  app_id: string;
  /** '' selects the whole app. */
  app_entitlement_id: string;
  app_resource_type_id: string;
  app_resource_id: string;
  created_at: Timestamp;
}

/** A closed campaign's evidence pack in one format, once written (CONTRACT.md §7.28). */
export interface AccessReviewEvidencePacksTable {
  access_review_id: string;
  /** json or csv. */
  format: string;
  /** The generation of `access_review_evidence_chunks` that holds the pack's bytes. */
  generation: string;
  /** The SHA-256 of the pack's bytes, base64 (the `Repr-Digest`). */
  sha256: string;
  bytes: number;
  created_at: Timestamp;
}

/** A closed campaign's evidence pack, in order: each chunk is whole items. */
export interface AccessReviewEvidenceChunksTable {
  access_review_id: string;
  format: string;
  generation: string;
  seq: number;
  body: string;
}

/** The tables the reviews module owns; src/db/schema.ts combines every module's into `Database`. */
export interface ReviewsTables {
  access_reviews: AccessReviewsTable;
  access_review_owners: AccessReviewOwnersTable;
  access_review_entitlements: AccessReviewEntitlementsTable;
  access_review_items: AccessReviewItemsTable;
  access_review_evidence_packs: AccessReviewEvidencePacksTable;
  access_review_evidence_chunks: AccessReviewEvidenceChunksTable;
}
