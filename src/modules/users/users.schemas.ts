import { type Static, Type } from 'typebox';
import { EmailString, IdString, NameString, QueryString } from '../../http/strings.js';
import {
  FilterIds,
  filterList,
  MaskPathList,
  Nullable,
  NullableTimestamp,
  PageBody,
  StringList,
} from '../../http/wire.js';
import type { UserRow } from './users.repository.js';

/** Where a user attribute came from (UserAttributeMappingSource); Roster has no directories, so none. */
const AttributeSources = Type.Array(
  Type.Object({
    appId: Type.String(),
    appUserId: Type.String(),
    appUserProfileAttributeKey: Type.String(),
    userAttributeMappingId: Type.String(),
    value: Type.String(),
  }),
);

/**
 * The ConductorOne User (CONTRACT.md §4), every field emitted: ConductorOne sends unpopulated
 * fields (CONTRACT.md §1), and an official SDK fails to decode a user without the `*Sources` lists.
 */
export const User = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  email: Type.String(),
  emails: StringList,
  username: Type.String(),
  usernames: StringList,
  employeeIds: StringList,
  status: Type.String(),
  directoryStatus: Type.String(),
  type: Type.String(),
  roleIds: StringList,
  managerIds: StringList,
  delegatedUserId: Type.String(),
  department: Type.String(),
  jobTitle: Type.String(),
  employmentStatus: Type.String(),
  employmentType: Type.String(),
  directoryIds: StringList,
  profile: Type.Record(Type.String(), Type.Unknown()),
  departmentSources: AttributeSources,
  directoryStatusSources: AttributeSources,
  emailSources: AttributeSources,
  employeeIdSources: AttributeSources,
  employmentStatusSources: AttributeSources,
  employmentTypeSources: AttributeSources,
  jobTitleSources: AttributeSources,
  managerSources: AttributeSources,
  usernameSources: AttributeSources,
  createdAt: NullableTimestamp,
  updatedAt: NullableTimestamp,
  deletedAt: NullableTimestamp,
});
export type User = Static<typeof User>;

export const UserView = Type.Object({
  user: User,
  rolesPath: Type.String(),
  managersPath: Type.String(),
  delegatedUserPath: Type.String(),
  directoriesPath: Type.String(),
});

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    displayName: row.display_name,
    email: row.email,
    emails: row.email ? [row.email] : [],
    username: row.username,
    usernames: row.username ? [row.username] : [],
    employeeIds: row.employee_ids,
    status: row.status,
    directoryStatus: row.status,
    type: row.type,
    roleIds: row.role_ids,
    managerIds: row.manager_ids,
    delegatedUserId: '',
    department: row.department,
    jobTitle: '',
    employmentStatus: '',
    employmentType: '',
    directoryIds: [],
    profile: row.profile,
    departmentSources: [],
    directoryStatusSources: [],
    emailSources: [],
    employeeIdSources: [],
    employmentStatusSources: [],
    employmentTypeSources: [],
    jobTitleSources: [],
    managerSources: [],
    usernameSources: [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export const toUserView = (row: UserRow) => ({
  user: toUser(row),
  rolesPath: '',
  managersPath: '',
  delegatedUserPath: '',
  directoriesPath: '',
});

const Email = EmailString({ minLength: 3, pattern: '^[^@\\s]+@[^@\\s]+$' });

export const NewUser = Type.Object({
  displayName: NameString({ minLength: 1 }),
  email: Email,
  username: Type.Optional(NameString()),
  /** Built-in role IDs (CONTRACT.md §7.10); none means the user may do nothing through the API. */
  roleIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 })),
});
export type NewUser = Static<typeof NewUser>;

/** `POST /roster/v1/users/{id}`: the fields given change, the rest stay. */
export const UserChanges = Type.Partial(NewUser);

export const MAX_IMPORT_USERS = 100_000;
/** The user import's body limit in bytes, JSON or CSV (published at GET /roster/v1/limits). */
export const MAX_IMPORT_REQUEST_BYTES = 64 * 1024 * 1024;

export const ImportUsersBody = Type.Object({
  users: Type.Array(NewUser, { maxItems: MAX_IMPORT_USERS }),
});

export const ImportUsersResponse = Type.Object({
  /** The new users' IDs, in the order they were given. */
  userIds: StringList,
});

export const SearchUsersBody = Type.Object({
  query: Type.Optional(Nullable(QueryString())),
  email: Type.Optional(Nullable(EmailString())),
  refs: Type.Optional(Nullable(filterList(Type.Object({ id: IdString() })))),
  ids: Type.Optional(Nullable(FilterIds)),
  excludeIds: Type.Optional(Nullable(FilterIds)),
  excludeTypes: Type.Optional(Nullable(FilterIds)),
  userStatuses: Type.Optional(Nullable(FilterIds)),
  roleIds: Type.Optional(Nullable(FilterIds)),
  expandMask: Type.Optional(Nullable(Type.Object({ paths: Type.Optional(MaskPathList) }))),
  ...PageBody,
});
export type SearchUsersBody = Static<typeof SearchUsersBody>;

/** The longest input a resolve takes: far more than any email or ID, so a stray line is named, not refused. */
const MAX_RESOLVE_INPUT_LENGTH = 1024;

/** `POST /roster/v1/users/resolve`: at most `maxInputs` emails or user IDs, one a string. */
export const ResolvePeopleBody = (maxInputs: number) =>
  Type.Object({
    inputs: Type.Array(Type.String({ maxLength: MAX_RESOLVE_INPUT_LENGTH }), {
      maxItems: maxInputs,
      description: `emails and user IDs, one a string (a pasted line, a CSV cell); at most ${maxInputs} (maxAddUserIds of GET /roster/v1/limits)`,
    }),
  });

export const ResolvePeopleResponse = Type.Object({
  people: Type.Array(
    Type.Object({
      input: Type.String({ description: 'the input naming the user, trimmed' }),
      userId: Type.String(),
      displayName: Type.String(),
      email: Type.String(),
    }),
    { description: 'each live user named, once, in input order (disabled users included)' },
  ),
  unresolved: Type.Array(
    Type.Object({
      input: Type.String(),
      reason: Type.String({
        description:
          'why it names no one: unknown, deleted, an email more than one live user has (naming them), or neither an email nor a user ID',
      }),
      userIds: Type.Optional(
        Type.Array(Type.String(), {
          description: 'for an email several live users have (stored before emails were unique): their IDs',
        }),
      ),
    }),
  ),
});

/** `GET /roster/v1/users/shared-emails`: one email several live users have (data stored before emails were unique). */
export const SharedEmail = Type.Object({
  email: Type.String({ description: 'the email, lower case' }),
  userIds: Type.Array(Type.String(), { description: 'the live users who have it, ignoring case' }),
});

export const SharedEmailsResponse = Type.Object({
  list: Type.Array(SharedEmail, { description: 'in email order' }),
  nextPageToken: Type.String(),
});
