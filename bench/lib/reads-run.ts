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
  /**
   * The data floor: a bare route that runs Roster's own service call for the read on each request and
   * answers the same bytes (bench/floor-server.ts), in slices alternating with the other two.
   */
  readonly floor: LoadResult;
  /** Roster's rate to the twin's in each adjacent pair of slices: their median and range. */
  readonly pairRatios: Spread;
  /** The floor's rate to the twin's in each round: the highest ratio a Roster reading the record could reach. */
  readonly floorRatios: Spread;
  readonly pairs: number;
}

export interface Spread {
  readonly median: number;
  readonly low: number;
  readonly high: number;
}

/** Where the Roster under test keeps its data, so that the floor server reads the same database. */
export interface RosterDatabase {
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
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
 * Each read under load on the Roster server at `serverUrl`, on its twin: a bare Fastify server
 * (bench/bare-server.ts, its own process) that answers the response Roster gave, captured once, from
 * memory, so a ratio to it measures Roster's work and not the payload's; and on its data floor
 * (bench/floor-server.ts), which answers the same bytes after reading the record as Roster does. A
 * shared machine's load moves by several times within minutes, so the three are measured in short
 * slices that alternate (`load.seconds` rounds of 1 s each, the order turned every round), all
 * seeing the same load.
 */
export async function readsWithTwins(
  serverUrl: string,
  database: RosterDatabase,
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
        return { name: read.name, route: read.route, headers: kept, body: body.toString('base64') };
      }),
    ),
  );
  const twinPort = await freePort();
  const twins = await startServer(
    'bench/bare-server.ts',
    { BENCH_PORT: String(twinPort), BENCH_TWINS: file },
    twinPort,
  );
  const floorPort = await freePort();
  const floors = await startServer(
    'bench/floor-server.ts',
    {
      BENCH_PORT: String(floorPort),
      BENCH_FLOORS: file,
      ROSTER_DATA_DIR: database.dataDir,
      ...(database.databaseUrl ? { ROSTER_DATABASE_URL: database.databaseUrl } : {}),
    },
    floorPort,
  ).catch(async (error: unknown) => {
    await twins.stop();
    throw error;
  });
  try {
    const results: ReadResult[] = [];
    for (const read of reads) {
      const expected = captured.get(read.name) as Captured;
      const urls = [
        `${serverUrl}${read.route}`,
        `${twins.url}/twin/${read.name}`,
        `${floors.url}/floor/${read.name}`,
      ];
      for (const url of urls.slice(1)) {
        const served = await capture(url, headers);
        if (served.status !== 200 || !served.body.equals(expected.body)) {
          throw new Error(`${url} answers other bytes than Roster: ${served.status}`);
        }
      }
      progress(
        `${read.name}, its bare twin and its data floor (${expected.body.length.toLocaleString('en-US')} B), ` +
          `${load.seconds} alternating rounds of 1 s, ${load.connections} connections`,
      );
      const [roster, twin, floor] = (await alternate(urls, load, headers)) as [
        LoadResult[],
        LoadResult[],
        LoadResult[],
      ];
      for (const [side, slices] of [
        ['Roster', roster],
        ['floor', floor],
      ] as const) {
        for (const slice of slices) {
          if (slice.non2xx > 0 || slice.errors > slice.total / 1000) {
            throw new Error(
              `${read.name} (${side}) under load: ${slice.non2xx} non-2xx, ${slice.errors} errors`,
            );
          }
        }
      }
      const toTwin = (slices: readonly LoadResult[]) =>
        spread(slices.map((slice, i) => slice.requestsPerSecond / (twin[i] as LoadResult).requestsPerSecond));
      results.push({
        name: read.name,
        bytes: expected.body.length,
        roster: summed(roster),
        twin: summed(twin),
        floor: summed(floor),
        pairRatios: toTwin(roster),
        floorRatios: toTwin(floor),
        pairs: roster.length,
      });
    }
    return results;
  } finally {
    await floors.stop();
    await twins.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

const spread = (ratios: readonly number[]): Spread => ({
  median: median(ratios),
  low: Math.min(...ratios),
  high: Math.max(...ratios),
});

/**
 * `load.seconds` rounds of a 1 s slice of each URL, the order turned every round (A B C, B C A,
 * C A B …) so that no side always runs first after a pause; one unmeasured 1 s slice of each warms
 * them up. The slices of each URL, in the order of `urls`.
 */
async function alternate(
  urls: readonly string[],
  load: { seconds: number; connections: number },
  headers: Record<string, string>,
): Promise<LoadResult[][]> {
  const slice = (url: string) => loadTest(url, { seconds: 1, connections: load.connections, headers });
  for (const url of urls) await slice(url);
  const slices: LoadResult[][] = urls.map(() => []);
  for (let round = 0; round < Math.max(1, load.seconds); round++) {
    for (let k = 0; k < urls.length; k++) {
      const i = (round + k) % urls.length;
      (slices[i] as LoadResult[]).push(await slice(urls[i] as string));
    }
  }
  return slices;
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

/** Per-round ratios as one cell: `0.42 (0.30–0.51)`. */
export const spreadCell = (ratios: Spread): string =>
  `${ratios.median.toFixed(2)} (${ratios.low.toFixed(2)}–${ratios.high.toFixed(2)})`;

/** A read's per-round ratios to its twin as one cell. */
export const pairSpread = (read: ReadResult): string => spreadCell(read.pairRatios);
