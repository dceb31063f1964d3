/** Work the server does in the background: started once it is up, stopped on shutdown. */
export interface BackgroundLoop {
  start(): void;
  /** Lets work in progress finish, then stops. */
  stop(): Promise<void>;
}

/**
 * One owner for several loops: starts them in the order given and stops them in reverse, each once
 * the one started after it has stopped. A loop that fails to stop does not keep the others running:
 * the rest are stopped, then its error is thrown.
 */
export function ownLoops(loops: readonly BackgroundLoop[]): BackgroundLoop {
  return {
    start(): void {
      for (const loop of loops) loop.start();
    },
    async stop(): Promise<void> {
      const failures: unknown[] = [];
      for (const loop of [...loops].reverse()) {
        try {
          await loop.stop();
        } catch (error) {
          failures.push(error);
        }
      }
      if (failures.length > 0) throw failures[0];
    },
  };
}

/**
 * Runs `task` every `intervalMs` (the first time one interval after start), never twice at once; the
 * timer does not keep the process alive. Stopping waits for a run in progress. `task` handles its own
 * errors (it logs them), so it never rejects.
 */
export function intervalLoop(task: () => Promise<void>, intervalMs: number): BackgroundLoop {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  return {
    start(): void {
      if (timer) return;
      timer = setInterval(() => {
        running ??= task().finally(() => {
          running = undefined;
        });
      }, intervalMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

/**
 * An intervalLoop that can also be woken: `wake()` runs `task` at once (or once more after the run
 * in progress), so work enqueued by a request starts without waiting for the next interval.
 */
export function wakeableLoop(
  task: () => Promise<void>,
  intervalMs: number,
): BackgroundLoop & { wake(): void } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = task().finally(() => {
      running = undefined;
      if (again && timer) {
        again = false;
        run();
      }
    });
  };
  return {
    start(): void {
      if (timer) return;
      timer = setInterval(run, intervalMs);
      timer.unref();
    },
    wake(): void {
      if (timer) run();
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      timer = undefined;
      again = false;
      while (running) await running;
    },
  };
}
