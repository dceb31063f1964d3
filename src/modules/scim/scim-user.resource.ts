import { createHash } from 'node:crypto';
import type { UserRow } from './ports.js';
import { invalidValue } from './scim.errors.js';
import type { AttributeTraits } from './scim.filter.js';
import type { ScimUserRow } from './scim.repository.js';

/** A connection's user: the Roster user with its SCIM mapping. */
export type ScimUserRecord = { user: UserRow; scim: ScimUserRow };

import {
  ENTERPRISE_SCHEMA,
  isObject,
  type JsonObject,
  type ScimResource,
  USER_SCHEMA,
} from './scim.schemas.js';

export const USER_TRAITS: AttributeTraits = {
  core: USER_SCHEMA,
  extensions: [ENTERPRISE_SCHEMA.toLowerCase()],
  caseExact: new Set(['id', 'externalid', 'manager.value', 'meta.version', 'meta.location']),
  dateTime: new Set(['meta.created', 'meta.lastmodified']),
};

/** Core attributes Roster keeps as given, beside the ones it maps to its own user fields. */
const KEPT_ATTRIBUTES = [
  'name',
  'nickName',
  'profileUrl',
  'title',
  'userType',
  'preferredLanguage',
  'locale',
  'timezone',
  'emails',
  'phoneNumbers',
  'addresses',
] as const;

/** A user as a SCIM client sends it (POST, PUT, or the result of a PATCH), checked and normalised. */
export interface UserInput {
  readonly userName: string;
  readonly externalId: string | null;
  readonly displayName: string;
  readonly active: boolean;
  readonly email: string;
  readonly department: string;
  readonly employeeNumber: string;
  readonly managerId: string;
  /** The kept core attributes, as JSON. */
  readonly attributes: JsonObject;
}

/** Reads an attribute by name, ignoring case (RFC 7644 §3.10). */
export function attribute(resource: JsonObject, name: string): unknown {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(resource)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

function optionalString(resource: JsonObject, name: string, max = 1_000): string | undefined {
  const v = attribute(resource, name);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalidValue(`${name} must be a string`);
  if (v.length > max) throw invalidValue(`${name} is longer than ${max} characters`);
  return v;
}

/** `active` as a boolean; Microsoft Entra sends the strings "True" and "False". */
function activeOf(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  throw invalidValue('active must be a boolean');
}

/** The enterprise `manager`: `{"value": id}`, or a bare ID as Entra sends it; empty clears it. */
function managerOf(v: unknown): string {
  if (v === undefined || v === null || v === '') return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.length === 0 ? '' : managerOf(v[0]);
  if (isObject(v)) {
    const value = attribute(v, 'value');
    if (value === undefined || value === null || value === '') return '';
    if (typeof value === 'string') return value;
  }
  throw invalidValue('manager must be {"value": "<user id>"}');
}

function primaryEmail(emails: unknown): string {
  if (emails === undefined || emails === null) return '';
  if (!Array.isArray(emails)) throw invalidValue('emails must be an array');
  const list = emails.map((e) => {
    if (!isObject(e) || typeof attribute(e, 'value') !== 'string')
      throw invalidValue('each email needs a string value');
    return e;
  });
  const pick =
    list.find((e) => attribute(e, 'primary') === true || attribute(e, 'primary') === 'True') ??
    list.find((e) => attribute(e, 'type') === 'work') ??
    list[0];
  return pick ? String(attribute(pick, 'value')) : '';
}

function displayNameOf(resource: JsonObject, userName: string): string {
  const given = optionalString(resource, 'displayName', 500);
  if (given) return given;
  const name = attribute(resource, 'name');
  if (isObject(name)) {
    const formatted = attribute(name, 'formatted');
    if (typeof formatted === 'string' && formatted.trim()) return formatted.slice(0, 500);
    const parts = [attribute(name, 'givenName'), attribute(name, 'familyName')].filter(
      (p): p is string => typeof p === 'string' && p !== '',
    );
    if (parts.length > 0) return parts.join(' ').slice(0, 500);
  }
  return userName.slice(0, 500);
}

/** Checks a User resource and maps it to Roster's fields (RFC 7643 §4.1, §4.3). */
export function readUserInput(body: unknown): UserInput {
  if (!isObject(body)) throw invalidValue('the request body must be a User resource');
  const userName = optionalString(body, 'userName', 500);
  if (!userName?.trim()) throw invalidValue('userName is required');
  const enterprise = attribute(body, ENTERPRISE_SCHEMA);
  if (enterprise !== undefined && enterprise !== null && !isObject(enterprise)) {
    throw invalidValue(`${ENTERPRISE_SCHEMA} must be an object`);
  }
  const ext = isObject(enterprise) ? enterprise : {};
  const attributes: JsonObject = {};
  for (const name of KEPT_ATTRIBUTES) {
    const v = attribute(body, name);
    if (v !== undefined && v !== null) attributes[name] = v;
  }
  if (attributes.name !== undefined && !isObject(attributes.name))
    throw invalidValue('name must be an object');
  return {
    userName,
    externalId: optionalString(body, 'externalId') ?? null,
    displayName: displayNameOf(body, userName),
    active: activeOf(attribute(body, 'active')),
    email: primaryEmail(attributes.emails),
    department: optionalString(ext, 'department', 500) ?? '',
    employeeNumber: optionalString(ext, 'employeeNumber', 200) ?? '',
    managerId: managerOf(attribute(ext, 'manager')),
    attributes,
  };
}

/** `meta.version`: a weak ETag over everything the resource says (RFC 7644 §3.14). */
export function versionOf(resource: ScimResource): string {
  const hash = createHash('sha256').update(JSON.stringify(resource)).digest('base64url').slice(0, 22);
  return `W/"${hash}"`;
}

/** The User resource of a connection's user, as served (RFC 7643 §4.1). */
export function toUserResource(record: ScimUserRecord, location: string): ScimResource {
  const { user, scim } = record;
  const attributes = scim.attributes;
  const managerIds = user.manager_ids;
  const employeeIds = user.employee_ids;
  const enterprise: JsonObject = {};
  if (employeeIds[0]) enterprise.employeeNumber = employeeIds[0];
  if (user.department) enterprise.department = user.department;
  // The reference as the identity provider sent it (a link made elsewhere, or stored before
  // references were kept, shows as the manager's ID); `$ref` only once it names a user.
  const managerRef = scim.manager_ref || managerIds[0];
  if (managerRef) {
    enterprise.manager = managerIds[0]
      ? { value: managerRef, $ref: location.replace(/[^/]+$/, managerIds[0]) }
      : { value: managerRef };
  }
  const hasEnterprise = Object.keys(enterprise).length > 0;
  const body: ScimResource = {
    schemas: hasEnterprise ? [USER_SCHEMA, ENTERPRISE_SCHEMA] : [USER_SCHEMA],
    id: user.id,
    ...(scim.external_id !== null ? { externalId: scim.external_id } : {}),
    userName: scim.user_name,
    ...attributes,
    displayName: user.display_name,
    active: user.status === 'ENABLED',
    ...(hasEnterprise ? { [ENTERPRISE_SCHEMA]: enterprise } : {}),
  };
  return {
    ...body,
    meta: {
      resourceType: 'User',
      created: scim.created_at,
      // Timestamps are same-format RFC 3339 text, so the later one sorts last.
      lastModified: [user.updated_at, scim.updated_at].sort()[1],
      location,
      version: versionOf(body),
    },
  };
}
