/**
 * Built-in roles and the permissions they grant (CONTRACT.md §7.10). Every route names the
 * permission it needs; a caller's permissions are the union over its roles.
 */
export const PERMISSIONS = [
  'users:read',
  'users:write',
  'apps:read',
  'apps:write',
  'catalog:read',
  'catalog:write',
  'grants:read',
  'grants:write',
  'bulk_actions:read',
  'clients:read',
  'clients:write',
  'roles:read',
  'system_log:read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export interface BuiltinRole {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  readonly permissions: readonly Permission[];
}

export const SUPER_ADMIN_ROLE: BuiltinRole = {
  id: '37dGalrpfohtbHpxZLbvItjo3Il',
  name: 'super_admin',
  displayName: 'Super Admin',
  permissions: PERMISSIONS,
};

export const READ_ONLY_ADMIN_ROLE: BuiltinRole = {
  id: '37dGaqSatBH5YJkjRCUAmgBNO9w',
  name: 'read_only_admin',
  displayName: 'Read-Only Admin',
  permissions: PERMISSIONS.filter((p) => p.endsWith(':read')),
};

export const APP_ADMIN_ROLE: BuiltinRole = {
  id: '37dGao7v9U78CKUWH3Xd9usUZyL',
  name: 'app_admin',
  displayName: 'App Admin',
  // Narrowed to the apps the user owns once owners exist; until then it grants reads only.
  permissions: ['users:read', 'apps:read', 'catalog:read', 'grants:read', 'bulk_actions:read'],
};

export const BUILTIN_ROLES: readonly BuiltinRole[] = [SUPER_ADMIN_ROLE, READ_ONLY_ADMIN_ROLE, APP_ADMIN_ROLE];

export function permissionsOf(roleIds: readonly string[]): ReadonlySet<Permission> {
  const granted = new Set<Permission>();
  for (const role of BUILTIN_ROLES) {
    if (roleIds.includes(role.id)) for (const p of role.permissions) granted.add(p);
  }
  return granted;
}
