import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db } from '../../db/schema.js';
import { decodePageToken, encodePageToken, fetchPage, keysetPage, pageSize } from '../../http/pagination.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { BulkActionItemOutcome, BulkActionKind } from '../../lib/vocabulary.js';
import { findGrantTargets } from '../app-users/index.js';
import type { SystemLog } from '../audit/index.js';
import { requireManualEntitlement } from '../catalog/index.js';
import { findLiveGrantHolders } from '../grants/index.js';
import type { Idempotency, IdempotencyRequest } from '../idempotency/index.js';
import { listBulkActionItems } from './bulk-action-items.repository.js';
import {
  type BulkActionFilter,
  type BulkActionRow,
  CANCELLED,
  cancelBulkAction,
  findBulkActionById,
  listBulkActions,
} from './bulk-actions.repository.js';
import { classifyUserIds, insertNewBulkAction } from './new-bulk-action.js';

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

export const ADD_MANUAL_USERS = 'ADD_MANUAL_USERS' satisfies BulkActionKind;

export type BulkActionsService = ReturnType<typeof createBulkActionsService>;

export function createBulkActionsService(deps: BulkActionsServiceDeps) {
  const { db, dialect, clock, systemLog } = deps;
  const listeners: Array<() => void> = [];
  const newActionDeps = {
    systemLog,
    dialect,
    chunkSize: deps.chunkSize ?? 10_000,
  };

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

  return {
    /** Registers a callback run after a bulk action commits (the runner's wake-up). */
    onCreated(listener: () => void) {
      listeners.push(listener);
    },

    /**
     * Validates the request now and commits a bulk action holding the accepted IDs before returning:
     * once this resolves, nothing can be lost (CONTRACT.md §6, §7.2). The runner applies it. A request
     * that accepts no ID answers `bulkActionId: ""` and writes no bulk action.
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
        const { accepted, failed } = await classifyUserIds(db, dialect, ids);
        const failedUsersErrorMap = Object.fromEntries(failed);
        if (options.dryRun) {
          return {
            bulkActionId: '',
            failedUsersErrorMap,
            dryRun: await previewAdd(appId, entitlementId, accepted),
          };
        }
        if (accepted.length === 0) {
          // Nothing to add (no IDs, or every one refused): no bulk action and no system-log event
          // (CONTRACT.md §7.2). A keyed request keeps its answer, so a retry answers the same.
          const nothing = { bulkActionId: '', failedUsersErrorMap };
          if (options.idempotency) await db.transaction().execute((trx) => storeAnswer(trx, nothing));
          return nothing;
        }
        const now = clock.now();
        const result = { bulkActionId: newId(now.getTime()), failedUsersErrorMap };
        const deprovisionAt = options.deprovisionAt ?? null;
        const queued = await db.transaction().execute(async (trx) => {
          await storeAnswer(trx, result);
          return insertNewBulkAction(trx, newActionDeps, {
            id: result.bulkActionId,
            kind: ADD_MANUAL_USERS,
            appId,
            appEntitlementId: entitlementId,
            work: accepted,
            refused: failed,
            deprovisionAt,
            actor,
            now,
            details: { accepted: accepted.length, refused: failed.size, deprovisionAt },
          });
        });
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
      return keysetPage(filter, (afterId, limit) => listBulkActions(db, { ...filter, afterId, limit }));
    },

    async listItems(
      id: string,
      page: { pageSize?: number; pageToken?: string; outcome?: BulkActionItemOutcome },
    ) {
      const afterUserId = decodePageToken(page.pageToken);
      const action = await this.get(id);
      return fetchPage(
        pageSize(page.pageSize),
        (limit) => listBulkActionItems(db, dialect, action, afterUserId, limit, page.outcome),
        (last) => encodePageToken(last.user_id),
      );
    },

    async get(id: string): Promise<BulkActionRow> {
      const row = await findBulkActionById(db, id);
      if (!row) throw notFound('bulk action', id);
      return row;
    },
  };
}
