import type { AttributeTraits } from './scim.filter.js';
import type { ScimGroupRow } from './scim.repository.js';
import { GROUP_SCHEMA, type ScimResource } from './scim.schemas.js';
import { versionOf } from './scim-user.resource.js';

export const GROUP_TRAITS: AttributeTraits = {
  core: GROUP_SCHEMA,
  extensions: [],
  caseExact: new Set(['id', 'externalid', 'members.value', 'meta.version', 'meta.location']),
  dateTime: new Set(['meta.created', 'meta.lastmodified']),
};

/** A member as shown: the user's ID and display name (absent for a user no longer found). */
export interface GroupMember {
  readonly id: string;
  readonly display: string | undefined;
}

/**
 * The Group resource of an entitlement (RFC 7643 §4.2). `members` are the users holding it, left out
 * when not asked for; the version covers them through the entitlement's membership version, so it
 * is known without reading them.
 */
export function toGroupResource(
  group: ScimGroupRow,
  membershipVersion: string,
  baseUrl: string,
  members: readonly GroupMember[] | undefined,
): ScimResource {
  const body: ScimResource = {
    schemas: [GROUP_SCHEMA],
    id: group.entitlement_id,
    ...(group.external_id !== null ? { externalId: group.external_id } : {}),
    displayName: group.display_name,
  };
  const version = versionOf({ ...body, membershipVersion });
  return {
    ...body,
    ...(members
      ? {
          members: members.map(({ id, display }) => ({
            value: id,
            ...(display !== undefined ? { display } : {}),
            $ref: `${baseUrl}/Users/${id}`,
            type: 'User',
          })),
        }
      : {}),
    meta: {
      resourceType: 'Group',
      created: group.created_at,
      lastModified: group.updated_at,
      location: `${baseUrl}/Groups/${group.entitlement_id}`,
      version,
    },
  };
}
