import { setTimeout as sleep } from 'node:timers/promises';
import type { Answer, paths, RosterClient } from './client.js';

export type BulkAction = Answer<'/roster/v1/bulk_actions/{id}', 'get'>['bulkAction'];
type ItemsQuery = NonNullable<
  NonNullable<paths['/roster/v1/bulk_actions/{id}/items']['get']>['parameters']['query']
>;
/** A per-user outcome: ADDED, ALREADY_MEMBER, REMOVED, NOT_MEMBER or FAILED. */
export type Outcome = NonNullable<ItemsQuery['outcome']>;

const OPEN_STATES = new Set<string>(['BULK_ACTION_STATE_PENDING', 'BULK_ACTION_STATE_RUNNING']);
export const isOpen = (action: BulkAction) => OPEN_STATES.has(action.state);
export const shortState = (state: string) => state.replace(/^BULK_ACTION_STATE_/, '');

const POLL_MS = 250;

export const getBulkAction = async (client: RosterClient, id: string) =>
  (await client.call(client.api.GET('/roster/v1/bulk_actions/{id}', { params: { path: { id } } })))
    .bulkAction;

/** Polls a bulk action until it has finished, reporting its progress on the way. */
export async function waitForBulkAction(
  client: RosterClient,
  id: string,
  onProgress: (action: BulkAction) => void = () => {},
): Promise<BulkAction> {
  for (;;) {
    const action = await getBulkAction(client, id);
    onProgress(action);
    if (!isOpen(action)) return action;
    await sleep(POLL_MS);
  }
}

/**
 * A bulk action's users and their outcomes, page after page. The outcome filter is the user's
 * word, passed on as it is: the API refuses one it does not know (exit 3).
 */
export const listItems = (client: RosterClient, id: string, outcome?: string) =>
  client.list('/roster/v1/bulk_actions/{id}/items', {
    path: { id },
    query: outcome ? { outcome: outcome as Outcome } : {},
  });
