import type { Db } from '../../db/schema.js';
import { findUsersByEmails, findUsersByIds, type UserRow } from './deps.js';

export interface ResolvedPerson {
  readonly input: string;
  readonly userId: string;
  readonly displayName: string;
  readonly email: string;
}

export interface UnresolvedLine {
  readonly input: string;
  readonly reason: string;
}

/** IDs are KSUIDs: 27 base62 characters (CONTRACT.md §7.4). */
const USER_ID = /^[0-9A-Za-z]{27}$/;
const CHUNK = 1_000;

async function inChunks(values: readonly string[], load: (chunk: string[]) => Promise<UserRow[]>) {
  const rows: UserRow[] = [];
  for (let i = 0; i < values.length; i += CHUNK) rows.push(...(await load(values.slice(i, i + CHUNK))));
  return rows;
}

/**
 * Turns what a person pasted or uploaded (emails and user IDs, one a line) into Roster users, each
 * line that names no one with the reason why. Lines are trimmed; a person named twice counts once.
 */
export async function resolvePeople(
  db: Db,
  lines: readonly string[],
): Promise<{ people: ResolvedPerson[]; unresolved: UnresolvedLine[] }> {
  const inputs = [...new Set(lines.map((l) => l.trim()).filter((l) => l !== ''))];
  const emails = inputs.filter((l) => l.includes('@'));
  const ids = inputs.filter((l) => !l.includes('@') && USER_ID.test(l));
  const byEmail = new Map<string, UserRow[]>();
  for (const user of await inChunks([...new Set(emails.map((e) => e.toLowerCase()))], (c) =>
    findUsersByEmails(db, c),
  )) {
    const key = user.email.toLowerCase();
    byEmail.set(key, [...(byEmail.get(key) ?? []), user]);
  }
  const byId = new Map((await inChunks(ids, (c) => findUsersByIds(db, c))).map((u) => [u.id, u]));

  const people: ResolvedPerson[] = [];
  const unresolved: UnresolvedLine[] = [];
  const seen = new Set<string>();
  // Two lines naming one person (an email and the ID, or the email in two spellings) add them once.
  const found = (input: string, user: UserRow) => {
    if (seen.has(user.id)) return;
    seen.add(user.id);
    people.push({ input, userId: user.id, displayName: user.display_name, email: user.email });
  };
  for (const input of inputs) {
    if (input.includes('@')) {
      const matches = byEmail.get(input.toLowerCase()) ?? [];
      if (matches.length === 1 && matches[0]) found(input, matches[0]);
      else if (matches.length === 0) unresolved.push({ input, reason: 'no Roster user has this email' });
      else unresolved.push({ input, reason: 'more than one Roster user has this email; use the user ID' });
    } else if (USER_ID.test(input)) {
      const user = byId.get(input);
      if (!user) unresolved.push({ input, reason: 'no Roster user has this ID' });
      else if (user.deleted_at !== null) unresolved.push({ input, reason: 'this user is deleted' });
      else found(input, user);
    } else {
      unresolved.push({ input, reason: 'neither an email address nor a Roster user ID' });
    }
  }
  return { people, unresolved };
}
