import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort, type LoadResult, loadTest, startServer } from './children.js';

/** One read of the bench: a name (a URL path segment of its twin), and its path on a Roster server. */
export interface Read {
  readonly name: string;
  readonly route: string;
}

/** What a read answers, as the load tool receives it: status, headers and body bytes. */
export interface Captured {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

export interface ReadResult {
  readonly name: string;
  readonly bytes: number;
  readonly roster: LoadResult;
  /** A bare Fastify route answering the very same bytes and headers from memory, under the same load. */
  readonly twin: LoadResult;
}

/** Headers the twin lets its own HTTP layer write (framing and the connection), not copied. */
const FRAMING = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date']);

/** GET `url` as the load tool sends it (no Accept-Encoding), keeping the raw bytes. */
export function capture(url: string, headers: Record<string, string>): Promise<Captured> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const kept: Record<string, string> = {};
          for (const [name, value] of Object.entries(response.headers)) {
            if (!FRAMING.has(name) && value !== undefined) kept[name] = String(value);
          }
          resolve({ status: response.statusCode ?? 0, headers: kept, body: Buffer.concat(chunks) });
        });
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

/**
 * Each read under load on the Roster server at `serverUrl`, then its twin: a bare Fastify server
 * (bench/bare-server.ts, its own process) that answers the response Roster gave, captured once, from
 * memory, so a ratio to it measures Roster's work and not the payload's.
 */
export async function readsWithTwins(
  serverUrl: string,
  token: string,
  reads: readonly Read[],
  load: { seconds: number; connections: number },
  progress: (message: string) => void,
): Promise<ReadResult[]> {
  const headers = { authorization: `Bearer ${token}` };
  const captured = new Map<string, Captured>();
  const roster = new Map<string, LoadResult>();
  for (const read of reads) {
    const answer = await capture(`${serverUrl}${read.route}`, headers);
    if (answer.status !== 200) {
      throw new Error(`${read.name}: ${answer.status} ${answer.body.toString('utf8').slice(0, 300)}`);
    }
    captured.set(read.name, answer);
    progress(`${read.name} under load (${load.seconds} s, ${load.connections} connections)`);
    const result = await loadTest(`${serverUrl}${read.route}`, { ...load, headers });
    if (result.non2xx > 0 || result.errors > result.total / 1000) {
      throw new Error(`${read.name} under load: ${result.non2xx} non-2xx, ${result.errors} errors`);
    }
    roster.set(read.name, result);
  }

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-bench-twins-'));
  const file = path.join(dir, 'bodies.json');
  await fs.writeFile(
    file,
    JSON.stringify(
      reads.map((read) => {
        const { headers: kept, body } = captured.get(read.name) as Captured;
        return { name: read.name, headers: kept, body: body.toString('base64') };
      }),
    ),
  );
  const port = await freePort();
  const twins = await startServer(
    'bench/bare-server.ts',
    { BENCH_PORT: String(port), BENCH_TWINS: file },
    port,
  );
  try {
    const results: ReadResult[] = [];
    for (const read of reads) {
      const url = `${twins.url}/twin/${read.name}`;
      const served = await capture(url, headers);
      const expected = captured.get(read.name) as Captured;
      if (!served.body.equals(expected.body)) throw new Error(`twin of ${read.name} answers other bytes`);
      progress(`bare twin of ${read.name} (${expected.body.length.toLocaleString('en-US')} B)`);
      const twin = await loadTest(url, { ...load, headers });
      results.push({
        name: read.name,
        bytes: expected.body.length,
        roster: roster.get(read.name) as LoadResult,
        twin,
      });
    }
    return results;
  } finally {
    await twins.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
