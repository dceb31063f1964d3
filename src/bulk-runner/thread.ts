import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FastifyBaseLogger } from 'fastify';
import type { ConnectOptions } from '../db/connect.js';
import { settleMemorySoon } from '../lib/settle-memory.js';

/** What the runner thread needs to start: how to reach the database, and the runner's settings. */
export interface RunnerThreadSettings {
  readonly connect: ConnectOptions;
  readonly logLevel: string;
  readonly batchSize?: number;
  readonly maxBatchSize?: number;
  readonly owner?: string;
  /**
   * Set when the server restarts the thread on demand (`hasWork`): after this long without a batch
   * the thread says `idle` and ends, handing back its heap and its connection's page cache.
   */
  readonly idleExitMs?: number;
}

/** Messages between the server and its runner thread. */
export type RunnerThreadMessage =
  | 'wake'
  | 'stop'
  | 'started'
  | 'stopped'
  | 'idle'
  /** A batch committed; its transaction took this long (BEGIN to COMMIT). */
  | { readonly batch: { readonly transactionMs: number } };

export interface RunnerThreadOptions {
  readonly settings: RunnerThreadSettings;
  readonly logger: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  /** How long to wait before starting a crashed thread again; doubles per crash in a row. */
  readonly restartMs?: number;
  /** How long stop() waits for the current batch before ending the thread anyway. */
  readonly stopTimeoutMs?: number;
  /**
   * Whether bulk work is waiting. Given, the thread (~30 MB: an isolate with its own database
   * libraries and connection) is started only once there is work: at start, on wake, or when a poll
   * finds work another process created; an idle server holds no thread. Without it, start() starts
   * the thread at once.
   */
  readonly hasWork?: () => Promise<boolean>;
  /** How often, with `hasWork` and no thread yet, to look for work. */
  readonly pollMs?: number;
  /**
   * With `hasWork`: how long the thread runs without committing a batch before it ends (a 100,000-user
   * add leaves its thread holding ~200 MB of heap and page cache otherwise). Default 5 s.
   */
  readonly idleExitMs?: number;
}

export type RunnerThread = ReturnType<typeof createRunnerThread>;

/**
 * The old generation a runner thread may use. A batch holds a few thousand rows; the largest part is
 * an action's parsed user IDs (100,000 IDs ≈ 10 MB), so this leaves room without letting a runaway
 * thread take the server's memory; a thread that exceeds it crashes and is started again.
 */
const THREAD_HEAP_MB = 256;
const DEFAULT_IDLE_EXIT_MS = 5_000;
const MAX_RESTART_MS = 60_000;

/**
 * Runs the bulk-action runner in a `worker_threads` worker with its own database connection, so the
 * request thread's event loop never waits for bulk work: under WAL, SQLite readers continue while
 * the runner writes, and requests only wait for SQLite's write lock during one batch. A thread that
 * crashes is logged and started again; its chunk's lease runs out and the new thread (or any other
 * runner) takes the chunk up from its last committed batch.
 */
export function createRunnerThread(options: RunnerThreadOptions) {
  const { settings, logger } = options;
  const restartMs = options.restartMs ?? 1_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 60_000;
  let worker: Worker | undefined;
  // The running thread said it is idle and is ending; a wake meanwhile starts a new one when it has.
  let leaving = false;
  let wokenWhileLeaving = false;
  let stopping = false;
  let crashes = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let pollTimer: NodeJS.Timeout | undefined;
  const batchListeners: Array<(batch: { transactionMs: number }) => void> = [];

  function spawn(): void {
    if (worker || stopping) return;
    clearTimeout(restartTimer);
    const idleExitMs = options.hasWork ? (options.idleExitMs ?? DEFAULT_IDLE_EXIT_MS) : undefined;
    const thread = startWorker(idleExitMs === undefined ? settings : { ...settings, idleExitMs });
    worker = thread;
    leaving = false;
    wokenWhileLeaving = false;
    thread.on('message', (message: RunnerThreadMessage) => {
      if (message === 'started') crashes = 0;
      else if (message === 'idle') leaving = true;
      else if (typeof message === 'object') for (const listener of batchListeners) listener(message.batch);
    });
    thread.on('error', (error) => logger.error({ err: error }, 'bulk-action runner thread failed'));
    thread.on('exit', (code) => {
      if (worker === thread) worker = undefined;
      if (stopping) return;
      if (leaving && code === 0) {
        // Ended for want of work: the poll (hasWork) or the next wake starts a new one. What the
        // request thread kept from the work's requests goes too.
        settleMemorySoon();
        if (wokenWhileLeaving) spawn();
        return;
      }
      crashes++;
      const pause = Math.min(MAX_RESTART_MS, restartMs * 2 ** (crashes - 1));
      logger.error({ code, restartInMs: pause }, 'bulk-action runner thread ended; starting it again');
      restartTimer = setTimeout(spawn, pause);
      restartTimer.unref();
    });
  }

  async function lookForWork(hasWork: () => Promise<boolean>): Promise<void> {
    if (worker || stopping) return;
    try {
      if (await hasWork()) spawn();
    } catch (error) {
      logger.warn({ err: error }, 'could not look for bulk work; looking again at the next poll');
    }
  }

  return {
    /** Starts the thread; it looks for work at once and then every poll. */
    start(): void {
      stopping = false;
      const { hasWork } = options;
      if (!hasWork) {
        spawn();
        return;
      }
      void lookForWork(hasWork);
      clearInterval(pollTimer);
      pollTimer = setInterval(() => void lookForWork(hasWork), options.pollMs ?? 1_000);
      pollTimer.unref();
    },
    /**
     * Calls `listener` after each batch the thread commits (webhooks read the change stream then),
     * with how long its transaction took.
     */
    onBatch(listener: (batch: { transactionMs: number }) => void): void {
      batchListeners.push(listener);
    },
    /** Tells the thread to look for work now (a bulk action was just created). */
    wake(): void {
      if (leaving) wokenWhileLeaving = true;
      if (worker) worker.postMessage('wake' satisfies RunnerThreadMessage);
      // A thread started now looks for work as it starts.
      else if (options.hasWork) spawn();
    },
    /** Lets the thread finish its current batch and release its lease, then ends it. */
    async stop(): Promise<void> {
      stopping = true;
      clearTimeout(restartTimer);
      clearInterval(pollTimer);
      const thread = worker;
      if (!thread) return;
      const exited = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
      thread.postMessage('stop' satisfies RunnerThreadMessage);
      const timer = setTimeout(() => {
        logger.warn('bulk-action runner thread did not stop in time; ending it');
        void thread.terminate();
      }, stopTimeoutMs);
      await exited;
      clearTimeout(timer);
    },
    /** The running thread's ID, for tests; undefined while none runs. */
    get threadId(): number | undefined {
      return worker?.threadId;
    },
  };
}

/**
 * Starts worker.ts. From the build (dist/) that is a plain .js file. From source (tsx, vitest) the
 * thread must first register tsx's loader, which `--import tsx` in execArgv does not do for a worker
 * on Node 20, so a one-line bootstrap registers it and then imports the TypeScript entry.
 */
function startWorker(settings: RunnerThreadSettings): Worker {
  const options = {
    workerData: settings,
    resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
  };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), options);
  const entry = new URL('./worker.ts', import.meta.url).href;
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}
