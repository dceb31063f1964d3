import { heldAt } from '../../db/live-grants.js';
import type { Executor } from '../../db/schema.js';

export interface HeldMember {
  readonly app_user_id: string;
  /** '' for an app user linked to no C1 user. */
  readonly identity_user_id: string;
}

/** The app users holding a manual grant of the entitlement at `now`, with their C1 users. */
export function listHeldMembers(db: Executor, entitlementId: string, now: string): Promise<HeldMember[]> {
  return db
    .selectFrom('grants')
    .innerJoin('app_users', 'app_users.id', 'grants.app_user_id')
    .select(['grants.app_user_id', 'app_users.identity_user_id'])
    .where('grants.app_entitlement_id', '=', entitlementId)
    .where('grants.source', '=', 'MANUAL')
    .where(heldAt(now))
    .orderBy('grants.app_user_id')
    .execute();
}

export interface MembershipCounters {
  /** Grant events of the entitlement: every grant and revocation appends one; never erased. */
  readonly events: number;
  /** Live grants past their deprovision time, not yet swept: each expiry is a change before its event exists. */
  readonly expiredUnswept: number;
  /** Set-membership requests accepted, which change membership before their batches run. */
  readonly sets: number;
}

export async function readMembershipCounters(
  db: Executor,
  entitlementId: string,
  now: string,
): Promise<MembershipCounters> {
  const [events, expired, sets] = await Promise.all([
    db
      .selectFrom('grant_events')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('app_entitlement_id', '=', entitlementId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('grants')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('deleted_at', 'is', null)
      .where('deprovision_at', '<=', now)
      .where('app_entitlement_id', '=', entitlementId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('entitlement_member_sets')
      .select('set_count')
      .where('app_entitlement_id', '=', entitlementId)
      .executeTakeFirst(),
  ]);
  return { events: Number(events.n), expiredUnswept: Number(expired.n), sets: sets?.set_count ?? 0 };
}

export async function incrementMemberSets(db: Executor, entitlementId: string): Promise<void> {
  await db
    .insertInto('entitlement_member_sets')
    .values({ app_entitlement_id: entitlementId, set_count: 1 })
    .onConflict((oc) =>
      oc
        .column('app_entitlement_id')
        .doUpdateSet((eb) => ({ set_count: eb('entitlement_member_sets.set_count', '+', 1) })),
    )
    .execute();
}
