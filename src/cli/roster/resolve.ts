import type { RosterClient } from './client.js';

// Searches in flight at once: enough to hide the round trips, few enough to leave the server room.
const CONCURRENCY = 8;

interface UserView {
  user: { id: string; email: string; status: string };
}

export type Resolution = { userId: string } | { error: string };

/**
 * Resolves emails to user IDs, a batch at a time with several searches in flight (the user search
 * takes one exact email per request). Emails compare case-insensitively.
 */
export async function resolveEmails(
  client: RosterClient,
  emails: Iterable<string>,
): Promise<Map<string, Resolution>> {
  const pending = [...new Set([...emails].map((e) => e.toLowerCase()))];
  const resolved = new Map<string, Resolution>();
  let next = 0;
  const worker = async () => {
    while (next < pending.length) {
      const email = pending[next++];
      if (email === undefined) break;
      const page = await client.post<{ list?: UserView[] }>('/api/v1/search/users', { email, pageSize: 10 });
      const live = (page.list ?? []).filter((v) => v.user.status !== 'DELETED');
      const first = live[0];
      if (!first) resolved.set(email, { error: 'no user with this email' });
      else if (live.length > 1)
        resolved.set(email, { error: 'several users have this email; give the user ID' });
      else resolved.set(email, { userId: first.user.id });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, pending.length) }, worker));
  return resolved;
}

/** The user ID for one email or ID given on the command line. */
export async function resolveOne(client: RosterClient, input: string): Promise<Resolution> {
  if (!input.includes('@')) return { userId: input };
  return (
    (await resolveEmails(client, [input])).get(input.toLowerCase()) ?? { error: 'no user with this email' }
  );
}
