/**
 * A full garbage collection once the process has been quiet for a moment after big work (a 100,000-user
 * import, a 100,000-ID add, the bulk-action thread ending). V8 collects its old generation only when
 * that grows to its limit, never because the process went idle, so the few hundred MB such work
 * leaves there would stay resident until the next big job. `npm start` runs Node with `--expose-gc`;
 * without it (tests, `node dist/main.js`) this does nothing.
 */
const gc = (globalThis as { gc?: () => void }).gc;

/** Quiet time before collecting: a burst of big requests is collected once, after the last. */
const SETTLE_MS = 1_000;

let timer: NodeJS.Timeout | undefined;

export function settleMemorySoon(): void {
  if (!gc) return;
  clearTimeout(timer);
  timer = setTimeout(() => gc(), SETTLE_MS);
  timer.unref();
}
