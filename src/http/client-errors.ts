import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { errorBody, httpStatusOf } from './errors.js';

/**
 * What Node's HTTP parser refused before there was a request: a Content-Length that disagrees with
 * the message, Content-Length beside Transfer-Encoding (RFC 9112 §6.3), headers over the size limit,
 * a request that never finished. Each still answers in the error envelope (CONTRACT.md §7.1).
 */
function clientErrorOf(error: NodeJS.ErrnoException): AppError {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return new AppError(
        'INVALID_ARGUMENT',
        'request headers are larger than the server accepts',
        'HEADERS_TOO_LARGE',
      );
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new AppError('DEADLINE_EXCEEDED', 'the request did not arrive in time', 'REQUEST_TIMEOUT');
    default:
      return new AppError(
        'INVALID_ARGUMENT',
        `malformed HTTP request${error.code ? ` (${error.code})` : ''}`,
        'MALFORMED_HTTP_REQUEST',
      );
  }
}

/** Fastify's `clientErrorHandler`: one envelope written to the socket, which is then closed. */
export function answerClientError(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const refusal = clientErrorOf(error);
  const requestId = newId();
  this.log.debug({ err: error, reqId: requestId }, 'client error');
  const status = httpStatusOf(refusal);
  const body = JSON.stringify(errorBody(refusal, requestId));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Bad Request'}\r\n` +
        'Content-Type: application/json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `x-request-id: ${requestId}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}
