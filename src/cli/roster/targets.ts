import { ApiError, type RosterClient } from './client.js';
import { CliError, EXIT } from './exit-codes.js';

/** An app or entitlement a command names, and how a person would recognise it among others. */
interface Candidate {
  readonly id: string;
  readonly label: string;
}

/** A lookup by ID that found nothing: 404, or 400 when the input is not even shaped like an ID. */
const notFound = (error: unknown): error is ApiError =>
  error instanceof ApiError && (error.status === 404 || error.status === 400);

/** The one candidate a name picks; several refuse, listing them (usage error); none is `undefined`. */
function pick(kind: string, input: string, candidates: Candidate[]): string | undefined {
  if (candidates.length === 1) return candidates[0]?.id;
  if (candidates.length === 0) return undefined;
  const listed = candidates.map((c) => `  ${c.id}  ${c.label}`).join('\n');
  throw new CliError(
    `${kind} "${input}" is ambiguous: ${candidates.length} ${kind}s match it; use one of these IDs:\n${listed}`,
    EXIT.USAGE,
  );
}

/**
 * The app an argument names: its ID, else its display name (ignoring case) when exactly one app has
 * it. An unknown name gets the API's not-found answer for the input as an ID (exit 3).
 */
export async function appIdOf(client: RosterClient, input: string): Promise<string> {
  try {
    await client.call(client.api.GET('/api/v1/apps/{id}', { params: { path: { id: input } } }));
    return input;
  } catch (error) {
    if (!notFound(error)) throw error;
    const candidates: Candidate[] = [];
    for await (const app of client.search('/api/v1/search/apps', { displayName: input })) {
      candidates.push({ id: app.id, label: app.displayName });
    }
    const id = pick('app', input, candidates);
    if (id === undefined) throw error;
    return id;
  }
}

/**
 * The entitlement an argument names in an app: its ID, else its alias (unique within the app), else
 * its slug or display name (ignoring case) when exactly one entitlement of the app has it.
 */
export async function entitlementIdOf(client: RosterClient, appId: string, input: string): Promise<string> {
  try {
    await client.call(
      client.api.GET('/api/v1/apps/{app_id}/entitlements/{id}', {
        params: { path: { app_id: appId, id: input } },
      }),
    );
    return input;
  } catch (error) {
    if (!notFound(error)) throw error;
    const wanted = input.toLowerCase();
    const byName: Candidate[] = [];
    for await (const view of client.list('/api/v1/apps/{app_id}/entitlements', { path: { app_id: appId } })) {
      const e = view.appEntitlement;
      if (e.alias !== '' && e.alias === input) return e.id;
      if (e.slug.toLowerCase() === wanted || e.displayName.toLowerCase() === wanted) {
        byName.push({
          id: e.id,
          label: [e.displayName, e.slug && `slug ${e.slug}`].filter(Boolean).join(', '),
        });
      }
    }
    const id = pick('entitlement', input, byName);
    if (id === undefined) throw error;
    return id;
  }
}

/** The app and entitlement two arguments name (IDs or names, as appIdOf and entitlementIdOf take). */
export async function targetOf(
  client: RosterClient,
  app: string,
  entitlement: string,
): Promise<{ appId: string; entId: string }> {
  const appId = await appIdOf(client, app);
  return { appId, entId: await entitlementIdOf(client, appId, entitlement) };
}
