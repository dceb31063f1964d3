/**
 * The yardstick for the authenticated GET: a bare Fastify 5 server in its own process, with one
 * small JSON route and no plugins, hooks, validation or logging. Settings: BENCH_PORT.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/bare', async () => ({ id: '2jZt1fQ1oXyM8vN3bK5cR7dW9eL', displayName: 'bare', ok: true }));
app.get('/healthz', async () => ({ status: 'ok' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.BENCH_PORT) });
process.once('SIGTERM', () => void app.close());
