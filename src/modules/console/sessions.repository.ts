import type { Executor } from '../../db/schema.js';
import type { ConsoleOidcLoginsTable, ConsoleSessionsTable } from './console.table.js';

export type SessionRow = ConsoleSessionsTable;

export async function insertSession(db: Executor, row: SessionRow): Promise<void> {
  await db.insertInto('console_sessions').values(row).execute();
}

export function findSession(db: Executor, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('console_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(db: Executor, id: string, lastSeenAt: string): Promise<void> {
  await db.updateTable('console_sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('console_sessions').where('id', '=', id).execute();
}

/** Removes sessions past their absolute end or unused since `idleBefore`, and stale OIDC sign-ins. */
export async function deleteExpiredSessions(
  db: Executor,
  now: string,
  idleBefore: string,
  loginsBefore: string,
): Promise<void> {
  await db
    .deleteFrom('console_sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleBefore)]))
    .execute();
  await db.deleteFrom('console_oidc_logins').where('created_at', '<', loginsBefore).execute();
}

export async function insertOidcLogin(db: Executor, row: ConsoleOidcLoginsTable): Promise<void> {
  await db.insertInto('console_oidc_logins').values(row).execute();
}

/** The sign-in under way with this ID, removed so its `state` works once. */
export async function takeOidcLogin(db: Executor, id: string): Promise<ConsoleOidcLoginsTable | undefined> {
  const row = await db.selectFrom('console_oidc_logins').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const deleted = await db.deleteFrom('console_oidc_logins').where('id', '=', id).executeTakeFirst();
  // A parallel callback with the same state got there first.
  return deleted.numDeletedRows > 0n ? row : undefined;
}
