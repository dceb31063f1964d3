import { type Filter, parse } from 'scim2-parse-filter';
import { STRING_LIMITS } from '../../http/strings.js';
import { ScimError } from './scim.errors.js';

export type { Filter } from 'scim2-parse-filter';

/** RFC 7644 §3.4.2.2 has no length limit; Roster's query strings have one (GET /roster/v1/limits). */
const MAX_FILTER_LENGTH = STRING_LIMITS.query;

const invalidFilter = (message: string) => new ScimError(400, message, 'invalidFilter');

/** An attribute path as RFC 7644 §3.10 writes it: an optional schema URN, a name, a sub-attribute. */
const ATTR_PATH = /^(?:urn:[A-Za-z0-9:._-]+:)?[A-Za-z][\w$-]*(?:\.[A-Za-z][\w$-]*)?$/;

function checkPaths(f: Filter): void {
  switch (f.op) {
    case 'and':
    case 'or':
      for (const child of f.filters) checkPaths(child);
      return;
    case 'not':
      checkPaths(f.filter);
      return;
    case '[]':
      if (!ATTR_PATH.test(f.attrPath))
        throw invalidFilter(`${JSON.stringify(f.attrPath)} is not an attribute path`);
      checkPaths(f.valFilter);
      return;
    default:
      if (!ATTR_PATH.test(f.attrPath))
        throw invalidFilter(`${JSON.stringify(f.attrPath)} is not an attribute path`);
  }
}

/** Parses a filter (RFC 7644 §3.4.2.2); anything malformed is a 400 `invalidFilter`. */
export function parseFilter(text: string): Filter {
  if (text.length > MAX_FILTER_LENGTH)
    throw invalidFilter(`filter is longer than ${MAX_FILTER_LENGTH} characters`);
  let filter: Filter;
  try {
    filter = parse(text);
  } catch (error) {
    throw invalidFilter(`filter ${JSON.stringify(text)} is malformed: ${(error as Error).message}`);
  }
  checkPaths(filter);
  return filter;
}

/** How a resource type compares its attributes (RFC 7643 `caseExact`, `type: dateTime`). */
export interface AttributeTraits {
  /** Lower-case dotted paths without schema URN whose strings compare case-sensitively. */
  readonly caseExact: ReadonlySet<string>;
  readonly dateTime: ReadonlySet<string>;
  /** Lower-case schema URNs whose attributes the resource keeps under the URN (extensions). */
  readonly extensions: readonly string[];
  /** The resource's core schema URN, which may prefix a core attribute. */
  readonly core: string;
}

type Json = unknown;

/** Splits a path into its extension (if any) and its lower-case attribute names. */
function splitPath(path: string, traits: AttributeTraits): { extension?: string; names: string[] } {
  const lower = path.toLowerCase();
  for (const ext of traits.extensions) {
    if (lower.startsWith(`${ext}:`)) return { extension: ext, names: lower.slice(ext.length + 1).split('.') };
  }
  const core = traits.core.toLowerCase();
  const rest = lower.startsWith(`${core}:`) ? lower.slice(core.length + 1) : lower;
  return { names: rest.split('.') };
}

/** RFC 7644 §3.10: attribute names are case-insensitive. */
function member(value: Json, name: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  for (const [key, v] of Object.entries(value)) if (key.toLowerCase() === name) return v;
  return undefined;
}

/** Every value the path reaches; a multi-valued complex attribute without sub-attribute means its `value`s. */
function valuesAt(resource: Json, path: string, traits: AttributeTraits): { values: Json[]; key: string } {
  const { extension, names } = splitPath(path, traits);
  let current: Json[] = [extension ? member(resource, extension) : resource];
  for (const name of names) {
    const next: Json[] = [];
    for (const c of current) {
      const v = member(c, name);
      if (Array.isArray(v)) next.push(...v);
      else if (v !== undefined) next.push(v);
    }
    current = next;
  }
  current = current.flatMap((v) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && 'value' in v ? [v.value as Json] : [v],
  );
  return { values: current.filter((v) => v !== null && v !== undefined), key: names.join('.') };
}

