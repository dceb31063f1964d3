import { type Static, Type } from 'typebox';
import { NullableTimestamp, StringList } from '../../http/wire.js';
import type { AppUserRow } from './app-users.repository.js';

/** The ConductorOne AppUser (CONTRACT.md §4), every field emitted. */
export const AppUser = Type.Object({
  id: Type.String(),
  appId: Type.String(),
  identityUserId: Type.String(),
  displayName: Type.String(),
  email: Type.String(),
  emails: StringList,
  username: Type.String(),
  usernames: StringList,
  employeeIds: StringList,
  appUserType: Type.String(),
  isExternal: Type.Boolean(),
  status: Type.Object({ status: Type.String(), details: Type.String() }),
  profile: Type.Record(Type.String(), Type.Unknown()),
  createdAt: NullableTimestamp,
  updatedAt: NullableTimestamp,
  deletedAt: NullableTimestamp,
});
export type AppUser = Static<typeof AppUser>;

export const AppUserView = Type.Object({
  appUser: AppUser,
  appPath: Type.String(),
  identityUserPath: Type.String(),
  lastUsagePath: Type.String(),
});

export function toAppUser(row: AppUserRow): AppUser {
  return {
    id: row.id,
    appId: row.app_id,
    identityUserId: row.identity_user_id,
    displayName: row.display_name,
    email: row.email,
    emails: row.email ? [row.email] : [],
    username: row.username,
    usernames: row.username ? [row.username] : [],
    employeeIds: [],
    appUserType: row.app_user_type,
    isExternal: false,
    status: { status: row.status, details: '' },
    profile: {},
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export const toAppUserView = (row: AppUserRow) => ({
  appUser: toAppUser(row),
  appPath: '',
  identityUserPath: '',
  lastUsagePath: '',
});
