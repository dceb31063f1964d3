import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db, Executor } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { isId, newId } from '../../lib/ids.js';
import type { SystemLog } from '../audit/system-log.service.js';
import { requireEntitlementInApp, requireManualEntitlement } from '../grants/entitlement-guard.js';
import {
  type HeldMember,
  incrementMemberSets,
  listHeldMembers,
  readMembershipCounters,
} from '../grants/membership.repository.js';
import { findUserStates } from '../users/users.repository.js';
import { finalState } from './bulk-action.states.js';
import {
  type BulkActionChunkRow,
  insertBulkAction,
  insertBulkActionItems,
} from './bulk-actions.repository.js';

export const SET_MEMBERS = 'SET_MEMBERS';

export interface SetMembersDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
  readonly limits: { readonly maxUserIds: number };
  readonly chunkSize?: number;
  /** Called after a set with work to do commits (the runner's wake-up). */
  readonly onCreated?: () => void;
}

export interface MembershipDiff {
  /** C1 user IDs to grant. */
  readonly toAdd: string[];
  /** App user IDs whose grant to revoke. */
  readonly toRemove: string[];
  readonly failedUsersErrorMap: Record<string, string>;
}

export type SetMembersService = ReturnType<typeof createSetMembersService>;

/**
 * The membership version, an ETag: `<sets>.<events + expired>`. Both parts only grow, and every
 * change of who holds the entitlement grows one of them — a grant or revocation appends an event, an
 * expiry counts at once and its later sweep swaps the count for an event, an accepted set counts
 * before its batches run — so an unchanged version means an unchanged membership. Nothing is
 * locked by batches, which keep running in parallel.
 */
async function versionOf(db: Executor, entitlementId: string, now: string): Promise<string> {
  const c = await readMembershipCounters(db, entitlementId, now);
  return `${c.sets}.${c.events + c.expiredUnswept}`;
}

