import type { FastifyInstance } from 'fastify';
import { decodeUtf8Body } from './input-text.js';

/**
 * The body limit of every route that sets none of its own, in bytes; add-manual-user, set-members
 * and the user import raise theirs. Published at GET /roster/v1/limits (CONTRACT.md §7.16).
 */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/**
 * protojson writes an unset field as `null` (CONTRACT.md §1), so Roster reads a `null` field as an
 * absent one: `{"userIds": null}` is `{}`. Nulls inside arrays are values and stay.
 */
export function dropNullFields(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.some((v) => typeof v === 'object' && v !== null) ? value.map(dropNullFields) : value;
  }
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== null) out[key] = dropNullFields(field);
  }
  return out;
}

/**
 * JSON bodies as the SDKs send them (CONTRACT.md §1): the TypeScript SDK sets
 * `Content-Type: application/json` even when an optional body is absent, and `null` is what an
 * unset message looks like, so empty and `null` bodies read as `{}` and `null` fields as absent.
 * Parsing itself is Fastify's, which refuses `__proto__` poisoning; bytes that are not UTF-8 are
 * refused rather than read as U+FFFD.
 */
export function acceptEmptyJsonBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = decodeUtf8Body(body as Buffer);
    } catch (error) {
      return done(error as Error);
    }
    if (text.trim() === '') return done(null, {});
    parseJson(request, text, (error, value) => done(error, dropNullFields(value ?? {})));
  });
  // A callback hook: every request runs it, and an async one costs a promise and a microtask turn.
  app.addHook('preValidation', (request, _reply, done) => {
    if (request.body === undefined || request.body === null) request.body = {};
    done();
  });
}
