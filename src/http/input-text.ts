import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.js';

/**
 * Text Roster accepts: valid Unicode without NUL. PostgreSQL cannot store U+0000 in text (it fails
 * the query), and a lone UTF-16 surrogate (`"\ud800"` in JSON) would be stored as U+FFFD, so the
 * data kept would differ from the data sent. Both are refused at the edge, on every database, with
 * the field named, before anything reads them.
 */
const NUL = '\u0000';
/** With the `u` flag, a surrogate pair reads as one code point, so only a lone surrogate is `Cs`. */
const LONE_SURROGATE = /\p{Cs}/u;

/** True when `text` holds neither a NUL nor a lone surrogate: what every request string must be. */
export const isAcceptedText = (text: string): boolean => !text.includes(NUL) && !LONE_SURROGATE.test(text);

const badText = (part: string, field: string, what: string) =>
  new AppError('INVALID_ARGUMENT', `${part}${field} ${what}`, 'INVALID_TEXT', { field: `${part}${field}` });

function checkString(text: string, part: string, field: string): void {
  if (text.includes(NUL)) throw badText(part, field, 'contains a NUL character (U+0000)');
  if (LONE_SURROGATE.test(text)) throw badText(part, field, 'is not valid Unicode (a lone UTF-16 surrogate)');
}

/**
 * Checks every string in a parsed value, keys included. Iterative, so a deeply nested body is a
 * walk and not a stack overflow.
 */
export function checkText(value: unknown, part: string): void {
  // [value, its parent's path, its key]: a path is only built for containers and for the field
  // reported, so a body of 100,000 IDs costs no 100,000 path strings.
  const pending: [unknown, string, string | number][] = [[value, '', '']];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, parent, key] = next;
    if (typeof item === 'string') {
      if (!isAcceptedText(item)) checkString(item, part, `${parent}/${key}`);
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    const path = key === '' ? parent : `${parent}/${key}`;
    if (Array.isArray(item)) {
      // Strings are checked in place: a tuple pushed per element was most of the walk's cost (and
      // its garbage) for a body of 100,000 IDs.
      for (let index = 0; index < item.length; index++) {
        const element: unknown = item[index];
        if (typeof element === 'string') {
          if (!isAcceptedText(element)) checkString(element, part, `${path}/${index}`);
        } else if (typeof element === 'object' && element !== null) {
          pending.push([element, path, index]);
        }
      }
      continue;
    }
    for (const [name, field] of Object.entries(item)) {
      checkString(name, part, `${path}/${name.slice(0, 100)}`);
      pending.push([field, path, name]);
    }
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A request body as text; bytes that are not UTF-8 are refused instead of becoming U+FFFD. */
export function decodeUtf8Body(body: Buffer): string {
  try {
    return utf8.decode(body);
  } catch {
    throw new AppError('INVALID_ARGUMENT', 'request body is not valid UTF-8', 'INVALID_TEXT', {
      field: 'body',
    });
  }
}

/** Query objects in which some name or value was not valid percent-encoded UTF-8. */
const malformedQueries = new WeakSet<object>();

function decodeComponent(text: string): string | undefined {
  const spaced = text.includes('+') ? text.replace(/\+/g, ' ') : text;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return undefined;
  }
}

/**
 * The query-string parser: `application/x-www-form-urlencoded` names and values decoded strictly.
 * Fastify's default keeps a value that does not decode (`%FF`, a bare `%`, the encoding of a
 * surrogate) as its raw text, which is then taken for what the client meant. A parser must not
 * throw (it runs inside routing), so it marks the query and the request hook refuses it.
 */
export function parseQueryString(text: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = Object.create(null);
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decodeComponent(equals === -1 ? pair : pair.slice(0, equals));
    const value = decodeComponent(equals === -1 ? '' : pair.slice(equals + 1));
    if (name === undefined || value === undefined) {
      malformedQueries.add(query);
      continue;
    }
    const previous = query[name];
    if (previous === undefined) query[name] = value;
    else if (Array.isArray(previous)) previous.push(value);
    else query[name] = [previous, value];
  }
  return query;
}

function checkRequestLine(request: FastifyRequest): void {
  const query = request.query;
  if (typeof query === 'object' && query !== null && malformedQueries.has(query)) {
    throw new AppError(
      'INVALID_ARGUMENT',
      'the query string is not valid percent-encoded UTF-8',
      'INVALID_TEXT',
      { field: 'querystring' },
    );
  }
  checkText(request.params, 'params');
  checkText(query, 'querystring');
  for (const [name, value] of Object.entries(request.headers)) {
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => v?.includes(NUL)))
      throw badText('headers/', name, 'contains a NUL character (U+0000)');
  }
}

/**
 * Path parameters, query and headers are checked as the request arrives, before authentication
 * reads them (an owner check looks the route's IDs up); the body once it is parsed. Register this
 * before any other onRequest hook.
 */
export function refuseBadText(app: FastifyInstance): void {
  // Callback hooks, not async ones: every request runs them, and an async hook costs a promise and
  // a turn of the microtask queue each.
  app.addHook('onRequest', (request, _reply, done) => {
    try {
      checkRequestLine(request);
    } catch (error) {
      done(error as AppError);
      return;
    }
    done();
  });
  app.addHook('preValidation', (request, _reply, done) => {
    if (request.body === undefined) {
      done();
      return;
    }
    try {
      checkText(request.body, 'body');
    } catch (error) {
      done(error as AppError);
      return;
    }
    done();
  });
}
