import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db, Executor } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { BulkActionKind, UserRefusal } from '../../lib/vocabulary.js';
import type { SystemLog } from '../audit/index.js';
import { requireEntitlementInApp, requireManualEntitlement } from '../catalog/index.js';
import {
  type HeldMember,
  incrementMemberSets,
  listHeldMembers,
  readMembershipCounters,
} from '../grants/index.js';
import { hasOpenBulkAction } from './bulk-actions.repository.js';
import { classifyUserIds, insertNewBulkAction } from './new-bulk-action.js';

export const SET_MEMBERS = 'SET_MEMBERS' satisfies BulkActionKind;

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
  const counters = await readMembershipCounters(db, entitlementId, now);
  return `${counters.sets}.${counters.events + counters.expiredUnswept}`;
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
  for (const member of members) {
    if (member.identity_user_id !== '' && desired.has(member.identity_user_id))
      present.add(member.identity_user_id);
    else toRemove.push(member.app_user_id);
  }
  return { toAdd: accepted.filter((id) => !present.has(id)), toRemove };
}

export function createSetMembersService(deps: SetMembersDeps) {
  const { db, dialect, clock, systemLog } = deps;

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
    /** Sorts user IDs as add-manual-user does: accepted ones, and refused ones with the reason. */
    classify(userIds: readonly string[]) {
      return classifyUserIds(db, dialect, userIds);
    },

    /** The entitlement's membership version alone (see versionOf), without reading the members. */
    async getVersion(appId: string, entitlementId: string): Promise<string> {
      await requireEntitlementInApp(db, appId, entitlementId);
      return versionOf(db, entitlementId, clock.now().toISOString());
    },

    /**
     * Commits, inside the caller's transaction, one SET_MEMBERS action that grants `addUserIds`
     * (already classified; `refused` become FAILED items) and revokes what `removeUserIds` hold
     * (and, with `removeUnlinked`, app users linked to no user): the same operations and batches as
     * a set, for callers that change membership by difference (SCIM PATCH). Returns the action's ID,
     * or undefined when there was nothing to do. The caller applies it (the runner's applyNow) or
     * leaves it to the runners.
     */
    async queueChange(
      trx: Executor,
      actor: Actor,
      target: { appId: string; entitlementId: string },
      change: {
        addUserIds: readonly string[];
        removeUserIds: readonly string[];
        removeUnlinked: boolean;
        refused: ReadonlyMap<string, UserRefusal>;
      },
      details: Record<string, unknown> = {},
    ): Promise<string | undefined> {
      // Changes of one entitlement's members commit one after the other, each diffed against the last.
      await dialect.serialize(trx, `entitlement-members:${target.entitlementId}`);
      const removing = new Set(change.removeUserIds);
      const removeAppUserIds =
        removing.size > 0 || change.removeUnlinked
          ? (await listHeldMembers(trx, target.entitlementId, clock.now().toISOString()))
              .filter((m) =>
                m.identity_user_id === '' ? change.removeUnlinked : removing.has(m.identity_user_id),
              )
              .map((m) => m.app_user_id)
          : [];
      if (change.addUserIds.length + removeAppUserIds.length + change.refused.size === 0) return undefined;
      const now = clock.now();
      const id = newId(now.getTime());
      const ops = [
        ...change.addUserIds.map((u) => `add:${u}`),
        ...removeAppUserIds.map((a) => `remove:${a}`),
      ];
      const queued = await insertNewBulkAction(
        trx,
        { systemLog, dialect, chunkSize: deps.chunkSize ?? 10_000 },
        {
          id,
          kind: SET_MEMBERS,
          appId: target.appId,
          appEntitlementId: target.entitlementId,
          work: ops,
          refused: change.refused,
          deprovisionAt: null,
          actor,
          now,
          details: {
            adds: change.addUserIds.length,
            removes: removeAppUserIds.length,
            refused: change.refused.size,
            ...details,
          },
        },
      );
      if (queued) await incrementMemberSets(trx, target.entitlementId);
      return id;
    },

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
      const { accepted, failed } = await classifyUserIds(db, dialect, userIds);
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
        // The diff is against the grants held now; a bulk action still being applied would land after
        // it and break "exactly this list", so a set waits until none is open. A stale version is
        // reported first, being the more useful answer.
        if (await hasOpenBulkAction(trx, entitlementId)) {
          throw new AppError(
            'ABORTED',
            'a bulk action on this entitlement is still being applied; retry when it has finished',
            'BULK_ACTION_IN_PROGRESS',
            { appEntitlementId: entitlementId },
          );
        }
        const difference = diff(members, accepted);
        const ops = [
          ...difference.toAdd.map((u) => `add:${u}`),
          ...difference.toRemove.map((a) => `remove:${a}`),
        ];
        const queued = await insertNewBulkAction(
          trx,
          { systemLog, dialect, chunkSize: deps.chunkSize ?? 10_000 },
          {
            id,
            kind: SET_MEMBERS,
            appId,
            appEntitlementId: entitlementId,
            work: ops,
            refused: failed,
            deprovisionAt: null,
            actor,
            now,
            details: {
              adds: difference.toAdd.length,
              removes: difference.toRemove.length,
              refused: failed.size,
              basedOnVersion: version,
            },
          },
        );
        // A set that changes nothing leaves the version alone, so the caller's ETag stays good.
        if (queued) await incrementMemberSets(trx, entitlementId);
        const done = !queued;
        return { ...difference, done, version };
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
