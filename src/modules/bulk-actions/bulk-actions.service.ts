import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, notFound } from '../../lib/errors.js';
import { isId, newId } from '../../lib/ids.js';
import type { SystemLog } from '../audit/system-log.service.js';
import { requireManualEntitlement } from '../grants/entitlement-guard.js';
import { findUserStates } from '../users/users.repository.js';
import { finalState } from './bulk-action.states.js';
import {
  type BulkActionChunkRow,
  type BulkActionItemRow,
  type BulkActionRow,
  findBulkActionById,
  insertBulkAction,
  insertBulkActionItems,
} from './bulk-actions.repository.js';

export interface BulkActionsServiceDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
  readonly limits: { readonly maxUserIds: number };
  /** User IDs per independently leased chunk: the unit several processes share. */
  readonly chunkSize?: number;
}

export interface AddManualUsersResult {
  readonly bulkActionId: string;
  /** Each refused user ID with a stable lower-case reason (CONTRACT.md §7.2). */
  readonly failedUsersErrorMap: Record<string, string>;
}

export const ADD_MANUAL_USERS = 'ADD_MANUAL_USERS';

export type BulkActionsService = ReturnType<typeof createBulkActionsService>;

export function createBulkActionsService(deps: BulkActionsServiceDeps) {
  const { db, dialect, clock, systemLog } = deps;
  const listeners: Array<() => void> = [];

  /** Sorts requested IDs into accepted ones (first occurrence order) and refusals with reasons. */
  async function classify(userIds: readonly string[]) {
    const unique = [...new Set(userIds)];
    const failed = new Map<string, string>();
    const wellFormed = unique.filter((id) => {
      if (isId(id)) return true;
      failed.set(id, 'invalid user id');
      return false;
    });
    const states = await findUserStates(db, wellFormed, dialect.maxParameters);
    const accepted: string[] = [];
    for (const id of wellFormed) {
      const state = states.get(id);
      if (!state) failed.set(id, 'user not found');
      else if (state.deleted) failed.set(id, 'user is deleted');
      else accepted.push(id);
    }
    return { accepted, failed };
  }

  return {
    /** Registers a callback run after a bulk action commits (the runner's wake-up). */
    onCreated(listener: () => void) {
      listeners.push(listener);
    },

    /**
     * Validates the request now and commits a bulk action holding the accepted IDs before returning:
     * once this resolves, nothing can be lost (CONTRACT.md §6, §7.2). The runner applies it.
     */
    async addManualUsers(
      actor: Actor,
      appId: string,
      entitlementId: string,
      userIds: readonly string[] | null | undefined,
      /** When the grants expire, overriding the entitlement's durationGrant; validated by the caller. */
      options: { deprovisionAt?: string | null } = {},
    ): Promise<AddManualUsersResult> {
      const ids = userIds ?? [];
      if (ids.length > deps.limits.maxUserIds) {
        throw new AppError(
          'INVALID_ARGUMENT',
          `userIds holds ${ids.length} IDs; at most ${deps.limits.maxUserIds} are accepted per request — split it`,
          'TOO_MANY_USER_IDS',
          { limit: String(deps.limits.maxUserIds), count: String(ids.length) },
        );
      }
      await requireManualEntitlement(db, appId, entitlementId);
      const { accepted, failed } = await classify(ids);

      const now = clock.now();
      const at = now.toISOString();
      const id = newId(now.getTime());
      const done = accepted.length === 0;
      const row: BulkActionRow = {
        id,
        kind: ADD_MANUAL_USERS,
        app_id: appId,
        app_entitlement_id: entitlementId,
        state: done ? finalState(0, failed.size) : 'BULK_ACTION_STATE_PENDING',
        user_ids: JSON.stringify(accepted),
        total: accepted.length + failed.size,
        processed: failed.size,
        succeeded: 0,
        failed: failed.size,
        deprovision_at: options.deprovisionAt ?? null,
        actor_user_id: actor.userId,
        actor_client_id: actor.clientId,
        request_id: actor.requestId,
        created_at: at,
        updated_at: at,
        completed_at: done ? at : null,
      };
      const refusals: BulkActionItemRow[] = [...failed].map(([userId, error]) => ({
        bulk_action_id: id,
        user_id: userId,
        outcome: 'FAILED',
        app_user_id: null,
        app_user_created: 0,
        error,
      }));
      const chunkSize = deps.chunkSize ?? 10_000;
      const chunks: BulkActionChunkRow[] = [];
      for (let start = 0; start < accepted.length; start += chunkSize) {
        const end = Math.min(start + chunkSize, accepted.length);
        chunks.push({
          bulk_action_id: id,
          seq: chunks.length,
          start_index: start,
          end_index: end,
          cursor: start,
          done: 0,
          lease_owner: null,
          lease_expires_at: null,
        });
      }
      await db.transaction().execute(async (trx) => {
        await insertBulkAction(trx, row, chunks, dialect.maxParameters);
        await insertBulkActionItems(trx, refusals, dialect.maxParameters);
        await systemLog.record(trx, [
          {
            operation: 'bulk_action.created',
            activity: 'create',
            targetType: 'bulk_action',
            targetId: id,
            actor,
            occurredAt: now,
            bulkActionId: id,
            details: {
              kind: ADD_MANUAL_USERS,
              appId,
              appEntitlementId: entitlementId,
              accepted: accepted.length,
              refused: failed.size,
              deprovisionAt: row.deprovision_at,
            },
          },
        ]);
      });
      if (!done) for (const listener of listeners) listener();
      return { bulkActionId: id, failedUsersErrorMap: Object.fromEntries(failed) };
    },

    async get(id: string): Promise<BulkActionRow> {
      const row = await findBulkActionById(db, id);
      if (!row) throw notFound('bulk action', id);
      return row;
    },
  };
}
