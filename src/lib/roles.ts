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
  /** Seeing one's own personal API clients (CONTRACT.md §5, PC.List and PC.Get). */
  'clients:own',
  /**
   * Creating, changing and deleting one's own personal API clients (PC.Create, PC.Update,
   * PC.Delete): a write, so a read-only role lacks it, and so does every client scoped to one
   * (CONTRACT.md §7.10).
   */
  'clients:own:write',
  /** Reading and managing other users' API clients. */
  'clients:read',
  'clients:write',
  'roles:read',
  'roles:write',
  'system_log:read',
  'auth:introspect',
  /** SCIM connections: their tokens let an identity provider create and delete users. */
  'scim:read',
  'scim:write',
  /** Webhook subscriptions, every one of them. */
  'webhooks:read',
  'webhooks:write',
  /** Webhook subscriptions limited to apps the user owns (App Admin). */
  'webhooks:own',
  /** Policies: how requests, revocations and reviews are decided (issue 19). */
  'policies:read',
  'policies:write',
  /** Reading every task; changing any (closing one for someone) (issue 19). */
  'tasks:read',
  'tasks:write',
  /**
   * Requesting access for oneself, and reading and acting on one's own tasks and those assigned to
   * one: every signed-in person holds it, whatever their roles (issue 19).
   */
  'tasks:self',
  /** Reading every access review (campaign), and creating, changing and deleting any (issue 20). */
  'access_reviews:read',
  'access_reviews:write',
  /**
   * Reading and changing the access reviews one owns: every signed-in person holds it, whatever their
   * roles; a campaign they do not own is not found (issue 20).
   */
  'access_reviews:own',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export interface BuiltinRole {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  /** Granted everywhere. */
  readonly permissions: readonly Permission[];
  /** Granted only on apps the user owns, or on the entitlements and resources the user owns. */
  readonly ownedPermissions: readonly Permission[];
}

export const SUPER_ADMIN_ROLE: BuiltinRole = {
  id: '37dGalrpfohtbHpxZLbvItjo3Il',
  name: 'super_admin',
  displayName: 'Super Admin',
  permissions: PERMISSIONS,
  ownedPermissions: [],
};

// Every role may introspect and see its own API clients.
const SELF: readonly Permission[] = ['auth:introspect', 'clients:own', 'tasks:self', 'access_reviews:own'];
// Changing a credential is a write (CONTRACT.md §7.10): a role that writes may create, change and
// delete its user's own clients — a client never holds more than its user's roles, and a scoped
// client never makes a wider one, so this grants no new access — and a read-only role may not. The
// rule is a permission rather than a special case, so it narrows like every other: a Super Admin's
// client scoped to Read-Only Admin holds what both hold, which is no `clients:own:write`, and cannot
// rename, delete or unscope any client; introspection says so.
const SELF_WRITE: readonly Permission[] = ['clients:own:write'];

export const READ_ONLY_ADMIN_ROLE: BuiltinRole = {
  id: '37dGaqSatBH5YJkjRCUAmgBNO9w',
  name: 'read_only_admin',
  displayName: 'Read-Only Admin',
  permissions: [...PERMISSIONS.filter((p) => p.endsWith(':read')), ...SELF],
  ownedPermissions: [],
};

export const APP_ADMIN_ROLE: BuiltinRole = {
  id: '37dGao7v9U78CKUWH3Xd9usUZyL',
  name: 'app_admin',
  displayName: 'App Admin',
  permissions: [
    'users:read',
    'apps:read',
    'catalog:read',
    'grants:read',
    'bulk_actions:read',
    'webhooks:own',
    // An App Admin points its entitlements at policies, so it reads them.
    'policies:read',
    ...SELF,
    ...SELF_WRITE,
  ],
  // "Manages the apps it owns: their catalog and memberships" (CONTRACT.md §7.10).
  ownedPermissions: ['catalog:write', 'grants:write'],
};

export const BUILTIN_ROLES: readonly BuiltinRole[] = [SUPER_ADMIN_ROLE, READ_ONLY_ADMIN_ROLE, APP_ADMIN_ROLE];

export const isKnownRole = (id: string): boolean => BUILTIN_ROLES.some((r) => r.id === id);

export interface Grants {
  readonly permissions: ReadonlySet<Permission>;
  readonly ownedPermissions: ReadonlySet<Permission>;
}

/**
 * What every signed-in person may do, with or without a role: their own requests, and asking who
 * they are (a person with no role needs their user ID to find the tasks waiting for them).
 */
const EVERYONE: readonly Permission[] = ['tasks:self', 'auth:introspect', 'access_reviews:own'];

export function permissionsOf(roleIds: readonly string[]): Grants {
  const permissions = new Set<Permission>(EVERYONE);
  const ownedPermissions = new Set<Permission>();
  for (const role of BUILTIN_ROLES) {
    if (!roleIds.includes(role.id)) continue;
    for (const granted of role.permissions) permissions.add(granted);
    for (const granted of role.ownedPermissions) ownedPermissions.add(granted);
  }
  return { permissions, ownedPermissions };
}

/**
 * The roles a client acts with: its user's roles, or the client's `scopedRoles` when it has any.
 * What those roles may do is narrowed by the user's own permissions in `clientPermissions`.
 */
export function effectiveRoles(userRoleIds: readonly string[], scopedRoles: readonly string[]): string[] {
  return scopedRoles.length === 0 ? [...userRoleIds] : [...scopedRoles];
}

/**
 * A client's permissions: its scoped roles' permissions "AND'ed against the owning User's own
 * permissions" (PersonalClient.scopedRoles), permission by permission, so a Super Admin's client
 * scoped to Read-Only Admin reads everything and writes nothing. On a thing the user owns, each side
 * holds its permissions plus its owned ones; what both hold there, and not everywhere, is owned.
 */
export function clientPermissions(userRoleIds: readonly string[], scopedRoles: readonly string[]): Grants {
  const user = permissionsOf(userRoleIds);
  if (scopedRoles.length === 0) return user;
  const scope = permissionsOf(scopedRoles);
  const permissions = new Set([...user.permissions].filter((p) => scope.permissions.has(p)));
  const onOwned = (grants: Grants, p: Permission) =>
    grants.permissions.has(p) || grants.ownedPermissions.has(p);
  const ownedPermissions = new Set(
    PERMISSIONS.filter((p) => !permissions.has(p) && onOwned(user, p) && onOwned(scope, p)),
  );
  return { permissions, ownedPermissions };
}

/** A role's permissions as the API lists them: owned permissions carry an `:owned` suffix. */
export const listedPermissions = (role: Pick<BuiltinRole, 'permissions' | 'ownedPermissions'>): string[] => [
  ...role.permissions,
  ...role.ownedPermissions.map((p) => `${p}:owned`),
];
