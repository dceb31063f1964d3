import { NOT_A_USER_REFUSALS, type UserRefusal, type UserStatus } from './vocabulary.js';

/** What deciding a refusal reads of a user: the users row's `deleted_at` and `status`. */
export interface RefusableUser {
  readonly deleted_at: string | null;
  readonly status: string;
}

const DISABLED: UserStatus = 'DISABLED';

/**
 * Why `user` may not be made a member, or undefined when it may: unknown (`undefined`/`null`),
 * deleted, or disabled (SCIM `active: false`), in that order. The one rule behind add-manual-user's
 * request validation, the batches that re-check users when they apply, and SCIM; the users
 * repository's findUnusableUsers selects the same users in SQL.
 */
export function refusalOf(user: RefusableUser | null | undefined): UserRefusal | undefined {
  if (!user) return 'user not found';
  if (user.deleted_at !== null) return 'user is deleted';
  if (user.status === DISABLED) return 'user is disabled';
  return undefined;
}

/** Whether a refusal means the ID names nobody who could be a member (not merely a disabled user). */
export function isNotAUser(refusal: string | undefined): boolean {
  return (NOT_A_USER_REFUSALS as readonly (string | undefined)[]).includes(refusal);
}
