import type { Db } from '../../db/schema.js';
import { keysetPage } from '../../http/pagination.js';
import { planUpdate, requiredName } from '../../http/update-mask.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, notFound } from '../../lib/errors.js';
import { BUILTIN_ROLES, type BuiltinRole, listedPermissions } from '../../lib/roles.js';
import type { SystemLog } from '../audit/index.js';
import { writeUpdate } from '../audit/index.js';
import { findRoleById, listRoles, type RoleRow, updateRole } from './roles.repository.js';
import type { RolePatch } from './roles.schemas.js';

export interface RoleRecord {
  readonly row: RoleRow;
  readonly builtin: BuiltinRole;
}

export type RolesService = ReturnType<typeof createRolesService>;

const READ_ONLY = ['id', 'name', 'systemBuiltin', 'systemApiOnly', 'createdAt', 'updatedAt', 'deletedAt'];

/**
 * The built-in roles of CONTRACT.md §7.10. Their permissions are code, so an update may rename a
 * role but not change what it grants: a 400 says so rather than silently ignoring the request.
 */
export function createRolesService(deps: { db: Db; clock: Clock; systemLog: SystemLog }) {
  const { db } = deps;

  const record = (row: RoleRow): RoleRecord | undefined => {
    const builtin = BUILTIN_ROLES.find((r) => r.id === row.id);
    return builtin ? { row, builtin } : undefined;
  };

  async function get(id: string): Promise<RoleRecord> {
    const row = await findRoleById(db, id);
    const found = row && record(row);
    if (!found) throw notFound('role', id);
    return found;
  }

  return {
    get,

    async list(page: { pageSize?: number | undefined; pageToken?: string | undefined }) {
      const result = await keysetPage(page, (afterId, limit) => listRoles(db, afterId, limit));
      return { items: result.items.flatMap((r) => record(r) ?? []), nextPageToken: result.nextPageToken };
    },

    async update(actor: Actor, id: string, patch: RolePatch | null | undefined, mask: string[] | undefined) {
      const current = await get(id);
      const fixed =
        (field: 'permissions' | 'serviceRoles', granted: readonly string[]) =>
        (value: string[] | undefined) => {
          const same = value !== undefined && [...value].sort().join() === [...granted].sort().join();
          if (!same) {
            throw new AppError(
              'FAILED_PRECONDITION',
              `${field} of the built-in role ${current.row.name} cannot be changed`,
              'BUILTIN_ROLE_IMMUTABLE',
              { id },
            );
          }
          return {};
        };
      const plan = planUpdate(
        'Role',
        current.row,
        patch,
        mask,
        {
          displayName: requiredName('role'),
          permissions: fixed('permissions', listedPermissions(current.builtin)),
          serviceRoles: fixed('serviceRoles', []),
        },
        READ_ONLY,
      );
      if (plan.fields.length > 0) {
        await db.transaction().execute((trx) =>
          writeUpdate(trx, deps, plan, (changes) => updateRole(trx, id, changes), {
            operation: 'role.updated',
            targetType: 'role',
            targetId: id,
            actor,
          }),
        );
      }
      return get(id);
    },
  };
}
