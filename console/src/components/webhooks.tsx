import { Badge } from '@mantine/core';
import type { Body, Webhook } from '../api/types';
import { useAbilities } from '../session';

export type EventType = Body<'/roster/v1/webhooks', 'post'>['eventTypes'][number];

/** The events a webhook can ask for, as the README's Webhooks section describes them. */
export const EVENT_TYPES: { value: EventType; label: string }[] = [
  { value: 'grant.added', label: 'grant.added — someone was given an entitlement' },
  { value: 'grant.removed', label: 'grant.removed — an entitlement was taken away' },
  { value: 'bulk_action.finished', label: 'bulk_action.finished — a bulk action ended' },
  { value: 'user.created', label: 'user.created' },
  { value: 'user.updated', label: 'user.updated (also enabled or disabled)' },
  { value: 'user.deleted', label: 'user.deleted' },
  { value: 'task.created', label: 'task.created — someone asked for access' },
  { value: 'task.assigned', label: 'task.assigned — a request now waits for its approvers' },
  { value: 'task.closed', label: 'task.closed — a request ended, with its outcome' },
];

/** The state of a webhook in words, dark text on a light tint for WCAG AA contrast. */
export function WebhookStateBadge({ state }: { state: Webhook['state'] }) {
  const color = state === 'ACTIVE' ? 'green' : state === 'DISABLED' ? 'red' : 'gray';
  return (
    <Badge variant="light" color={color} c="dark.8" w="max-content">
      {state === 'ACTIVE' ? 'Active' : state === 'PAUSED' ? 'Paused' : 'Disabled by Roster'}
    </Badge>
  );
}

/** May the signed-in person create webhooks (every one, or those limited to apps they own)? */
export const useMayManageWebhooks = () => {
  const { can } = useAbilities();
  return can('webhooks:write') || can('webhooks:own');
};
