import { setTimeout as sleep } from 'node:timers/promises';
import { type RosterClient, seg } from './client.js';

export interface BulkAction {
  id: string;
  kind: string;
  appId: string;
  appEntitlementId: string;
  state: string;
  total: number;
  processed: number;
  succeeded: number;
  failed: number;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

export interface BulkActionItem {
  userId: string;
  outcome: string;
  appUserId: string;
  appUserCreated: boolean;
  error: string;
}

const OPEN_STATES = new Set(['BULK_ACTION_STATE_PENDING', 'BULK_ACTION_STATE_RUNNING']);
export const isOpen = (action: BulkAction) => OPEN_STATES.has(action.state);
export const shortState = (state: string) => state.replace(/^BULK_ACTION_STATE_/, '');

const POLL_MS = 250;

export const getBulkAction = (client: RosterClient, id: string) =>
  client.get<{ bulkAction: BulkAction }>(`/roster/v1/bulk_actions/${seg(id)}`).then((r) => r.bulkAction);

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

export const listItems = (client: RosterClient, id: string, outcome?: string) =>
  client.list<BulkActionItem>(`/roster/v1/bulk_actions/${seg(id)}/items`, outcome ? { outcome } : {});
