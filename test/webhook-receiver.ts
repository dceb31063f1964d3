import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSignal } from './wait.js';

export interface Received {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** How the receiver answers one request: a status and body, after `hold` resolves when given. */
export interface Answer {
  readonly status: number;
  readonly body?: string;
  readonly headers?: Record<string, string>;
  readonly hold?: Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 that records every webhook it gets and answers as `answer` says
 * (200 by default); tests change `answer` to take it "down" or make it slow.
 */
export async function startReceiver() {
  const received: Received[] = [];
  const arrived = createSignal();
  const state: { answer: (request: Received, index: number) => Answer } = {
    answer: () => ({ status: 200, body: 'ok' }),
  };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const got: Received = {
        path: request.url ?? '/',
        headers: Object.fromEntries(
          Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]),
        ),
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const answer = state.answer(got, received.length);
      received.push(got);
      arrived.notify();
      if (answer.hold) await answer.hold;
      response.writeHead(answer.status, answer.headers ?? { 'content-type': 'text/plain' });
      response.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    received,
    /** Sets how the next requests are answered. */
    answer(fn: (request: Received, index: number) => Answer) {
      state.answer = fn;
    },
    /** Resolves once `check` holds, checking it now and as each request arrives. */
    until: (check: () => boolean, what: string) => arrived.until(check, { what }),
    /** The parsed bodies received so far. */
    bodies: () => received.map((r) => JSON.parse(r.body) as { type: string; timestamp: string; data: any }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