function compare(op: string, actual: Json, expected: Json, exact: boolean, dateTime: boolean): boolean {
  if (typeof actual === 'boolean' || typeof expected === 'boolean') {
    if (op !== 'eq' && op !== 'ne') throw invalidFilter(`${op} cannot compare boolean values`);
    return op === 'eq' ? actual === expected : actual !== expected;
  }
  if (typeof actual === 'number' && typeof expected === 'number') {
    switch (op) {
      case 'eq':
        return actual === expected;
      case 'ne':
        return actual !== expected;
      case 'gt':
        return actual > expected;
      case 'ge':
        return actual >= expected;
      case 'lt':
        return actual < expected;
      case 'le':
        return actual <= expected;
      default:
        return String(actual)[op === 'co' ? 'includes' : op === 'sw' ? 'startsWith' : 'endsWith'](
          String(expected),
        );
    }
  }
  if (expected === null) return op === 'ne' ? actual !== null : actual === null;
  let a = String(actual);
  let e = String(expected);
  if (dateTime && ['gt', 'ge', 'lt', 'le', 'eq', 'ne'].includes(op)) {
    const at = Date.parse(a);
    const et = Date.parse(e);
    if (Number.isNaN(et)) throw invalidFilter(`${JSON.stringify(e)} is not a date-time`);
    if (!Number.isNaN(at)) return compare(op, at, et, true, false);
  }
  if (!exact) {
    a = a.toLowerCase();
    e = e.toLowerCase();
  }
  switch (op) {
    case 'eq':
      return a === e;
    case 'ne':
      return a !== e;
    case 'co':
      return a.includes(e);
    case 'sw':
      return a.startsWith(e);
    case 'ew':
      return a.endsWith(e);
    case 'gt':
      return a > e;
    case 'ge':
      return a >= e;
    case 'lt':
      return a < e;
    default:
      return a <= e;
  }
}

/** Whether `resource` (a SCIM resource as served) matches `filter` (RFC 7644 §3.4.2.2). */
export function matches(filter: Filter, resource: Json, traits: AttributeTraits): boolean {
  switch (filter.op) {
    case 'and':
      return filter.filters.every((f) => matches(f, resource, traits));
    case 'or':
      return filter.filters.some((f) => matches(f, resource, traits));
    case 'not':
      return !matches(filter.filter, resource, traits);
    case '[]': {
      const { extension, names } = splitPath(filter.attrPath, traits);
      let container: Json = extension ? member(resource, extension) : resource;
      for (const name of names) container = member(container, name);
      const elements = Array.isArray(container) ? container : container === undefined ? [] : [container];
      const prefix = names.join('.');
      // Inside the brackets, paths are relative to each element; traits are looked up by full path.
      const inner: AttributeTraits = {
        ...traits,
        caseExact: new Set(
          [...traits.caseExact]
            .filter((p) => p.startsWith(`${prefix}.`))
            .map((p) => p.slice(prefix.length + 1)),
        ),
        dateTime: new Set(
          [...traits.dateTime]
            .filter((p) => p.startsWith(`${prefix}.`))
            .map((p) => p.slice(prefix.length + 1)),
        ),
        extensions: [],
      };
      return elements.some((element) => matches(filter.valFilter, element, inner));
    }
    case 'pr': {
      const { values } = valuesAt(resource, filter.attrPath, traits);
      return values.some((v) => v !== '' && !(Array.isArray(v) && v.length === 0));
    }
    default: {
      const { values, key } = valuesAt(resource, filter.attrPath, traits);
      const exact = traits.caseExact.has(key);
      const dateTime = traits.dateTime.has(key);
      if (filter.op === 'ne') return !values.some((v) => compare('eq', v, filter.compValue, exact, dateTime));
      return values.some((v) => compare(filter.op, v, filter.compValue, exact, dateTime));
    }
  }
}

/**
 * The string `attribute` must equal for `filter` to match, when the filter requires one (an `eq`
 * on it, alone or inside an `and`): lets a list narrow by an index before matching in full.
 */
export function requiredEquality(
  filter: Filter,
  attribute: string,
  traits: AttributeTraits,
): string | undefined {
  if (filter.op === 'and') {
    for (const f of filter.filters) {
      const v = requiredEquality(f, attribute, traits);
      if (v !== undefined) return v;
    }
    return undefined;
  }
  if (filter.op !== 'eq' || typeof filter.compValue !== 'string') return undefined;
  const { extension, names } = splitPath(filter.attrPath, traits);
  return extension === undefined && names.join('.') === attribute.toLowerCase()
    ? filter.compValue
    : undefined;
}
