import { ScimError } from './scim.errors.js';
import { type AttributeTraits, type Filter, matches, requiredEquality } from './scim.filter.js';
import { DEFAULT_COUNT, isObject, LIST_SCHEMA, MAX_RESULTS, type ScimResource } from './scim.schemas.js';

/** Attributes returned whatever `attributes` or `excludedAttributes` say (RFC 7643 §7 `returned: always`). */
const ALWAYS = new Set(['id', 'schemas']);

function parseList(text: string | undefined): string[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  return text
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== '');
}

/** Splits a requested path into (top-level key, sub-attribute), resolving a schema URN prefix. */
function pathKey(path: string, resource: ScimResource): { key: string; sub?: string } {
  for (const key of Object.keys(resource)) {
    const lower = key.toLowerCase();
    if (lower.startsWith('urn:') && path.startsWith(`${lower}:`))
      return { key, sub: path.slice(lower.length + 1) };
    if (lower.startsWith('urn:') && path === lower) return { key };
  }
  const core = (resource.schemas as string[] | undefined)?.[0]?.toLowerCase();
  const rest = core && path.startsWith(`${core}:`) ? path.slice(core.length + 1) : path;
  const [top, sub] = rest.split('.', 2) as [string, string | undefined];
  const key = Object.keys(resource).find((k) => k.toLowerCase() === top) ?? top;
  return sub === undefined ? { key } : { key, sub };
}

function pickSub(value: unknown, sub: string, keep: boolean): unknown {
  const apply = (o: unknown) => {
    if (!isObject(o)) return o;
    const entries = Object.entries(o).filter(([k]) => (k.toLowerCase() === sub) === keep);
    return Object.fromEntries(entries);
  };
  return Array.isArray(value) ? value.map(apply) : apply(value);
}

/** Applies `attributes` / `excludedAttributes` (RFC 7644 §3.4.2.5) to one resource. */
export function project(
  resource: ScimResource,
  query: { attributes?: string | undefined; excludedAttributes?: string | undefined },
): ScimResource {
  const only = parseList(query.attributes);
  const excluded = parseList(query.excludedAttributes);
  if (only) {
    const out: ScimResource = {};
    for (const [k, v] of Object.entries(resource)) if (ALWAYS.has(k)) out[k] = v;
    for (const path of only) {
      const { key, sub } = pathKey(path, resource);
      if (!(key in resource)) continue;
      if (sub === undefined) out[key] = resource[key];
      else {
        const picked = pickSub(resource[key], sub, true);
        const prior = out[key];
        out[key] = isObject(prior) && isObject(picked) ? { ...prior, ...picked } : picked;
      }
    }
    return out;
  }
  if (excluded) {
    const out: ScimResource = { ...resource };
    for (const path of excluded) {
      const { key, sub } = pathKey(path, resource);
      if (ALWAYS.has(key)) continue;
      if (sub === undefined) delete out[key];
      else if (key in out) out[key] = pickSub(out[key], sub, false);
    }
    return out;
  }
  return resource;
}

/** Whether a query leaves out `attribute` (so it need not be read at all). */
export function leavesOut(
  query: { attributes?: string | undefined; excludedAttributes?: string | undefined },
  attribute: string,
): boolean {
  const name = attribute.toLowerCase();
  const only = parseList(query.attributes);
  if (only) return !only.some((p) => p === name || p.startsWith(`${name}.`) || p.endsWith(`:${name}`));
  return parseList(query.excludedAttributes)?.includes(name) ?? false;
}

export interface PageQuery {
  readonly startIndex?: number | undefined;
  readonly count?: number | undefined;
}

/** RFC 7644 §3.4.2.4: 1-based startIndex (below 1 means 1), count capped at maxResults (negative means 0). */
export function pageOf(query: PageQuery): { start: number; count: number } {
  const start = Math.max(1, Math.floor(query.startIndex ?? 1));
  const requested = query.count === undefined ? DEFAULT_COUNT : Math.floor(query.count);
  if (Number.isNaN(start) || Number.isNaN(requested))
    throw new ScimError(400, 'startIndex and count must be integers', 'invalidValue');
  return { start, count: Math.min(MAX_RESULTS, Math.max(0, requested)) };
}

export function listResponse(all: readonly ScimResource[], page: { start: number; count: number }) {
  const slice = all.slice(page.start - 1, page.start - 1 + page.count);
  return {
    schemas: [LIST_SCHEMA],
    totalResults: all.length,
    startIndex: page.start,
    itemsPerPage: slice.length,
    Resources: slice,
  };
}

export interface ListQuery extends PageQuery {
  readonly filter?: string | undefined;
  readonly attributes?: string | undefined;
  readonly excludedAttributes?: string | undefined;
}

/**
 * A list response over candidates (RFC 7644 §3.4.2): with a filter, each candidate's resource is
 * built and matched; without one, only the page's resources are built and the rest just counted.
 */
export async function listOf<T>(
  candidates: readonly T[],
  query: ListQuery,
  filter: Filter | undefined,
  traits: AttributeTraits,
  build: (candidate: T) => ScimResource | Promise<ScimResource>,
) {
  const page = pageOf(query);
  let response: ReturnType<typeof listResponse>;
  if (filter) {
    const matching: ScimResource[] = [];
    for (const c of candidates) {
      const r = await build(c);
      if (matches(filter, r, traits)) matching.push(r);
    }
    response = listResponse(matching, page);
  } else {
    const slice: ScimResource[] = [];
    for (const c of candidates.slice(page.start - 1, page.start - 1 + page.count)) slice.push(await build(c));
    response = {
      ...listResponse(slice, { start: 1, count: page.count }),
      totalResults: candidates.length,
      startIndex: page.start,
    };
  }
  return { ...response, Resources: response.Resources.map((r) => project(r, query)) };
}

/** The first of `attributes` the filter pins to one value, for an indexed look-up before matching. */
export function indexedEquality(
  filter: Filter | undefined,
  traits: AttributeTraits,
  attributes: readonly string[],
): { attribute: string; value: string } | undefined {
  if (!filter) return undefined;
  for (const attribute of attributes) {
    const value = requiredEquality(filter, attribute, traits);
    if (value !== undefined) return { attribute, value };
  }
  return undefined;
}
