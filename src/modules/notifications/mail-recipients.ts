import { USER_DISABLED, type UserRow } from '../users/index.js';

/** Why a person is not mailed, or undefined when they can be. */
export function unreachable(user: UserRow | undefined): string | undefined {
  if (!user) return 'is unknown';
  if (user.deleted_at !== null) return 'is deleted';
  if (user.status === USER_DISABLED) return 'is disabled';
  if (!user.email.trim()) return 'has no email address';
  return undefined;
}
