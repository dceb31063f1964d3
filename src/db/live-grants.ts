import { type ExpressionBuilder, sql } from 'kysely';
import type { Database } from './schema.js';

/*
 * What "a live grant" means, in one place below the modules: the grants module writes grants and
 * their member counts; the catalog and the search read counts through these pieces.
 */

/**
 * A live grant is held until its deprovision time: from that instant on it is not reported, even
 * before the sweeper revokes it. `now` comes from the injected clock, never from the database.
 */
export const heldAt = (now: string) => (eb: ExpressionBuilder<Database, 'grants'>) =>
  eb.and([
    eb('grants.deleted_at', 'is', null),
    eb.or([eb('grants.deprovision_at', 'is', null), eb('grants.deprovision_at', '>', now)]),
  ]);

/**
 * Grants not revoked yet but past their deprovision time at `now`: counted in an entitlement's
 * the member counts until the sweeper revokes them, yet not held. Written to match the partial index
 * `grants_live_expiry` (deleted_at null, deprovision_at not null), which keeps this set at hand.
 */
export const expiredUnswept = (now: string) => (eb: ExpressionBuilder<Database, 'grants'>) =>
  eb.and([
    eb('grants.deleted_at', 'is', null),
    eb('grants.deprovision_at', 'is not', null),
    eb('grants.deprovision_at', '<=', now),
  ]);

/** An entitlement's unrevoked grants: the sum of its `entitlement_member_counts` rows. */
const memberCount = (
  eb: ExpressionBuilder<Database, 'app_entitlements'>,
  entitlementId: 'app_entitlements.id' = 'app_entitlements.id',
) =>
  eb.fn.coalesce(
    eb
      .selectFrom('entitlement_member_counts')
      .select((sub) => sub.fn.sum<number>('entitlement_member_counts.member_count').as('n'))
      .whereRef('entitlement_member_counts.app_entitlement_id', '=', entitlementId),
    eb.lit(0),
  );

/**
 * The grants of the entitlement held at `now`: its stored member count (unrevoked grants, kept by
 * every grant write) less those past their deprovision time that the sweeper has not revoked yet,
 * which are not held (heldAt). That set is small and found through the partial index
 * `grants_live_expiry`, so no read counts an entitlement's grants.
 */
export const entitlementGrantCount = (now: string) => (eb: ExpressionBuilder<Database, 'app_entitlements'>) =>
  eb(
    memberCount(eb),
    '-',
    eb
      .selectFrom('grants')
      .select((sub) => sub.fn.countAll<number>().as('n'))
      // `|| ''` keeps the entitlement's ID off every index: without statistics SQLite would
      // otherwise seek the entitlement's grants by grants_entitlement_all and read each one (a
      // GET of an entitlement of 1,000 grants read 1,000 rows), where grants_live_expiry finds the
      // few unswept ones directly. PostgreSQL picks that index on its own; the result is the same.
      .where(sql<string>`${sql.ref('grants.app_entitlement_id')} || ''`, '=', eb.ref('app_entitlements.id'))
      .where(expiredUnswept(now)),
  ).as('grant_count');

/**
 * The grants held at `now` of a resource's live entitlements, from their member counts as
 * entitlementGrantCount does.
 */
export const resourceGrantCount = (now: string) => (eb: ExpressionBuilder<Database, 'app_resources'>) =>
  eb(
    eb.fn.coalesce(
      eb
        .selectFrom('app_entitlements')
        .innerJoin(
          'entitlement_member_counts',
          'entitlement_member_counts.app_entitlement_id',
          'app_entitlements.id',
        )
        .select((sub) => sub.fn.sum<number>('entitlement_member_counts.member_count').as('n'))
        .whereRef('app_entitlements.app_resource_id', '=', 'app_resources.id')
        .where('app_entitlements.deleted_at', 'is', null),
      eb.lit(0),
    ),
    '-',
    // Grants past their deprovision time are counted by the member counts until swept, but not held.
    eb
      .selectFrom('grants')
      .innerJoin('app_entitlements', 'app_entitlements.id', 'grants.app_entitlement_id')
      .select((sub) => sub.fn.countAll<number>().as('n'))
      .whereRef('app_entitlements.app_resource_id', '=', 'app_resources.id')
      .where('app_entitlements.deleted_at', 'is', null)
      .where(expiredUnswept(now)),
  ).as('grant_count');

/**
 * The app users of the app holding a grant at `now` (App.userCount, "the number of users with grants
 * to this app"): the stored holder count (app users with an unrevoked grant, kept by every grant
 * write) less those whose every unrevoked grant is past its deprovision time and not swept yet, a
 * small set found through the partial index `grants_live_expiry`.
 */
export const appHolderCount = (now: string) => (eb: ExpressionBuilder<Database, 'apps'>) =>
  eb(
    eb.fn.coalesce(
      eb
        .selectFrom('app_holder_counts')
        .select('app_holder_counts.holder_count')
        .whereRef('app_holder_counts.app_id', '=', 'apps.id'),
      eb.lit(0),
    ),
    '-',
    eb
      .selectFrom('grants')
      .select((sub) => sub.fn.count<number>('grants.app_user_id').distinct().as('n'))
      .whereRef('grants.app_id', '=', 'apps.id')
      .where(expiredUnswept(now))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('grants as held')
              .select('held.id')
              .whereRef('held.app_user_id', '=', 'grants.app_user_id')
              .where('held.deleted_at', 'is', null)
              .where((h) => h.or([h('held.deprovision_at', 'is', null), h('held.deprovision_at', '>', now)])),
          ),
        ),
      ),
  ).as('user_count');
