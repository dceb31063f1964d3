/**
 * A background loop that runs `step` for as long as it reports more work, then sleeps `pollMs`
 * (work may come from other processes) unless woken earlier. The bulk-action runner and the webhook
 * dispatcher run on it.
 */
export function createWakeableLoop(
  step: () => Promise<boolean>,
  options: { readonly pollMs: number; readonly onError: (error: unknown) => void },
) {
  let stopping = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;
  // A wake that came while a step ran: the step may have read too early to see its work.
  let pendingWake = false;

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });
  }

  async function run(): Promise<void> {
    while (!stopping) {
      pendingWake = false;
      try {
        if (await step()) continue;
      } catch (error) {
        options.onError(error);
      }
      if (!pendingWake && !stopping) await sleep(options.pollMs);
    }
  }

  return {
    /** Starts the loop in the background; a started loop is left as it is. */
    start(): void {
      stopping = false;
      loop ??= run().finally(() => {
        loop = undefined;
      });
    },
    /** Runs a step now instead of at the next poll. */
    wake(): void {
      pendingWake = true;
      wakeUp?.();
    },
    /** Lets the current step finish and ends the loop. */
    async stop(): Promise<void> {
      stopping = true;
      wakeUp?.();
      await loop;
    },
    /** True from stop() until the next start(): work in progress ends at its next safe point. */
    get stopping(): boolean {
      return stopping;
    },
  };
}
