import { type Static, Type } from 'typebox';
import { NameString, WordString } from '../../http/strings.js';
import { FieldMask, NullableTimestamp, Opt, StringList } from '../../http/wire.js';
import { listedPermissions } from '../../lib/roles.js';
import type { RoleRecord } from './roles.service.js';

/** iam.v1.Role (CONTRACT.md §4). */
export const Role = Type.Object({
  id: Type.String(),
  name: Type.String(),
  displayName: Type.String(),
  permissions: StringList,
  serviceRoles: StringList,
  systemBuiltin: Type.Boolean(),
  systemApiOnly: Type.Boolean(),
  createdAt: NullableTimestamp,
  updatedAt: NullableTimestamp,
  deletedAt: NullableTimestamp,
});

export function toRole({ row, builtin }: RoleRecord): Static<typeof Role> {
  return {
    id: row.id,
    name: row.name,
    displayName: row.display_name,
    permissions: listedPermissions(builtin),
    serviceRoles: [],
    systemBuiltin: true,
    systemApiOnly: false,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: null,
  };
}

/** Permission names; a role lists a few dozen. */
const WordList = Type.Array(WordString(), { maxItems: 1_000 });

export const RolePatch = Type.Object({
  displayName: Opt(NameString()),
  permissions: Opt(WordList),
  serviceRoles: Opt(WordList),
});
export type RolePatch = Static<typeof RolePatch>;

export const UpdateRoleBody = Type.Object({ role: Opt(RolePatch), updateMask: FieldMask });
