import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db, Executor } from '../../db/schema.js';
import { decodePageToken, encodePageToken, pageSize, toPage } from '../../http/pagination.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, notFound } from '../../lib/errors.js';
import { isId, newId } from '../../lib/ids.js';
import { findGrantTargets } from '../app-users/app-users.repository.js';
import type { SystemLog } from '../audit/system-log.service.js';
import { requireManualEntitlement } from '../grants/entitlement-guard.js';
import { findLiveGrantHolders } from '../grants/grants.repository.js';
import type { Idempotency, IdempotencyRequest } from '../idempotency/idempotency.service.js';
import { findUserStates } from '../users/users.repository.js';
import { finalState } from './bulk-action.states.js';
import {
  type BulkActionChunkRow,
  type BulkActionFilter,
  type BulkActionItemRow,
  type BulkActionRow,
  CANCELLED,
  cancelBulkAction,
  findBulkActionById,
  insertBulkAction,
  insertBulkActionItems,
  listBulkActionItems,
  listBulkActions,
} from './bulk-actions.repository.js';

export interface BulkActionsServiceDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
  readonly idempotency: Idempotency;
  readonly limits: { readonly maxUserIds: number };
  /** User IDs per independently leased chunk: the unit several processes share. */
  readonly chunkSize?: number;
}

export interface AddManualUsersResult {
  /** The committed bulk action; "" for a dry run. */
  readonly bulkActionId: string;
  /** Each refused user ID with a stable lower-case reason (CONTRACT.md §7.2). */
  readonly failedUsersErrorMap: Record<string, string>;
  /** With `dryRun`: what the request would do to each accepted ID. Nothing is written. */
  readonly dryRun?: DryRunClassification;
}

export interface DryRunClassification {
  /** Accepted users who would be granted the entitlement. */
  readonly wouldAdd: string[];
  /** Of those, the users who have no account in the app yet, so one would be created. */
  readonly wouldCreateAppUser: string[];
  /** Accepted users who already hold it (not failures: adding is idempotent). */
  readonly alreadyMembers: string[];
}

export interface AddManualUsersOptions {
  readonly dryRun?: boolean;
  /** When the grants expire, overriding the entitlement's durationGrant; validated by the caller. */
  readonly deprovisionAt?: string | null | undefined;
  readonly idempotency?: IdempotencyRequest | undefined;
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

  /** What adding `accepted` would do, read without writing anything. */
  async function previewAdd(
    appId: string,
    entitlementId: string,
    accepted: string[],
  ): Promise<DryRunClassification> {
    const targets = await findGrantTargets(db, appId, accepted);
    const holders = await findLiveGrantHolders(
      db,
      entitlementId,
      [...targets.values()],
      clock.now().toISOString(),
    );
    const wouldAdd: string[] = [];
    const wouldCreateAppUser: string[] = [];
    const alreadyMembers: string[] = [];
    for (const userId of accepted) {
      const appUserId = targets.get(userId);
      if (appUserId === undefined) {
        wouldAdd.push(userId);
        wouldCreateAppUser.push(userId);
      } else if (holders.has(appUserId)) {
        alreadyMembers.push(userId);
      } else {
        wouldAdd.push(userId);
      }
    }
    return { wouldAdd, wouldCreateAppUser, alreadyMembers };
  }

  /**
   * Commits the bulk action, its chunks, the refusals as items and the creation event in one
   * transaction, with `inTransaction` (the idempotency record). Returns whether work was queued.
   */
  async function commitAddAction(
    actor: Actor,
    appId: string,
    entitlementId: string,
    id: string,
    accepted: string[],
    failed: Map<string, string>,
    deprovisionAt: string | null,
    inTransaction: (trx: Executor) => Promise<void>,
  ): Promise<boolean> {
    const now = clock.now();
    const at = now.toISOString();
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
      deprovision_at: deprovisionAt,
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
      chunks.push({
        bulk_action_id: id,
        seq: chunks.length,
        start_index: start,
        end_index: Math.min(start + chunkSize, accepted.length),
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
            deprovisionAt,
          },
        },
      ]);
      await inTransaction(trx);
    });
    return !done;
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
      options: AddManualUsersOptions = {},
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
      return deps.idempotency.run(options.idempotency, async (storeAnswer) => {
        await requireManualEntitlement(db, appId, entitlementId);
        const { accepted, failed } = await classify(ids);
        const failedUsersErrorMap = Object.fromEntries(failed);
        if (options.dryRun) {
          return {
            bulkActionId: '',
            failedUsersErrorMap,
            dryRun: await previewAdd(appId, entitlementId, accepted),
          };
        }
        const result = { bulkActionId: newId(clock.now().getTime()), failedUsersErrorMap };
        const queued = await commitAddAction(
          actor,
          appId,
          entitlementId,
          result.bulkActionId,
          accepted,
          failed,
          options.deprovisionAt ?? null,
          (trx) => storeAnswer(trx, result),
        );
        if (queued) for (const listener of listeners) listener();
        return result;
      });
    },

    /** Stops an open bulk action after its current batch; a finished one cannot be cancelled. */
    async cancel(actor: Actor, id: string): Promise<BulkActionRow> {
      const now = clock.now();
      const cancelled = await db.transaction().execute(async (trx) => {
        if (!(await findBulkActionById(trx, id))) throw notFound('bulk action', id);
        if (!(await cancelBulkAction(trx, id, now.toISOString()))) return false;
        await systemLog.record(trx, [
          {
            operation: 'bulk_action.cancelled',
            activity: 'update',
            targetType: 'bulk_action',
            targetId: id,
            actor,
            occurredAt: now,
            bulkActionId: id,
          },
        ]);
        return true;
      });
      const row = await this.get(id);
      if (!cancelled && row.state !== CANCELLED) {
        throw new AppError(
          'FAILED_PRECONDITION',
          `bulk action ${id} has already finished (${row.state})`,
          'BULK_ACTION_FINISHED',
          { state: row.state },
        );
      }
      return row;
    },

    async list(
      filter: Omit<BulkActionFilter, 'afterId' | 'limit'> & { pageSize?: number; pageToken?: string },
    ) {
      const size = pageSize(filter.pageSize);
      const rows = await listBulkActions(db, {
        ...filter,
        afterId: decodePageToken(filter.pageToken),
        limit: size + 1,
      });
      return toPage(rows, size);
    },

    async listItems(id: string, page: { pageSize?: number; pageToken?: string; outcome?: string }) {
      const afterUserId = decodePageToken(page.pageToken);
      await this.get(id);
      const size = pageSize(page.pageSize);
      const rows = await listBulkActionItems(db, id, afterUserId, size + 1, page.outcome);
      const items = rows.slice(0, size);
      const last = items[items.length - 1];
      return { items, nextPageToken: rows.length > size && last ? encodePageToken(last.user_id) : '' };
    },

    async get(id: string): Promise<BulkActionRow> {
      const row = await findBulkActionById(db, id);
      if (!row) throw notFound('bulk action', id);
      return row;
    },
  };
}
