import { type Static, Type } from 'typebox';
import type { Expansion } from '../../http/expansion.js';
import { IdString, QueryString } from '../../http/strings.js';
import {
  ExpandMask,
  FieldMask,
  FilterIds,
  filterList,
  NullableTimestamp,
  Opt,
  PageBody,
  StringList,
} from '../../http/wire.js';
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

export const AppUserType = Type.Enum([
  'APP_USER_TYPE_UNSPECIFIED',
  'APP_USER_TYPE_USER',
  'APP_USER_TYPE_SERVICE_ACCOUNT',
  'APP_USER_TYPE_SYSTEM_ACCOUNT',
]);

const Ids = Opt(FilterIds);

/** AU.Search (CONTRACT.md §5). */
export const SearchAppUsersBody = Type.Object({
  appId: Opt(IdString()),
  query: Opt(QueryString()),
  refs: Opt(filterList(Type.Object({ appId: Opt(IdString()), id: IdString() }))),
  appUserIds: Ids,
  excludeAppUserIds: Ids,
  userIds: Ids,
  appUserTypes: Opt(filterList(AppUserType)),
  appUserStatuses: Opt(
    filterList(Type.Enum(['STATUS_UNSPECIFIED', 'STATUS_ENABLED', 'STATUS_DISABLED', 'STATUS_DELETED'])),
  ),
  appUserStatusDetails: Ids,
  appUserDomains: Opt(
    filterList(
      Type.Enum(['APP_USER_DOMAIN_UNSPECIFIED', 'APP_USER_DOMAIN_EXTERNAL', 'APP_USER_DOMAIN_TRUSTED']),
    ),
  ),
  expandMask: ExpandMask,
  ...PageBody,
});
export type SearchAppUsersBody = Static<typeof SearchAppUsersBody>;

/**
 * The writable part of an AppUser: only its type and the identity it belongs to (CONTRACT.md §5,
 * AU.Update). Other AppUser fields may be sent, as clients echo what they read, and are dropped.
 */
export const AppUserPatch = Type.Object({
  appUserType: Opt(AppUserType),
  identityUserId: Opt(IdString()),
});
export type AppUserPatch = Static<typeof AppUserPatch>;

export const APP_USER_READ_ONLY_FIELDS = [
  'id',
  'appId',
  'displayName',
  'email',
  'emails',
  'username',
  'usernames',
  'employeeIds',
  'isExternal',
  'status',
  'profile',
  'createdAt',
  'updatedAt',
  'deletedAt',
];

export const UpdateAppUserBody = Type.Object({
  appUser: Opt(AppUserPatch),
  updateMask: FieldMask,
  expandMask: ExpandMask,
});

export const appUserView = (row: AppUserRow, wanted: Expansion) => ({
  appUser: toAppUser(row),
  appPath: wanted.path('app_id', 'app', row.app_id),
  identityUserPath: wanted.path('identity_user_id', 'user', row.identity_user_id),
  // Roster records no usage, so `last_usage` has nothing to point at.
  lastUsagePath: '',
});
