import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort, type LoadResult, loadTest, startServer } from './children.js';
import { median } from './table.js';

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
  /** Roster's slices summed: rate is all requests over all seconds, latencies the slices' medians. */
  readonly roster: LoadResult;
  /** A bare Fastify route answering the very same bytes and headers from memory, in slices alternating with Roster's. */
  readonly twin: LoadResult;
  /** Roster's rate to the twin's in each adjacent pair of slices: their median and range. */
  readonly pairRatios: { readonly median: number; readonly low: number; readonly high: number };
  readonly pairs: number;
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
 * Each read under load on the Roster server at `serverUrl` and on its twin: a bare Fastify server
 * (bench/bare-server.ts, its own process) that answers the response Roster gave, captured once, from
 * memory, so a ratio to it measures Roster's work and not the payload's. A shared machine's load moves
 * by several times within minutes, so the two are measured in short slices that alternate (Roster,
 * twin, twin, Roster, …: `load.seconds` pairs of 1 s each), both seeing the same load.
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
  for (const read of reads) {
    const answer = await capture(`${serverUrl}${read.route}`, headers);
    if (answer.status !== 200) {
      throw new Error(`${read.name}: ${answer.status} ${answer.body.toString('utf8').slice(0, 300)}`);
    }
    captured.set(read.name, answer);
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
      const twinUrl = `${twins.url}/twin/${read.name}`;
      const served = await capture(twinUrl, headers);
      const expected = captured.get(read.name) as Captured;
      if (!served.body.equals(expected.body)) throw new Error(`twin of ${read.name} answers other bytes`);
      progress(
        `${read.name} and its bare twin (${expected.body.length.toLocaleString('en-US')} B), ` +
          `${load.seconds} alternating pairs of 1 s, ${load.connections} connections`,
      );
      const measured = await alternate(`${serverUrl}${read.route}`, twinUrl, load, headers);
      for (const slice of measured.roster) {
        if (slice.non2xx > 0 || slice.errors > slice.total / 1000) {
          throw new Error(`${read.name} under load: ${slice.non2xx} non-2xx, ${slice.errors} errors`);
        }
      }
      const ratios = measured.roster.map(
        (slice, i) => slice.requestsPerSecond / (measured.twin[i] as LoadResult).requestsPerSecond,
      );
      results.push({
        name: read.name,
        bytes: expected.body.length,
        roster: summed(measured.roster),
        twin: summed(measured.twin),
        pairRatios: { median: median(ratios), low: Math.min(...ratios), high: Math.max(...ratios) },
        pairs: ratios.length,
      });
    }
    return results;
  } finally {
    await twins.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * `load.seconds` pairs of 1 s slices, the order flipped every pair (A B, B A, A B …) so that neither
 * side always runs first after a pause; one unmeasured 1 s slice of each warms both up.
 */
async function alternate(
  rosterUrl: string,
  twinUrl: string,
  load: { seconds: number; connections: number },
  headers: Record<string, string>,
): Promise<{ roster: LoadResult[]; twin: LoadResult[] }> {
  const slice = (url: string) => loadTest(url, { seconds: 1, connections: load.connections, headers });
  await slice(rosterUrl);
  await slice(twinUrl);
  const roster: LoadResult[] = [];
  const twin: LoadResult[] = [];
  for (let pair = 0; pair < Math.max(1, load.seconds); pair++) {
    if (pair % 2 === 0) {
      roster.push(await slice(rosterUrl));
      twin.push(await slice(twinUrl));
    } else {
      twin.push(await slice(twinUrl));
      roster.push(await slice(rosterUrl));
    }
  }
  return { roster, twin };
}

/** Slices as one result: the mean of their rates (all 1 s), latencies the slices' medians. */
function summed(slices: readonly LoadResult[]): LoadResult {
  const total = slices.reduce((sum, s) => sum + s.total, 0);
  return {
    requestsPerSecond: slices.reduce((sum, s) => sum + s.requestsPerSecond, 0) / slices.length,
    p50Ms: median(slices.map((s) => s.p50Ms)),
    p99Ms: median(slices.map((s) => s.p99Ms)),
    non2xx: slices.reduce((sum, s) => sum + s.non2xx, 0),
    errors: slices.reduce((sum, s) => sum + s.errors, 0),
    total,
  };
}

/** A read's per-pair ratios as one cell: `0.42 (0.30–0.51)`. */
export const pairSpread = (read: ReadResult): string =>
  `${read.pairRatios.median.toFixed(2)} (${read.pairRatios.low.toFixed(2)}–${read.pairRatios.high.toFixed(2)})`;
