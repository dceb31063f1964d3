import type { Executor } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import type { UserRow } from '../users/index.js';

/*
 * What the catalog needs of modules above it. Owners and grants are built on the catalog, so they
 * cannot be imported here; the container passes their functions in.
 */

/** What owners are attached to, as its path names it (CONTRACT.md §5, Owners). */
export type OwnerTarget =
  | { readonly type: 'app'; readonly appId: string }
  | { readonly type: 'entitlement'; readonly appId: string; readonly entitlementId: string }
  | {
      readonly type: 'resource';
      readonly appId: string;
      readonly resourceTypeId: string;
      readonly resourceId: string;
    };

/** The owners the catalog reads (App.appOwners) and sets at creation, in the creating transaction. */
export interface CatalogOwners {
  ownersOfApps(appIds: readonly string[]): Promise<Map<string, UserRow[]>>;
  setInTransaction(
    trx: Executor,
    actor: Actor,
    target: OwnerTarget,
    userIds: readonly string[],
  ): Promise<void>;
}

/**
 * Revokes the live grants of entitlements a delete just removed, inside its transaction, with their
 * REMOVED history (CONTRACT.md §7.12); answers how many.
 */
export type RevokeGrantsOfEntitlements = (
  trx: Executor,
  entitlementIds: readonly string[],
  actor: Actor,
  now: Date,
) => Promise<number>;
