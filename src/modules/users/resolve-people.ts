import type { Executor } from '../../db/schema.js';
import { findIdentitiesByEmails, findIdentitiesByIds, type UserIdentity } from './users.repository.js';

export interface ResolvedPerson {
  readonly input: string;
  readonly userId: string;
  readonly displayName: string;
  readonly email: string;
}

export interface UnresolvedInput {
  readonly input: string;
  readonly reason: string;
  /** The live users an email names when it names more than one. */
  readonly userIds?: string[];
}

export interface Resolution {
  readonly people: ResolvedPerson[];
  readonly unresolved: UnresolvedInput[];
}

/**
 * Why an input names no one: the one set of messages the console and the CLI show. A deleted user
 * is named by no input; a disabled one is (adding them is refused by the add, with its own reason).
 */
export const UNRESOLVED_REASONS = {
  unknownEmail: 'no Roster user has this email',
  ambiguousEmail: (userIds: readonly string[]) =>
    `more than one Roster user has this email (${userIds.join(', ')}); use the user ID`,
  deletedEmail: 'the user with this email is deleted',
  unknownId: 'no Roster user has this ID',
  deletedId: 'the user with this ID is deleted',
  neither: 'neither an email address nor a Roster user ID',
} as const;

/** IDs are KSUIDs: 27 base62 characters (CONTRACT.md §7.4). */
const USER_ID = /^[0-9A-Za-z]{27}$/;
/** Values per lookup: well under every dialect's bound on statement parameters. */
const CHUNK = 1_000;

export const isEmailInput = (input: string) => input.includes('@');

async function inChunks(
  values: readonly string[],
  load: (chunk: string[]) => Promise<UserIdentity[]>,
): Promise<UserIdentity[]> {
  const rows: UserIdentity[] = [];
  for (let i = 0; i < values.length; i += CHUNK) rows.push(...(await load(values.slice(i, i + CHUNK))));
  return rows;
}

/**
 * Turns emails and user IDs (what a person pasted or uploaded, or a CLI file's cells) into Roster
 * users, each input that names no one with the reason why. Inputs are trimmed and blank ones
 * skipped; emails compare case-insensitively. A person named by several inputs (an email and the
 * ID, or the email in two spellings) is listed once, under the first. Users are looked up a chunk
 * at a time, one statement per chunk whatever the count of inputs.
 */
export async function resolvePeople(db: Executor, rawInputs: readonly string[]): Promise<Resolution> {
  const inputs = [...new Set(rawInputs.map((l) => l.trim()).filter((l) => l !== ''))];
  const emails = [...new Set(inputs.filter(isEmailInput).map((e) => e.toLowerCase()))];
  const ids = inputs.filter((l) => !isEmailInput(l) && USER_ID.test(l));
  const byEmail = new Map<string, UserIdentity[]>();
  for (const user of await inChunks(emails, (c) => findIdentitiesByEmails(db, c))) {
    const key = user.email.toLowerCase();
    byEmail.set(key, [...(byEmail.get(key) ?? []), user]);
  }
  const byId = new Map((await inChunks(ids, (c) => findIdentitiesByIds(db, c))).map((u) => [u.id, u]));

  const people: ResolvedPerson[] = [];
  const unresolved: UnresolvedInput[] = [];
  const seen = new Set<string>();
  const found = (input: string, user: UserIdentity) => {
    if (seen.has(user.id)) return;
    seen.add(user.id);
    people.push({ input, userId: user.id, displayName: user.display_name, email: user.email });
  };
  const refuse = (input: string, reason: string) => unresolved.push({ input, reason });
  for (const input of inputs) {
    if (isEmailInput(input)) {
      const matches = byEmail.get(input.toLowerCase()) ?? [];
      const live = matches.filter((u) => u.deleted_at === null);
      const [only] = live;
      if (only && live.length === 1) found(input, only);
      else if (live.length > 1) {
        const userIds = live.map((u) => u.id).sort();
        unresolved.push({ input, reason: UNRESOLVED_REASONS.ambiguousEmail(userIds), userIds });
      } else if (matches.length > 0) refuse(input, UNRESOLVED_REASONS.deletedEmail);
      else refuse(input, UNRESOLVED_REASONS.unknownEmail);
    } else if (USER_ID.test(input)) {
      const user = byId.get(input);
      if (!user) refuse(input, UNRESOLVED_REASONS.unknownId);
      else if (user.deleted_at !== null) refuse(input, UNRESOLVED_REASONS.deletedId);
      else found(input, user);
    } else {
      refuse(input, UNRESOLVED_REASONS.neither);
    }
  }
  return { people, unresolved };
}
