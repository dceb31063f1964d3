/** The state a bulk action ends in, from its counts. */
export function finalState(succeeded: number, failed: number): string {
  if (failed === 0) return 'BULK_ACTION_STATE_SUCCEEDED';
  if (succeeded === 0) return 'BULK_ACTION_STATE_FAILED';
  return 'BULK_ACTION_STATE_PARTIALLY_FAILED';
}
