import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Executor } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import type { GrantEventType } from '../../lib/vocabulary.js';
import { findAppUserIdsOfUser } from '../app-users/index.js';
import type { SystemLog } from '../audit/index.js';
import {
  type GrantEventRow,
  type GrantRow,
  insertGrantEvents,
  revokeGrantsOfAppUsers,
} from './grants.repository.js';

/** What a grant-history entry says about how the change came about (CONTRACT.md §7.11). */
export interface ChangeOrigin {
  /** Who asked; the system actor (an expiry) is stored as no actor. */
  readonly actor: Actor;
  /** The bulk action that applied the change, if one did. */
  readonly bulkActionId: string | null;
  /** The task (access request or revocation) whose outcome the change is, if one is (issue 19). */
  readonly ticketId?: string | null;
}

export function grantEventRow(
  grant: Pick<GrantRow, 'id' | 'app_id' | 'app_entitlement_id' | 'app_user_id'>,
  eventType: GrantEventType,
  at: Date,
  origin: ChangeOrigin,
  appUserCreated = false,
): GrantEventRow {
  return {
    id: newId(at.getTime()),
    app_id: grant.app_id,
    app_entitlement_id: grant.app_entitlement_id,
    app_user_id: grant.app_user_id,
    grant_id: grant.id,
    event_type: eventType,
    occurred_at: at.toISOString(),
    bulk_action_id: origin.bulkActionId,
    actor_user_id: origin.actor.userId || null,
    actor_client_id: origin.actor.clientId || null,
    request_id: origin.actor.requestId || null,
    app_user_created: appUserCreated ? 1 : 0,
    ticket_id: origin.ticketId ?? null,
  };
}

export interface RevocationDeps {
  readonly dialect: DialectFeatures;
  readonly systemLog: SystemLog;
}

/**
 * Revokes every live grant of the given entitlements inside the caller's transaction, with a REMOVED
 * grant-history entry for each (CONTRACT.md §7.12: deletes cascade to grants, and history is kept).
 * The delete request itself is the system-log event; the grants are not logged there one by one.
 * Returns how many grants it revoked.
 */
export async function revokeGrantsOfEntitlements(
  trx: Executor,
  deps: RevocationDeps,
  entitlementIds: readonly string[],
  actor: Actor,
  now: Date,
): Promise<number> {
  const at = now.toISOString();
  let revoked = 0;
  const step = Math.min(1_000, deps.dialect.maxParameters - 10);
  for (let i = 0; i < entitlementIds.length; i += step) {
    const ids = entitlementIds.slice(i, i + step);
    const grants = await trx
      .updateTable('grants')
      .set({ deleted_at: at })
      .where('app_entitlement_id', 'in', ids)
      .where('deleted_at', 'is', null)
      .returning(['id', 'app_id', 'app_entitlement_id', 'app_user_id'])
      .execute();
    await recordRevocations(trx, deps, grants, actor, now, null);
    revoked += grants.length;
  }
  return revoked;
}

type RevokedGrant = Pick<GrantRow, 'id' | 'app_id' | 'app_entitlement_id' | 'app_user_id'>;

/**
 * The REMOVED grant-history entries of grants just revoked, naming who revoked them. The system log
 * is the caller's: one event for the request (or the bulk action's state changes), never one per grant.
 */
export async function recordRevocations(
  trx: Executor,
  deps: Pick<RevocationDeps, 'dialect'>,
  grants: readonly RevokedGrant[],
  actor: Actor,
  now: Date,
  bulkActionId: string | null,
  ticketId: string | null = null,
): Promise<void> {
  await insertGrantEvents(
    trx,
    grants.map((g) => grantEventRow(g, 'GRANT_EVENT_TYPE_REMOVED', now, { actor, bulkActionId, ticketId })),
    deps.dialect,
  );
}

/**
 * Revokes every live grant of every app user linked to `userId`, in every app, inside the caller's
 * transaction, with REMOVED entries (a deleted person holds nothing, CONTRACT.md §7.12); the user's
 * deletion is the system-log event. Returns how many grants it revoked.
 */
export function revokeGrantsOfUser(
  trx: Executor,
  deps: RevocationDeps,
  userId: string,
  actor: Actor,
  now: Date,
): Promise<number> {
  return revokeAllOfUser(trx, deps, userId, actor, now, { heldOnly: false, ticketId: null });
}

/**
 * Revokes the grants `userId` holds now, in every app, inside the caller's transaction, with a
 * REMOVED entry for each naming `ticketId` (an offboarding task, issue 19). Grants already past their
 * deprovision time are left to the sweeper, which records when they really ended.
 */
export function revokeHeldGrantsOfUser(
  trx: Executor,
  deps: RevocationDeps,
  userId: string,
  actor: Actor,
  now: Date,
  ticketId: string,
): Promise<number> {
  return revokeAllOfUser(trx, deps, userId, actor, now, { heldOnly: true, ticketId });
}

async function revokeAllOfUser(
  trx: Executor,
  deps: RevocationDeps,
  userId: string,
  actor: Actor,
  now: Date,
  options: { heldOnly: boolean; ticketId: string | null },
): Promise<number> {
  const at = now.toISOString();
  const appUserIds = await findAppUserIdsOfUser(trx, userId);
  const grants = [];
  // The user's app users, a few per app, in slices the dialect can bind.
  const step = Math.min(1_000, deps.dialect.maxParameters - 10);
  for (let i = 0; i < appUserIds.length; i += step) {
    let update = trx
      .updateTable('grants')
      .set({ deleted_at: at })
      .where('deleted_at', 'is', null)
      .where('app_user_id', 'in', appUserIds.slice(i, i + step));
    if (options.heldOnly) {
      update = update.where((eb) => eb.or([eb('deprovision_at', 'is', null), eb('deprovision_at', '>', at)]));
    }
    grants.push(...(await update.returning(['id', 'app_id', 'app_entitlement_id', 'app_user_id']).execute()));
  }
  await recordRevocations(trx, deps, grants, actor, now, null, options.ticketId);
  return grants.length;
}

/**
 * Revokes the live grants of `appUserIds` on one entitlement inside the caller's transaction, with
 * a REMOVED history entry for each naming the actor and the bulk action (set-members removals).
 * Returns how many grants it revoked.
 */
export async function revokeMembers(
  trx: Executor,
  deps: Pick<RevocationDeps, 'dialect'>,
  entitlementId: string,
  appUserIds: readonly string[],
  actor: Actor,
  now: Date,
  bulkActionId: string | null,
  ticketId: string | null = null,
): Promise<number> {
  const revoked = await revokeGrantsOfAppUsers(trx, entitlementId, appUserIds, now.toISOString());
  await recordRevocations(trx, deps, revoked, actor, now, bulkActionId, ticketId);
  return revoked.length;
}
