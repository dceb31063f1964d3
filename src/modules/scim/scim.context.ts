import type { Actor } from '../../lib/actor.js';
import { ScimError } from './scim.errors.js';
import type { ScimConnectionRow } from './scim.repository.js';

/** Who a SCIM request acts as: its connection, named as the actor of everything it changes. */
export interface ScimContext {
  readonly connection: ScimConnectionRow;
  readonly actor: Actor;
  /** The absolute URL of the connection's SCIM base (`.../scim/v2/<connection>`). */
  readonly baseUrl: string;
}

/** RFC 7232 §3.1 as RFC 7644 §3.14 uses it: `*` or any listed tag, weak or strong, matches. */
export function checkIfMatch(ifMatch: string | undefined, version: string): void {
  if (ifMatch === undefined) return;
  if (ifMatch.trim() === '*') return;
  const opaque = (tag: string) =>
    tag
      .trim()
      .replace(/^W\//, '')
      .replace(/^"(.*)"$/, '$1');
  if (ifMatch.split(',').map(opaque).includes(opaque(version))) return;
  throw new ScimError(412, `the resource changed since it was read (now version ${version}); read it again`);
}
