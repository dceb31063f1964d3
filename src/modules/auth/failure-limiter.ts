/**
 * Counts failed token requests per key (a client ID, a source address) in fixed windows, so
 * guessing and replay floods are cut off (issue 3 point 6). State is per process: several Roster
 * processes behind one address each allow the limit, which bounds guessing all the same.
 */
export interface FailureLimiter {
  /** Seconds until `keys` may try again, or 0 when none of them is over its limit. */
  retryAfter(keys: readonly string[], nowMs: number): number;
  recordFailure(keys: readonly string[], nowMs: number): void;
}

export interface FailureLimits {
  /** Failures one key may have per window. */
  readonly perKey: (key: string) => number;
  readonly windowMs: number;
  /** Most keys tracked at once; the oldest windows are dropped first. */
  readonly maxKeys?: number;
}

export function createFailureLimiter(limits: FailureLimits): FailureLimiter {
  const windows = new Map<string, { startMs: number; failures: number }>();
  const maxKeys = limits.maxKeys ?? 100_000;

  const current = (key: string, nowMs: number) => {
    const window = windows.get(key);
    if (!window || nowMs - window.startMs >= limits.windowMs) return undefined;
    return window;
  };

  return {
    retryAfter(keys, nowMs) {
      let wait = 0;
      for (const key of keys) {
        const window = current(key, nowMs);
        if (window && window.failures >= limits.perKey(key)) {
          wait = Math.max(wait, Math.ceil((window.startMs + limits.windowMs - nowMs) / 1000));
        }
      }
      return wait;
    },
    recordFailure(keys, nowMs) {
      for (const key of keys) {
        const window = current(key, nowMs);
        if (window) {
          window.failures++;
          continue;
        }
        if (windows.size >= maxKeys) {
          const oldest = windows.keys().next();
          if (!oldest.done) windows.delete(oldest.value);
        }
        windows.delete(key);
        windows.set(key, { startMs: nowMs, failures: 1 });
      }
    },
  };
}
