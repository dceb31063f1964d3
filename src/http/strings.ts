import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

/**
 * The longest string, in characters, that each kind of request field accepts. Request schemas take
 * their bounds from here and start-up refuses a route with an unbounded string (below), so an
 * oversized field is a 400 naming it, never a slow query or a fault; `GET /roster/v1/limits`
 * publishes the same numbers.
 */
export const STRING_LIMITS = {
  /** Roster's IDs are 27-character KSUIDs; user IDs of the contract may be up to 200 characters. */
  id: 200,
  /** Display names, usernames, aliases, slugs, external references. */
  name: 500,
  /** Descriptions and instructions. */
  text: 10_000,
  /** Free-text search (`query`, `displayName` filters). */
  query: 1_000,
  /** An address (RFC 5321 §4.5.3.1: 64 for the local part, 255 for the domain). */
  email: 320,
  /** Icon and other URLs. */
  url: 2_000,
  /** Page tokens Roster issued; the longest it issues is a few hundred characters. */
  pageToken: 1_000,
  /** Change-stream cursors Roster issued (src/modules/changes); they are under 60 characters. */
  changeCursor: 200,
  /** Enum-like words, field-mask paths, durations, timestamps, CIDRs, grant types. */
  word: 200,
  /** A FieldMask written as one comma-separated string. */
  fieldMask: 2_000,
} as const;

/** Path parameters are IDs: the router refuses a longer one before any route runs. */
export const MAX_PATH_PARAM_LENGTH = STRING_LIMITS.id;

type StringOptions = Parameters<typeof Type.String>[0];

const bounded =
  (maxLength: number) =>
  (options: StringOptions = {}) =>
    Type.String({ maxLength, ...options });

export const IdString = bounded(STRING_LIMITS.id);
export const NameString = bounded(STRING_LIMITS.name);
export const TextString = bounded(STRING_LIMITS.text);
export const QueryString = bounded(STRING_LIMITS.query);
export const EmailString = bounded(STRING_LIMITS.email);
export const UrlString = bounded(STRING_LIMITS.url);
export const PageTokenString = bounded(STRING_LIMITS.pageToken);
export const ChangeCursorString = (options: StringOptions = {}) =>
  bounded(STRING_LIMITS.changeCursor)({
    description:
      'Roster extension: a change-stream position from a previous nextCursor; only events after it are returned. "" or absent: from the beginning.',
    ...options,
  });
export const WordString = bounded(STRING_LIMITS.word);
export const FieldMaskString = bounded(STRING_LIMITS.fieldMask);

interface SchemaNode {
  readonly type?: unknown;
  readonly maxLength?: number;
  readonly enum?: unknown;
  readonly const?: unknown;
}

/** Where a request schema accepts a string of any length (JSON-pointer-like paths into the schema). */
export function unboundedStrings(schema: unknown, at = ''): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as SchemaNode;
  const found: string[] = [];
  const isString = [node.type].flat().includes('string');
  if (isString && node.maxLength === undefined && node.enum === undefined && node.const === undefined) {
    found.push(at || '/');
  }
  for (const [key, child] of Object.entries(schema)) {
    if (typeof child === 'object' && child !== null) found.push(...unboundedStrings(child, `${at}/${key}`));
  }
  return found;
}

const REQUEST_PARTS = ['body', 'querystring', 'params', 'headers'] as const;

/**
 * Stops start-up when a route's request schema takes a string without a length bound, as
 * authentication stops it for a route without a permission: every string field is bounded.
 */
export function requireBoundedStrings(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const schema = (route.schema ?? {}) as Record<string, unknown>;
    for (const part of REQUEST_PARTS) {
      const unbounded = unboundedStrings(schema[part]);
      if (unbounded.length > 0) {
        throw new Error(
          `route ${route.method} ${route.url} takes strings without maxLength in its ${part}: ${unbounded.join(', ')}`,
        );
      }
    }
  });
}
