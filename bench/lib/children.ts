import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** The repository root: children run from here so `--import tsx` and relative paths resolve. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A free loopback TCP port (the OS picks it; the child binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Resident set size of a process in bytes (VmRSS of /proc/<pid>/status: the whole process, worker
 * threads included); undefined once it has gone.
 */
export async function rssBytes(pid: number): Promise<number | undefined> {
  try {
    const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
    const kb = Number.parseInt(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? '', 10);
    return Number.isFinite(kb) ? kb * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The Node flags `npm start` passes (package.json `scripts.start` is `[NAME=value …] exec node <flags>
 * scripts/start.mjs`),
 * so servers the bench starts directly run with the same heap settings.
 */
export async function npmStartNodeFlags(): Promise<string[]> {
  const pkg = JSON.parse(await fs.readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  return pkg.scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
}

/** The environment `npm start` sets for Node (`NAME=value` words before `exec node`). */
export async function npmStartEnv(): Promise<Record<string, string>> {
  const pkg = JSON.parse(await fs.readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const words = pkg.scripts.start.split(/\s+/);
  const assignments = words.slice(0, words.indexOf('exec')).filter((word) => /^[A-Z_]+=/.test(word));
  return Object.fromEntries(assignments.map((word) => word.split('=', 2) as [string, string]));
}

/**
 * `npm start` in the checkout, as an operator runs it: milliseconds from spawning it to the first
 * 200 from /healthz. The caller makes sure the build is up to date first (the figure is the start of
 * an installed checkout, not a build).
 */
export async function timeNpmStart(env: Record<string, string>, port: number): Promise<number> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('ROSTER_') && !name.startsWith('npm_')),
  );
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: { ...inherited, ...env, ROSTER_PORT: String(port) },
    stdio: 'ignore',
    detached: true,
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (response.ok) return performance.now() - started;
      } catch {
        // Not listening yet.
      }
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error('npm start did not become healthy');
      await sleep(10);
    }
  } finally {
    // The whole group: npm, its shell and the server.
    process.kill(-(child.pid as number), 'SIGTERM');
    await exited;
    running.delete(child);
  }
}

/** Samples a process's RSS every `everyMs` until stopped; `stop()` returns the peak seen. */
export function sampleRss(pid: number, everyMs = 50): { stop(): Promise<number> } {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const rss = await rssBytes(pid);
      if (rss !== undefined && rss > peak) peak = rss;
      await sleep(everyMs);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return peak;
    },
  };
}

export interface ServerChild {
  readonly pid: number;
  readonly url: string;
  /** The last few kilobytes the child wrote, for error messages. */
  output(): string;
  /** SIGTERM (the server's own shutdown path), SIGKILL if it has not exited in 15 s. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Kills every child still running: the bench's last resort on failure or Ctrl-C. */
export function killAllChildren(): void {
  for (const child of running) child.kill('SIGKILL');
}

/**
 * Starts `node --import tsx <script>` (or `node <script>` for built JavaScript) with a clean ROSTER_* environment plus `env`, and waits until
 * GET /healthz answers on `port`.
 */
export async function startServer(
  script: string,
  env: Record<string, string>,
  port: number,
  options: { typescript?: boolean; nodeOptions?: readonly string[] } = {},
): Promise<ServerChild> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('ROSTER_')),
  );
  const args = [
    ...(options.nodeOptions ?? []),
    ...(options.typescript === false ? [script] : ['--import', 'tsx', script]),
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const keep = (data: Buffer) => {
    output = (output + data.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const server: ServerChild = {
    pid: child.pid as number,
    url,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited at start-up:\n${output}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return server;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`${script} did not become healthy within 60 s:\n${output}`);
    }
    await sleep(100);
  }
}

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  /** Connection errors and timeouts (autocannon's 10 s). */
  readonly errors: number;
  readonly total: number;
}

/** Runs autocannon in its own process against `url`, so its work stays out of the server's. */
export async function loadTest(
  url: string,
  options: { seconds: number; connections: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const args = [
    path.join(ROOT, 'node_modules/autocannon/autocannon.js'),
    '--json',
    '--connections',
    String(options.connections),
    '--duration',
    String(options.seconds),
  ];
  for (const [name, value] of Object.entries(options.headers ?? {}))
    args.push('--headers', `${name}: ${value}`);
  args.push(url);
  const { stdout } = await execFileAsync(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
  const result = JSON.parse(stdout) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
  };
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    total: result.requests.total,
  };
}
