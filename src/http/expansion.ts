/**
 * The `expanded` array and `*Path` pointers of CONTRACT.md §1 and §7.7. A view asks for a pointer
 * to a related object; when the request's `expandMask` names that path (or `*`), the object gets a
 * slot in `expanded` (each object once per response) and the view gets `"$.expanded[N]"`, the only
 * JSONPath form cone parses; otherwise the pointer is `""`. Loading the objects is the expansion
 * service's job: this collector only decides what is needed and where it goes.
 */
export type ExpandKind = 'app' | 'appResourceType' | 'appResource' | 'appEntitlement' | 'appUser' | 'user';

/** protobuf Any type URLs of the expanded objects. */
export const TYPE_URLS: Record<ExpandKind, string> = {
  app: 'type.googleapis.com/c1.api.app.v1.App',
  appResourceType: 'type.googleapis.com/c1.api.app.v1.AppResourceType',
  appResource: 'type.googleapis.com/c1.api.app.v1.AppResource',
  appEntitlement: 'type.googleapis.com/c1.api.app.v1.AppEntitlement',
  appUser: 'type.googleapis.com/c1.api.app.v1.AppUser',
  user: 'type.googleapis.com/c1.api.user.v1.User',
};

export interface ExpandRef {
  readonly kind: ExpandKind;
  readonly id: string;
}

export type ExpandMaskInput = { paths?: readonly string[] | null | undefined } | null | undefined;

/** Mask paths are snake_case on the wire (`app_id`); camelCase (`appId`) is read the same way. */
const toSnake = (path: string) => path.trim().replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export class Expansion {
  readonly #all: boolean;
  readonly #paths: ReadonlySet<string>;
  readonly #slots = new Map<string, number>();
  readonly #refs: ExpandRef[] = [];

  constructor(mask: ExpandMaskInput) {
    const paths = (mask?.paths ?? []).map(toSnake).filter((p) => p !== '');
    this.#all = paths.includes('*');
    this.#paths = new Set(paths);
  }

  /** The pointer for the related object `kind`/`id` under mask path `maskPath`. */
  path(maskPath: string, kind: ExpandKind, id: string | null | undefined): string {
    if (!id || !(this.#all || this.#paths.has(maskPath))) return '';
    const key = `${kind}:${id}`;
    let slot = this.#slots.get(key);
    if (slot === undefined) {
      slot = this.#refs.length;
      this.#slots.set(key, slot);
      this.#refs.push({ kind, id });
    }
    return `$.expanded[${slot}]`;
  }

  /** The objects to load, in slot order. */
  get refs(): readonly ExpandRef[] {
    return this.#refs;
  }
}

/**
 * Loads what an Expansion's views pointed at, as the `expanded` array of a response. The expansion
 * module implements it over every module's objects; routes take it through their options, so a
 * module below it never imports it.
 */
export interface Expand {
  resolve(expansion: Expansion): Promise<unknown[]>;
}
