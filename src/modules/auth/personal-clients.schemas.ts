import { type Static, Type } from 'typebox';
import { IdString, NameString, QueryString, WordString } from '../../http/strings.js';
import {
  Duration,
  FieldMask,
  filterList,
  Nullable,
  NullableTimestamp,
  Opt,
  PageBody,
  StringList,
} from '../../http/wire.js';
import type { ApiClientRow } from './clients.repository.js';

/** iam.v1.PersonalClient (CONTRACT.md §4). Never the secret, never the public key. */
export const PersonalClient = Type.Object({
  id: Type.String(),
  clientId: Type.String(),
  userId: Type.String(),
  displayName: Type.String(),
  allowSourceCidr: StringList,
  scopedRoles: StringList,
  expiresTime: NullableTimestamp,
  lastUsedAt: NullableTimestamp,
  createdAt: NullableTimestamp,
  updatedAt: NullableTimestamp,
  deletedAt: NullableTimestamp,
});
export type PersonalClient = Static<typeof PersonalClient>;

export function toPersonalClient(row: ApiClientRow): PersonalClient {
  return {
    id: row.id,
    clientId: row.client_id,
    userId: row.user_id,
    displayName: row.display_name,
    allowSourceCidr: row.allow_source_cidr,
    scopedRoles: row.scoped_roles,
    expiresTime: row.expires_at,
    lastUsedAt: row.last_used_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

const Cidrs = Type.Array(Type.String({ maxLength: 64 }), { maxItems: 100 });
const RoleIds = Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 });
const Name = NameString();

export const NewPersonalClient = Type.Object({
  displayName: Opt(Name),
  allowSourceCidr: Opt(Cidrs),
  scopedRoles: Opt(RoleIds),
  expires: Opt(Duration),
});
export type NewPersonalClient = Static<typeof NewPersonalClient>;

/** What a client may write; read-only fields echoed back (Terraform sends whole objects) are ignored. */
export const PersonalClientPatch = Type.Object({
  displayName: Opt(Name),
  allowSourceCidr: Opt(Cidrs),
  scopedRoles: Opt(RoleIds),
  expiresTime: Opt(WordString({ format: 'date-time' })),
});
export type PersonalClientPatch = Static<typeof PersonalClientPatch>;

export const CLIENT_READ_ONLY_FIELDS = [
  'id',
  'clientId',
  'userId',
  'lastUsedAt',
  'createdAt',
  'updatedAt',
  'deletedAt',
];

export const UpdatePersonalClientBody = Type.Object({
  client: Opt(PersonalClientPatch),
  updateMask: FieldMask,
});

export const SearchPersonalClientsBody = Type.Object({
  query: Opt(QueryString()),
  users: Opt(filterList(Type.Object({ id: Type.Optional(Nullable(IdString())) }))),
  ...PageBody,
});

export const CreatedPersonalClient = Type.Object({ client: PersonalClient, clientSecret: Type.String() });
