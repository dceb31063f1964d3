import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * How tests wait. They wait on events: a batch committed, a request received, a delivery attempted,
 * a line or message from a child process. A deadline only turns a wait that would hang into a clear
 * failure; it never decides an outcome. `waitUntil` is the one bounded poll, for the few facts that
 * no event announces (see its callers).
 */

export interface WaitOptions {
  /** What is waited for, in words; a wait that gives up names it. */
  readonly what: string;
  /** How long to wait at most. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

function gaveUp(what: string, timeoutMs: number): Error {
  return new Error(`gave up after ${timeoutMs} ms waiting for ${what}`);
}

/** Settles as `promise` does, or rejects naming `what` if it has not within the deadline. */
export async function withDeadline<T>(promise: Promise<T>, options: WaitOptions): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(gaveUp(options.what, timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

export type Signal = ReturnType<typeof createSignal>;

/**
 * Something that happens again and again: a committed batch, a received request, an attempt. The
 * code under test calls `notify()` when it happens; a test waits for a state with `until(check)`,
 * which checks now and again after each notification (several during one check cause one more
 * check), so no notification is missed and nothing is checked on a timer. `fail(error)` ends every
 * wait with that error (the process that would notify has exited).
 */
export function createSignal() {
  let count = 0;
  let failure: Error | undefined;
  const waiters = new Set<() => void>();

  const next = () =>
    new Promise<void>((resolve, reject) => {
      if (failure) reject(failure);
      else waiters.add(() => (failure ? reject(failure) : resolve()));
    });

  const wakeAll = () => {
    const woken = [...waiters];
    waiters.clear();
    for (const wake of woken) wake();
  };

  return {
    notify(): void {
      count++;
      wakeAll();
    },
    fail(error: Error): void {
      failure ??= error;
      wakeAll();
    },
    /** How many times it has happened. */
    get count(): number {
      return count;
    },
    /** Resolves once `check` holds, checking it now and after each notification. */
    async until(check: () => boolean | Promise<boolean>, options: WaitOptions): Promise<void> {
      let expired = false;
      const waiting = (async () => {
        while (!expired) {
          if (failure) throw failure;
          const seen = count;
          if (await check()) return;
          if (count === seen) await next();
        }
      })();
      try {
        await withDeadline(waiting, options);
      } finally {
        expired = true;
      }
    },
  };
}

/**
 * Waits until `check` holds by asking again every `intervalMs`, up to a deadline: only for facts
 * no event announces, such as PostgreSQL's change-stream horizon moving when transactions of other
 * sessions of the cluster end.
 */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  options: WaitOptions & { readonly intervalMs?: number },
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() >= deadline) throw gaveUp(options.what, timeoutMs);
    await sleep(options.intervalMs ?? 10);
  }
}

/** Calls `onLine` with each line `stream` gives (a child's stdout), for as long as it is open. */
export function onLines(stream: Readable, onLine: (line: string) => void): void {
  createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', onLine);
}

/** A JSON log line (pino's) as a record; undefined for any other line. */
export function logRecord(line: string): { msg?: string; [key: string]: unknown } | undefined {
  try {
    const record: unknown = JSON.parse(line);
    return typeof record === 'object' && record !== null ? (record as { msg?: string }) : undefined;
  } catch {
    return undefined;
  }
}
