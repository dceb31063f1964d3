import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db, Executor } from '../../db/schema.js';
import { keysetPage } from '../../http/pagination.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { invalidArgument } from '../../lib/errors.js';
import type { SystemLogOperation } from '../../lib/vocabulary.js';
import type { SystemLog } from '../audit/index.js';
import {
  type OwnerTarget,
  requireApp,
  requireEntitlementInApp,
  requireResource,
  requireResourceType,
} from '../catalog/index.js';
import { findUserStates, type UserRow } from '../users/index.js';
import {
  deleteOwners,
  insertOwners,
  listOwnerUsers,
  type OwnedType,
  ownerIdsOf,
  ownerUsersOfApps,
  ownsAny,
} from './owners.repository.js';

export interface OwnersServiceDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
}

export type OwnersService = ReturnType<typeof createOwnersService>;

/** Owners must be existing, non-deleted users (CONTRACT.md §7.13); duplicates count once. */
export async function requireOwnerUsers(
  db: Executor,
  userIds: readonly string[],
  maxParameters: number,
): Promise<string[]> {
  const unique = [...new Set(userIds)];
  const states = await findUserStates(db, unique, maxParameters);
  for (const id of unique) {
    const state = states.get(id);
    if (!state) throw invalidArgument(`owner ${JSON.stringify(id)} is not a user`, 'OWNER_NOT_FOUND', { id });
    if (state.deleted)
      throw invalidArgument(`owner ${JSON.stringify(id)} is a deleted user`, 'OWNER_DELETED', { id });
  }
  return unique;
}

const targetId = (owned: OwnerTarget) =>
  owned.type === 'app' ? owned.appId : owned.type === 'entitlement' ? owned.entitlementId : owned.resourceId;

/** The live target, or a 404 naming the first unknown part of its path. */
async function requireTarget(db: Executor, target: OwnerTarget): Promise<void> {
  if (target.type === 'app') await requireApp(db, target.appId);
  else if (target.type === 'entitlement')
    await requireEntitlementInApp(db, target.appId, target.entitlementId);
  else {
    await requireApp(db, target.appId);
    await requireResourceType(db, target.appId, target.resourceTypeId);
    await requireResource(db, target.appId, target.resourceTypeId, target.resourceId);
  }
}

export function createOwnersService(deps: OwnersServiceDeps) {
  const { db, clock, systemLog } = deps;

  /** Adds and removes owners so the target's owners are `add` plus what it had minus `remove`. */
  async function change(
    trx: Executor,
    actor: Actor,
    target: OwnerTarget,
    add: readonly string[],
    remove: readonly string[],
  ): Promise<void> {
    const now = clock.now();
    const id = targetId(target);
    const current = new Set((await ownerIdsOf(trx, target.type, id)).map((r) => r.user_id));
    const added = add.filter((u) => !current.has(u));
    const removed = remove.filter((u) => current.has(u));
    await insertOwners(
      trx,
      added.map((userId) => ({
        target_type: target.type,
        target_id: id,
        app_id: target.appId,
        user_id: userId,
        created_at: now.toISOString(),
      })),
    );
    await deleteOwners(trx, target.type, id, removed);
    const event = (operation: Extract<SystemLogOperation, `owner.${string}`>, userId: string) => ({
      operation,
      activity: 'update' as const,
      targetType: target.type,
      targetId: id,
      actor,
      occurredAt: now,
      details: { ownerUserId: userId, appId: target.appId },
    });
    await systemLog.record(trx, [
      ...added.map((u) => event('owner.added', u)),
      ...removed.map((u) => event('owner.removed', u)),
    ]);
  }

  async function setIn(trx: Executor, actor: Actor, target: OwnerTarget, userIds: readonly string[]) {
    const wanted = await requireOwnerUsers(trx, userIds, deps.dialect.maxParameters);
    const current = (await ownerIdsOf(trx, target.type, targetId(target))).map((r) => r.user_id);
    await change(
      trx,
      actor,
      target,
      wanted,
      current.filter((u) => !wanted.includes(u)),
    );
  }

  return {
    /** Called by the authenticate hook: does the user own one of these things of the app? */
    owns: (userId: string, appId: string, things: readonly { type: OwnedType; id: string }[]) =>
      ownsAny(db, userId, appId, things),

    ownersOfApps: (appIds: readonly string[]): Promise<Map<string, UserRow[]>> =>
      ownerUsersOfApps(db, appIds),

    /** Sets an app's owners inside the caller's transaction (Apps.Create `owners`). */
    setInTransaction: setIn,

    async list(target: OwnerTarget, page: { pageSize?: number | undefined; pageToken?: string | undefined }) {
      await requireTarget(db, target);
      return keysetPage(page, (afterId, limit) =>
        listOwnerUsers(db, target.type, targetId(target), afterId, limit),
      );
    },

    async add(actor: Actor, target: OwnerTarget, userIds: readonly string[]): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await requireTarget(trx, target);
        await change(
          trx,
          actor,
          target,
          await requireOwnerUsers(trx, userIds, deps.dialect.maxParameters),
          [],
        );
      });
    },

    /** Removing someone who is not an owner changes nothing and succeeds (removal is idempotent). */
    async remove(actor: Actor, target: OwnerTarget, userId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await requireTarget(trx, target);
        await change(trx, actor, target, [], [userId]);
      });
    },

    /** Replaces the owners; `[]` clears them (CONTRACT.md §7.13). */
    async set(actor: Actor, target: OwnerTarget, userIds: readonly string[]): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await requireTarget(trx, target);
        await setIn(trx, actor, target, userIds);
      });
    },
  };
}
