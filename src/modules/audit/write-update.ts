import type { Executor } from '../../db/schema.js';
import type { UpdatePlan } from '../../http/update-mask.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import type { SystemLogOperation } from '../../lib/vocabulary.js';
import type { SystemLog } from './system-log.service.js';

/** The `<target>.updated` system-log event of an update, less what the update itself supplies. */
export interface UpdateEvent {
  readonly operation: Extract<SystemLogOperation, `${string}.updated`>;
  readonly targetType: string;
  readonly targetId: string;
  readonly actor: Actor;
  /** Facts beside the updated wire fields, which the event always lists as `fields`. */
  readonly details?: Record<string, unknown>;
}

/**
 * Writes a planned update with its update time and records its system-log event, in the caller's
 * transaction (STYLE.md habit 6). A plan that changes nothing writes nothing and logs nothing, and
 * answers undefined; otherwise the columns written.
 */
export async function writeUpdate<Row>(
  trx: Executor,
  deps: { readonly systemLog: SystemLog; readonly clock: Clock },
  plan: UpdatePlan<Row>,
  write: (changes: Partial<Row> & { updated_at: string }) => Promise<unknown>,
  event: UpdateEvent,
): Promise<(Partial<Row> & { updated_at: string }) | undefined> {
  if (plan.fields.length === 0) return undefined;
  const now = deps.clock.now();
  const changes = { ...plan.changes, updated_at: now.toISOString() };
  await write(changes);
  const { details, ...target } = event;
  await deps.systemLog.record(trx, [
    { ...target, activity: 'update', occurredAt: now, details: { ...details, fields: plan.fields } },
  ]);
  return changes;
}
