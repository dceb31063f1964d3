import { type RawBuilder, sql } from 'kysely';
import type { BulkActionState } from '../../lib/vocabulary.js';

type Count = 'succeeded' | 'failed';

/**
 * The state a finished bulk action ends in, from its counts: the first rule whose count is zero
 * decides, else the fallback. The one definition behind both the code and the SQL below, because the
 * last batch finishes an action in SQL (racing chunks see each other's counts only there) while an
 * action with no work is written finished by code.
 */
const FINAL_STATE_RULES: ReadonlyArray<{ readonly zero: Count; readonly state: BulkActionState }> = [
  { zero: 'failed', state: 'BULK_ACTION_STATE_SUCCEEDED' },
  { zero: 'succeeded', state: 'BULK_ACTION_STATE_FAILED' },
];
const OTHERWISE: BulkActionState = 'BULK_ACTION_STATE_PARTIALLY_FAILED';

export function finalState(counts: Readonly<Record<Count, number>>): BulkActionState {
  return FINAL_STATE_RULES.find((rule) => counts[rule.zero] === 0)?.state ?? OTHERWISE;
}

/** `finalState` over the `succeeded` and `failed` columns of the bulk_actions row being updated. */
export function finalStateSql(): RawBuilder<BulkActionState> {
  const cases = FINAL_STATE_RULES.map(
    (rule) => sql`when ${sql.ref(rule.zero)} = 0 then ${sql.lit(rule.state)}`,
  );
  return sql<BulkActionState>`case ${sql.join(cases, sql` `)} else ${sql.lit(OTHERWISE)} end`;
}
