import { type Static, Type } from 'typebox';
import { FieldMask, NullableTimestamp, Opt, StringList } from '../../http/wire.js';
import { DisplayName, NameEdit } from './catalog.schemas.js';
import type { ResourceTypeRow } from './resource-types.repository.js';

/** The ConductorOne AppResourceType (CONTRACT.md §4), every field emitted. */
export const AppResourceType = Type.Object({
  id: Type.String(),
  appId: Type.String(),
  displayName: Type.String(),
  traitIds: StringList,
  createdAt: NullableTimestamp,
  updatedAt: NullableTimestamp,
  deletedAt: NullableTimestamp,
});
export type AppResourceType = Static<typeof AppResourceType>;

export const AppResourceTypeView = Type.Object({ appResourceType: AppResourceType, appPath: Type.String() });

export function toResourceType(row: ResourceTypeRow): AppResourceType {
  return {
    id: row.id,
    appId: row.app_id,
    displayName: row.display_name,
    traitIds: [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export const toResourceTypeView = (row: ResourceTypeRow) => ({
  appResourceType: toResourceType(row),
  appPath: '',
});

/** The kinds of a manually managed resource type (CONTRACT.md §3), newer ones included. */
export const ResourceKind = Type.Enum([
  'ROLE',
  'GROUP',
  'LICENSE',
  'PROJECT',
  'CATALOG',
  'CUSTOM',
  'VAULT',
  'PROFILE_TYPE',
  'SESSION_POLICY',
  'CLAW_AGENT',
]);

export const NewResourceType = Type.Object({ displayName: DisplayName, resourceType: ResourceKind });
export type NewResourceType = Static<typeof NewResourceType>;

export const ResourceTypePatch = Type.Object({ displayName: Opt(NameEdit) });
export type ResourceTypePatch = Static<typeof ResourceTypePatch>;

/** Server-set, or (traitIds) not kept by Roster: never written by an update. */
export const RESOURCE_TYPE_READ_ONLY_FIELDS = [
  'id',
  'appId',
  'traitIds',
  'createdAt',
  'updatedAt',
  'deletedAt',
];

export const UpdateResourceTypeBody = Type.Object({
  appResourceType: Opt(ResourceTypePatch),
  updateMask: FieldMask,
});
