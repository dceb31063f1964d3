/**
 * The yardstick for the authenticated GETs: a bare Fastify 5 server in its own process, with no
 * plugins, hooks, validation or logging. GET /bare answers one small JSON object (the old tiny-body
 * yardstick). With BENCH_TWINS (a JSON file of `{name, headers, body: base64}`), GET /twin/<name>
 * answers those exact bytes and headers from memory: the twin of a Roster read. Settings: BENCH_PORT.
 */
import fs from 'node:fs';
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/bare', async () => ({ id: '2jZt1fQ1oXyM8vN3bK5cR7dW9eL', displayName: 'bare', ok: true }));
app.get('/healthz', async () => ({ status: 'ok' }));
if (process.env.BENCH_TWINS) {
  const twins = JSON.parse(fs.readFileSync(process.env.BENCH_TWINS, 'utf8')) as Array<{
    name: string;
    headers: Record<string, string>;
    body: string;
  }>;
  for (const twin of twins) {
    const body = Buffer.from(twin.body, 'base64');
    app.get(`/twin/${twin.name}`, (_request, reply) => {
      reply.headers(twin.headers).send(body);
    });
  }
}
await app.listen({ host: '127.0.0.1', port: Number(process.env.BENCH_PORT) });
process.once('SIGTERM', () => void app.close());
