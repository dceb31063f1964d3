import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Executor } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { type GrantableUser, lockUsers } from '../users/index.js';
import { type AppUserRow, findGrantTargets, insertAppUsers } from './app-users.repository.js';

export interface EnsuredAppUsers {
  /** Each user's app user in the app, by user ID: the one found, or the one created. */
  readonly targets: Map<string, string>;
  /** The app users this call created. */
  readonly created: AppUserRow[];
}

/**
 * Finds or creates the app user of each of `userIds` in `appId` inside the caller's transaction
 * (CONTRACT.md §7.4). `users` holds the identity users, whose names the new app users copy.
 */
export async function ensureAppUsersFor(
  trx: Executor,
  dialect: DialectFeatures,
  appId: string,
  userIds: readonly string[],
  users: ReadonlyMap<string, Pick<GrantableUser, 'display_name' | 'email' | 'username'>>,
  now: Date,
): Promise<EnsuredAppUsers> {
  const at = now.toISOString();
  const ms = now.getTime();
  const targets = await findGrantTargets(trx, appId, userIds);
  const missing = userIds.filter((userId) => !targets.has(userId));
  if (missing.length > 0) {
    // Two transactions (runners side by side, or other processes) must not both create an account
    // for the same person in this app: whoever locks the person second sees the first one's app user
    // once it commits.
    await lockUsers(trx, dialect, missing);
    for (const [userId, appUserId] of await findGrantTargets(trx, appId, missing)) {
      targets.set(userId, appUserId);
    }
  }
  const created: AppUserRow[] = [];
  for (const userId of userIds) {
    if (targets.has(userId)) continue;
    const user = users.get(userId);
    if (!user) continue;
    const appUser: AppUserRow = {
      id: newId(ms),
      app_id: appId,
      identity_user_id: userId,
      display_name: user.display_name,
      email: user.email,
      username: user.username,
      app_user_type: 'APP_USER_TYPE_USER',
      status: 'STATUS_ENABLED',
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    created.push(appUser);
    targets.set(userId, appUser.id);
  }
  await insertAppUsers(trx, created, dialect);
  return { targets, created };
}
