import { invalidValue, ScimError } from './scim.errors.js';
import { type Filter, matches, parseFilter } from './scim.filter.js';
import { isObject } from './scim.schemas.js';
import { GROUP_TRAITS } from './scim-group.resource.js';
import { attribute } from './scim-user.resource.js';

/**
 * A group's membership change as a difference, built operation by operation in request order
 * (RFC 7644 §3.5.2): from the current members (or from none, after a replace or a remove-all), add
 * these and remove those.
 */
export class MembershipChange {
  fromEmpty = false;
  readonly added = new Set<string>();
  readonly removed = new Set<string>();

  get isEmpty(): boolean {
    return !this.fromEmpty && this.added.size === 0 && this.removed.size === 0;
  }

  add(ids: Iterable<string>): void {
    for (const id of ids) {
      this.removed.delete(id);
      this.added.add(id);
    }
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      this.added.delete(id);
      if (!this.fromEmpty) this.removed.add(id);
    }
  }

  replace(ids: Iterable<string>): void {
    this.removeAll();
    this.add(ids);
  }

  removeAll(): void {
    this.fromEmpty = true;
    this.added.clear();
    this.removed.clear();
  }

  /** The members after the change, given the current ones. */
  apply(current: Iterable<string>): Set<string> {
    const result = this.fromEmpty ? new Set<string>() : new Set(current);
    for (const id of this.removed) result.delete(id);
    for (const id of this.added) result.add(id);
    return result;
  }
}

/** Member IDs of a `members` value: `[{"value": id}, ...]` (a single object is taken as a list of one). */
export function memberIds(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((m, i) => {
    const id = isObject(m) ? attribute(m, 'value') : undefined;
    if (typeof id !== 'string' || id === '') throw invalidValue(`members[${i}] needs a string value`);
    return id;
  });
}

/** A `members[<filter>]` path's filter, or undefined for another path. */
export function memberFilter(path: string): Filter | undefined {
  if (!/^members\s*\[/i.test(path)) return undefined;
  const filter = parseFilter(path);
  if (filter.op !== '[]' || filter.attrPath.toLowerCase() !== 'members') {
    throw new ScimError(400, `${JSON.stringify(path)} is not a members path`, 'invalidPath');
  }
  return filter.valFilter;
}

/** The members a value filter selects, among the given ones. */
export function selectMembers(filter: Filter, members: Iterable<string>): string[] {
  const inner = { ...GROUP_TRAITS, caseExact: new Set(['value']), core: '' };
  return [...members].filter((id) => matches(filter, { value: id, type: 'User' }, inner));
}
