import { type Static, Type } from 'typebox';
import type { Expansion } from '../../http/expansion.js';
import {
  ExpandMask,
  FieldMask,
  FilterIds,
  Int64,
  int64,
  Nullable,
  NullableTimestamp,
  Opt,
} from '../../http/wire.js';
import { DisplayName, NameEdit, Ref, Text } from './catalog.schemas.js';
import type { ResourceRecord } from './resources.repository.js';

const SecretTrait = Type.Object({
  identityAppUserId: Type.String(),
  lastUsedAt: NullableTimestamp,
  secretCreatedAt: NullableTimestamp,
  secretExpiresAt: NullableTimestamp,
});

/** The ConductorOne AppResource (CONTRACT.md §4), every field emitted. */
export const AppResource = Type.Object({
  id: Type.String(),
  appId: Type.String(),
  appResourceTypeId: Type.String(),
  displayName: Type.String(),
  description: Type.String(),
  customDescription: Type.String(),
  grantCount: Int64,
  matchBatonId: Type.String(),
  parentAppResourceId: Type.String(),
  parentAppResourceTypeId: Type.String(),
  secretTrait: Nullable(SecretTrait),
  createdAt: NullableTimestamp,
  updatedAt: NullableTimestamp,
  deletedAt: NullableTimestamp,
});
export type AppResource = Static<typeof AppResource>;

export const AppResourceView = Type.Object({
  appResource: AppResource,
  appPath: Type.String(),
  resourceTypePath: Type.String(),
  parentResourcePath: Type.String(),
  parentResourceTypePath: Type.String(),
});

export function toResource(row: ResourceRecord): AppResource {
  return {
    id: row.id,
    appId: row.app_id,
    appResourceTypeId: row.app_resource_type_id,
    displayName: row.display_name,
    description: row.description,
    customDescription: '',
    grantCount: int64(row.grant_count),
    matchBatonId: row.match_baton_id,
    parentAppResourceId: '',
    parentAppResourceTypeId: '',
    secretTrait: null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export const toResourceView = (row: ResourceRecord) => ({
  appResource: toResource(row),
  appPath: '',
  resourceTypePath: '',
  parentResourcePath: '',
  parentResourceTypePath: '',
});

/** RS.CreateManuallyManagedAppResource. `resourceOwnerUserIds` become the resource's owners. */
export const NewResource = Type.Object({
  displayName: DisplayName,
  description: Opt(Text),
  matchBatonId: Opt(Ref),
  resourceOwnerUserIds: Opt(FilterIds),
});
export type NewResource = Static<typeof NewResource>;

export const ResourcePatch = Type.Object({
  displayName: Opt(NameEdit),
  description: Opt(Text),
  matchBatonId: Opt(Ref),
});
export type ResourcePatch = Static<typeof ResourcePatch>;

/** Server-set, fixed by the path, or not kept by Roster: never written by an update. */
export const RESOURCE_READ_ONLY_FIELDS = [
  'id',
  'appId',
  'appResourceTypeId',
  'customDescription',
  'grantCount',
  'parentAppResourceId',
  'parentAppResourceTypeId',
  'secretTrait',
  'createdAt',
  'updatedAt',
  'deletedAt',
];

export const UpdateResourceBody = Type.Object({
  appResource: Opt(ResourcePatch),
  updateMask: FieldMask,
  expandMask: ExpandMask,
});

export const resourceView = (row: ResourceRecord, wanted: Expansion) => ({
  appResource: toResource(row),
  appPath: wanted.path('app_id', 'app', row.app_id),
  resourceTypePath: wanted.path('app_resource_type_id', 'appResourceType', row.app_resource_type_id),
  // Roster's resources have no parents.
  parentResourcePath: '',
  parentResourceTypePath: '',
});
