import type { Db } from '../../db/schema.js';
import { type ExpandKind, type Expansion, TYPE_URLS } from '../../http/expansion.js';
import type { Clock } from '../../lib/clock.js';
import { findAppUsersByIds, toAppUser } from '../app-users/index.js';
import {
  findAppRecordsByIds,
  findEntitlementRecordsByIds,
  findResourceRecordsByIds,
  findResourceTypesByIds,
  toApp,
  toEntitlement,
  toResource,
  toResourceType,
} from '../catalog/index.js';
import { findUsersByIds, toUser } from '../users/index.js';

type Loader = (db: Db, ids: string[], now: string) => Promise<Array<{ id: string } & object>>;

/** How each kind of related object is loaded (one query per kind) and written on the wire. */
const LOADERS: Record<ExpandKind, Loader> = {
  app: async (db, ids, now) => (await findAppRecordsByIds(db, ids, now)).map(toApp),
  appResourceType: async (db, ids) => (await findResourceTypesByIds(db, ids)).map(toResourceType),
  appResource: async (db, ids, now) => (await findResourceRecordsByIds(db, ids, now)).map(toResource),
  appEntitlement: async (db, ids, now) =>
    (await findEntitlementRecordsByIds(db, ids, now)).map(toEntitlement),
  appUser: async (db, ids) => (await findAppUsersByIds(db, ids)).map(toAppUser),
  user: async (db, ids) => (await findUsersByIds(db, ids)).map(toUser),
};

export type ExpansionService = ReturnType<typeof createExpansionService>;

export function createExpansionService(deps: { readonly db: Db; readonly clock: Clock }) {
  return {
    /**
     * The `expanded` array of a response: every object the views pointed at, in slot order, as
     * protobuf Any JSON (`{"@type": ..., ...fields}`, CONTRACT.md §1).
     */
    async resolve(expansion: Expansion): Promise<unknown[]> {
      const refs = expansion.refs;
      if (refs.length === 0) return [];
      const idsByKind = new Map<ExpandKind, string[]>();
      for (const ref of refs) {
        const ids = idsByKind.get(ref.kind) ?? [];
        ids.push(ref.id);
        idsByKind.set(ref.kind, ids);
      }
      const loaded = new Map<string, object>();
      const now = deps.clock.now().toISOString();
      for (const [kind, ids] of idsByKind) {
        for (const item of await LOADERS[kind](deps.db, ids, now)) loaded.set(`${kind}:${item.id}`, item);
      }
      // A pointer to an object that no longer exists still resolves, to its ID alone.
      return refs.map((ref) => ({
        '@type': TYPE_URLS[ref.kind],
        ...(loaded.get(`${ref.kind}:${ref.id}`) ?? { id: ref.id }),
      }));
    },
  };
}