/** RFC 9110 §13.1.1: `*`, or a list of entity tags, weak or strong, compared by their opaque part. */
function matches(ifMatch: string, version: string): boolean {
  if (ifMatch.trim() === '*') return true;
  return ifMatch
    .split(',')
    .map((tag) =>
      tag
        .trim()
        .replace(/^W\//, '')
        .replace(/^"(.*)"$/, '$1'),
    )
    .includes(version);
}

function diff(members: readonly HeldMember[], accepted: readonly string[]) {
  const desired = new Set(accepted);
  const present = new Set<string>();
  const toRemove: string[] = [];
  for (const m of members) {
    if (m.identity_user_id !== '' && desired.has(m.identity_user_id)) present.add(m.identity_user_id);
    else toRemove.push(m.app_user_id);
  }
  return { toAdd: accepted.filter((id) => !present.has(id)), toRemove };
}

export function createSetMembersService(deps: SetMembersDeps) {
  const { db, dialect, clock, systemLog } = deps;

  /** As add-manual-user (CONTRACT.md §7.2): refused IDs get a stable lower-case reason. */
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

  function checkVersion(ifMatch: string | undefined, version: string) {
    if (ifMatch === undefined || matches(ifMatch, version)) return;
    throw new AppError(
      'FAILED_PRECONDITION',
      `the membership changed since it was read (now version ${version}); read it again and redo the edit`,
      'MEMBERSHIP_CHANGED',
      { currentVersion: version },
      412,
    );
  }

  /**
   * The members with a version that matches `ifMatch`. The version is read before and after the
   * members: a batch committing in between (batches take no lock) moves the second reading, so a
   * list never passes for one version while reflecting a later one.
   */
  async function consistentMembers(trx: Executor, entitlementId: string, now: string, ifMatch?: string) {
    checkVersion(ifMatch, await versionOf(trx, entitlementId, now));
    const members = await listHeldMembers(trx, entitlementId, now);
    const version = await versionOf(trx, entitlementId, now);
    checkVersion(ifMatch, version);
    return { members, version };
  }

  return {
    /** The C1 users holding the entitlement now, app users linked to none, and the version. */
    async getMembers(appId: string, entitlementId: string) {
      await requireEntitlementInApp(db, appId, entitlementId);
      const now = clock.now().toISOString();
      // Version first: a change committing after it can only make a later If-Match fail, never pass.
      const version = await versionOf(db, entitlementId, now);
      const members = await listHeldMembers(db, entitlementId, now);
      const userIds = [...new Set(members.map((m) => m.identity_user_id).filter((id) => id !== ''))];
      const unlinkedAppUserIds = members.filter((m) => m.identity_user_id === '').map((m) => m.app_user_id);
      return { userIds: userIds.sort(), unlinkedAppUserIds, version };
    },

    /**
     * Makes the entitlement's manual members exactly `userIds`: one bulk action of `add:<userId>` and
     * `remove:<appUserId>` operations, committed before returning, applied by the runner. Refused IDs
     * end up not being members. A dry run computes the same diff and writes nothing.
     */
    async setMembers(
      actor: Actor,
      appId: string,
      entitlementId: string,
      userIds: readonly string[],
      options: { ifMatch: string | undefined; dryRun: boolean },
    ): Promise<MembershipDiff & { bulkActionId: string; version: string }> {
      if (userIds.length > deps.limits.maxUserIds) {
        throw new AppError(
          'INVALID_ARGUMENT',
          `userIds holds ${userIds.length} IDs; at most ${deps.limits.maxUserIds} are accepted per request`,
          'TOO_MANY_USER_IDS',
          { limit: String(deps.limits.maxUserIds), count: String(userIds.length) },
        );
      }
      await requireManualEntitlement(db, appId, entitlementId);
      if (!options.dryRun && options.ifMatch === undefined) {
        throw new AppError(
          'FAILED_PRECONDITION',
          'send If-Match with the ETag of GET .../members, so a concurrent edit is not overwritten',
          'IF_MATCH_REQUIRED',
          {},
          428,
        );
      }
      const { accepted, failed } = await classify(userIds);
      const failedUsersErrorMap = Object.fromEntries(failed);
      const now = clock.now();
      const at = now.toISOString();

      if (options.dryRun) {
        const { members, version } = await consistentMembers(db, entitlementId, at, options.ifMatch);
        return { ...diff(members, accepted), failedUsersErrorMap, bulkActionId: '', version };
      }

      const id = newId(now.getTime());
      const result = await db.transaction().execute(async (trx) => {
        // Two sets of one entitlement check and commit one after the other, never interleaved.
        await dialect.serialize(trx, `entitlement-members:${entitlementId}`);
        const { members, version } = await consistentMembers(trx, entitlementId, at, options.ifMatch);
        const d = diff(members, accepted);
        const ops = [...d.toAdd.map((u) => `add:${u}`), ...d.toRemove.map((a) => `remove:${a}`)];
        const done = ops.length === 0;
        const chunkSize = deps.chunkSize ?? 10_000;
        const chunks: BulkActionChunkRow[] = [];
        for (let start = 0; start < ops.length; start += chunkSize) {
          const end = Math.min(start + chunkSize, ops.length);
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
        const row = {
          id,
          kind: SET_MEMBERS,
          app_id: appId,
          app_entitlement_id: entitlementId,
          state: done ? finalState(0, failed.size) : 'BULK_ACTION_STATE_PENDING',
          user_ids: JSON.stringify(ops),
          total: ops.length + failed.size,
          processed: failed.size,
          succeeded: 0,
          failed: failed.size,
          deprovision_at: null,
          actor_user_id: actor.userId,
          actor_client_id: actor.clientId,
          request_id: actor.requestId,
          created_at: at,
          updated_at: at,
          completed_at: done ? at : null,
        };
        await insertBulkAction(trx, row, chunks, dialect.maxParameters);
        await insertBulkActionItems(
          trx,
          [...failed].map(([userId, error]) => ({
            bulk_action_id: id,
            user_id: userId,
            outcome: 'FAILED',
            app_user_id: null,
            app_user_created: 0,
            error,
          })),
          dialect.maxParameters,
        );
        // A set that changes nothing leaves the version alone, so the caller's ETag stays good.
        if (!done) await incrementMemberSets(trx, entitlementId);
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
              kind: SET_MEMBERS,
              appId,
              appEntitlementId: entitlementId,
              adds: d.toAdd.length,
              removes: d.toRemove.length,
              refused: failed.size,
              basedOnVersion: version,
            },
          },
        ]);
        return { ...d, done, version };
      });
      if (!result.done) deps.onCreated?.();
      return {
        toAdd: result.toAdd,
        toRemove: result.toRemove,
        failedUsersErrorMap,
        bulkActionId: id,
        version: result.version,
      };
    },
  };
}
