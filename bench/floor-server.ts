/**
 * The data floor of the hot reads: a bare Fastify 5 server in its own process that, for each
 * request, runs Roster's own service call for the read (the very statements a Roster request runs,
 * compiled once, through the same driver and connection settings) against the running Roster's
 * database, then answers the bytes Roster answered, captured once, from memory. No token check,
 * hooks, validation, shaping or serialization: what it cannot go faster than is reading the record.
 * Its rate against the read's twin is the highest ratio any Roster could reach that reads the
 * record on each request. Settings: BENCH_PORT, BENCH_FLOORS (a JSON file of `{name, route, headers,
 * body: base64}`, the route a Roster path), and Roster's own ROSTER_DATABASE_URL / ROSTER_DATA_DIR.
 * It shares the database with the Roster that owns it, and serves only reads.
 */
import fs from 'node:fs';
import Fastify from 'fastify';
import { loadConfig } from '../src/config.js';
import { createContainer } from '../src/container.js';
import { connectDatabase } from '../src/db/connect.js';
import { systemClock } from '../src/lib/clock.js';
import { createLogger } from '../src/lib/logger.js';

const config = loadConfig();
const database = connectDatabase({
  postgresUrl: config.databaseUrl,
  sqlitePath: `${config.dataDir}/roster.db`,
});
// The container builds the services; its background loops are never started here.
const container = await createContainer({
  config,
  database,
  clock: systemClock,
  logger: createLogger('warn'),
});

/** Each read's service call, from the Roster path's parameters (as server-run.ts hotReads names them). */
const READS: Record<string, (route: string) => () => Promise<unknown>> = {
  entitlement: (route) => {
    const { app, entitlement } = match<'app' | 'entitlement'>(
      route,
      /^\/api\/v1\/apps\/(?<app>[^/]+)\/entitlements\/(?<entitlement>[^/?]+)$/,
    );
    return () => container.catalog.entitlements.get(app, entitlement);
  },
  members: (route) => {
    const { app, entitlement, size } = match<'app' | 'entitlement' | 'size'>(
      route,
      /^\/api\/v1\/apps\/(?<app>[^/]+)\/entitlements\/(?<entitlement>[^/]+)\/users\?page_size=(?<size>\d+)$/,
    );
    return () => container.grants.listMemberViews(app, entitlement, { pageSize: Number(size) });
  },
  user: (route) => {
    const { user } = match<'user'>(route, /^\/api\/v1\/users\/(?<user>[^/?]+)$/);
    return () => container.users.get(user);
  },
};

/** The named groups of `pattern` in `route`. */
function match<K extends string>(route: string, pattern: RegExp): Record<K, string> {
  const groups = pattern.exec(route)?.groups;
  if (!groups) throw new Error(`floor-server: unexpected route ${route}`);
  return groups as Record<K, string>;
}

const app = Fastify({ logger: false });
app.get('/healthz', async () => ({ status: 'ok' }));
const floors = JSON.parse(fs.readFileSync(process.env.BENCH_FLOORS as string, 'utf8')) as Array<{
  name: string;
  route: string;
  headers: Record<string, string>;
  body: string;
}>;
for (const floor of floors) {
  const read = READS[floor.name];
  if (!read) throw new Error(`floor-server: no service call for ${floor.name}`);
  const call = read(floor.route);
  const body = Buffer.from(floor.body, 'base64');
  app.get(`/floor/${floor.name}`, async (_request, reply) => {
    await call();
    return reply.headers(floor.headers).send(body);
  });
}
await app.listen({ host: '127.0.0.1', port: Number(process.env.BENCH_PORT) });
process.once('SIGTERM', () => {
  void app.close().then(() => database.close());
});
