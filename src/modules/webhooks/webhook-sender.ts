import http from 'node:http';
import https from 'node:https';
import { guardedLookup, type TargetPolicy, targetProblem } from './webhook-target.js';

export interface SendLimits {
  /** Time allowed to open the connection (TCP and TLS). */
  readonly connectTimeoutMs: number;
  /** Time allowed for the whole exchange, from the start to the end of the answer. */
  readonly totalTimeoutMs: number;
  /** Bytes of the answer read at most; the rest is not read. */
  readonly maxResponseBytes: number;
}

export const DEFAULT_SEND_LIMITS: SendLimits = {
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 15_000,
  maxResponseBytes: 64 * 1024,
};

/** How much of an answer an attempt keeps. */
export const EXCERPT_BYTES = 1_024;

export interface SendResult {
  /** The HTTP status, or undefined when there was no answer. */
  readonly status: number | undefined;
  readonly latencyMs: number;
  readonly excerpt: string;
  /** Why the attempt failed without an answer (refused address, timeout, connection error). */
  readonly error: string | undefined;
}

export const isSuccess = (result: SendResult) =>
  result.status !== undefined && result.status >= 200 && result.status < 300;

/**
 * POSTs one signed webhook. Never follows redirects (a 3xx is a failed attempt: following one could
 * lead to an address the checks never saw); refuses private addresses both in the URL and after DNS
 * resolution (unless allowed); gives up after the connect and total timeouts; reads at most
 * `maxResponseBytes` of the answer. Resolves always: a failure is a result, not an exception.
 */
export function sendWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  policy: TargetPolicy,
  limits: SendLimits = DEFAULT_SEND_LIMITS,
): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const problem = targetProblem(url, policy);
  if (problem) return Promise.resolve({ status: undefined, latencyMs: 0, excerpt: '', error: problem });
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;

  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<SendResult, 'latencyMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(total);
      clearTimeout(connect);
      request.destroy();
      resolve({ ...result, latencyMs: elapsed() });
    };
    const request = transport.request(target, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'Roster-Webhooks/1',
      },
      lookup: guardedLookup(policy.allowPrivate) as never,
      // A fresh connection each time: a pooled socket would skip the address check.
      agent: false,
    });
    const total = setTimeout(
      () =>
        finish({
          status: undefined,
          excerpt: '',
          error: `no complete answer within ${limits.totalTimeoutMs} ms`,
        }),
      limits.totalTimeoutMs,
    );
    const connect = setTimeout(
      () =>
        finish({
          status: undefined,
          excerpt: '',
          error: `could not connect within ${limits.connectTimeoutMs} ms`,
        }),
      limits.connectTimeoutMs,
    );
    request.on('socket', (socket) => {
      const connected = () => clearTimeout(connect);
      socket.once(target.protocol === 'https:' ? 'secureConnect' : 'connect', connected);
    });
    request.on('error', (error: NodeJS.ErrnoException) =>
      finish({ status: undefined, excerpt: '', error: error.message || error.code || 'connection failed' }),
    );
    request.on('response', (response) => {
      clearTimeout(connect);
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () =>
        finish({
          status: response.statusCode,
          // PostgreSQL text cannot hold NUL: an answer's NULs are kept as U+FFFD.
          excerpt: Buffer.concat(chunks)
            .subarray(0, EXCERPT_BYTES)
            .toString('utf8')
            .replaceAll('\0', '\uFFFD'),
          error: undefined,
        });
      response.on('data', (chunk: Buffer) => {
        if (size >= limits.maxResponseBytes) return;
        chunks.push(chunk.subarray(0, limits.maxResponseBytes - size));
        size += chunk.length;
        // Enough read: the rest of an oversized answer is not waited for.
        if (size >= limits.maxResponseBytes) done();
      });
      response.on('end', done);
      response.on('error', done);
    });
    request.end(body);
  });
}
