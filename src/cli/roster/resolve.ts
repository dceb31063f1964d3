import type { RosterClient } from './client.js';
import { isEmail } from './people-file.js';

/** Inputs per resolve request: well under the server's default limits, so 100,000 emails are ten requests. */
const BATCH = 10_000;
/** For an input the answer left out, which the server never does (it answers each input it was sent). */
const UNANSWERED = 'the server did not say who this is';

export type Resolution = { userId: string } | { error: string };

/**
 * Resolves emails to user IDs through `POST /roster/v1/users/resolve`, the one way from emails to
 * users that the console takes too, so both give the same reasons (a deleted user is named by no
 * email; a disabled one is, and the add refuses them). A batch of distinct emails a request; the
 * map is keyed by the trimmed, lower-case email.
 */
export async function resolveEmails(
  client: RosterClient,
  emails: Iterable<string>,
  options: ResolveOptions = {},
): Promise<Map<string, Resolution>> {
  const batch = options.batch ?? BATCH;
  const pending = [...new Set([...emails].map(emailKey))].filter((e) => e !== '');
  const resolved = new Map<string, Resolution>();
  for (let i = 0; i < pending.length; i += batch) {
    const inputs = pending.slice(i, i + batch);
    const answer = await client.call(client.api.POST('/roster/v1/users/resolve', { body: { inputs } }));
    for (const person of answer.people) resolved.set(emailKey(person.input), { userId: person.userId });
    for (const line of answer.unresolved) resolved.set(emailKey(line.input), { error: line.reason });
    options.onBatch?.(resolved.size);
  }
  return resolved;
}

export interface ResolveOptions {
  /** Emails a request (default 10,000); smaller batches let a progress bar move between them. */
  readonly batch?: number;
  /** Called after each batch with the number of distinct emails resolved so far. */
  readonly onBatch?: (resolved: number) => void;
}

/** How resolveEmails keys an email. */
export const emailKey = (email: string) => email.trim().toLowerCase();

/** The resolution of one email in resolveEmails' answer. */
export const resolutionOf = (resolved: Map<string, Resolution>, email: string): Resolution =>
  resolved.get(emailKey(email)) ?? { error: UNANSWERED };

/** The user ID for one email or ID given on the command line. */
export async function resolveOne(client: RosterClient, input: string): Promise<Resolution> {
  if (!isEmail(input)) return { userId: input };
  return resolutionOf(await resolveEmails(client, [input]), input);
}
