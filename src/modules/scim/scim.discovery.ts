import {
  ENTERPRISE_SCHEMA,
  GROUP_SCHEMA,
  MAX_RESULTS,
  RESOURCE_TYPE_SCHEMA,
  SCHEMA_SCHEMA,
  SERVICE_PROVIDER_CONFIG_SCHEMA,
  USER_SCHEMA,
} from './scim.schemas.js';

/**
 * Where this Roster serves the README's SCIM section. Roster has no public home page to point at,
 * and the README an instance was installed from is the one that describes what it does.
 */
export const SCIM_DOCS_PATH = '/docs/scim';

/** The README's SCIM section (from its `## SCIM` heading to the next `## `), as shipped with this Roster. */
export function scimDocumentation(readme: string): string {
  const start = readme.search(/^## SCIM\b/m);
  if (start === -1) return '';
  const rest = readme.slice(start);
  const end = rest.slice(1).search(/^## /m);
  return end === -1 ? rest : rest.slice(0, end + 1);
}

/** RFC 7643 §5: exactly what Roster supports — PATCH, filter, ETags; no bulk, sort or password change. */
export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA],
    documentationUri: new URL(SCIM_DOCS_PATH, baseUrl).toString(),
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description: "The connection's token, sent as Authorization: Bearer <token>",
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
  };
}

export function resourceTypes(baseUrl: string) {
  return [
    {
      schemas: [RESOURCE_TYPE_SCHEMA],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'A Roster user',
      schema: USER_SCHEMA,
      schemaExtensions: [{ schema: ENTERPRISE_SCHEMA, required: false }],
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` },
    },
    {
      schemas: [RESOURCE_TYPE_SCHEMA],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: "An entitlement of the connection's app; members hold it",
      schema: GROUP_SCHEMA,
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/Group` },
    },
  ];
}

interface AttributeSpec {
  name: string;
  type?: 'string' | 'boolean' | 'complex' | 'reference' | 'dateTime';
  multiValued?: boolean;
  required?: boolean;
  caseExact?: boolean;
  mutability?: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  returned?: 'always' | 'default' | 'never';
  uniqueness?: 'none' | 'server';
  subAttributes?: AttributeSpec[];
  referenceTypes?: string[];
}

function attr(spec: AttributeSpec): Record<string, unknown> {
  return {
    name: spec.name,
    type: spec.type ?? 'string',
    multiValued: spec.multiValued ?? false,
    description: '',
    required: spec.required ?? false,
    caseExact: spec.caseExact ?? false,
    mutability: spec.mutability ?? 'readWrite',
    returned: spec.returned ?? 'default',
    uniqueness: spec.uniqueness ?? 'none',
    ...(spec.subAttributes ? { subAttributes: spec.subAttributes.map(attr) } : {}),
    ...(spec.referenceTypes ? { referenceTypes: spec.referenceTypes } : {}),
  };
}

const multi = (name: string, extra: AttributeSpec[] = []) =>
  ({
    name,
    type: 'complex',
    multiValued: true,
    subAttributes: [
      { name: 'value' },
      { name: 'type' },
      { name: 'primary', type: 'boolean' },
      { name: 'display' },
      ...extra,
    ],
  }) satisfies AttributeSpec;

/** RFC 7643 §7: the attributes Roster stores and serves, nothing more. */
export function schemas(baseUrl: string) {
  const schema = (id: string, name: string, attributes: AttributeSpec[]) => ({
    schemas: [SCHEMA_SCHEMA],
    id,
    name,
    description: name,
    attributes: attributes.map(attr),
    meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${id}` },
  });
  return [
    schema(USER_SCHEMA, 'User', [
      { name: 'userName', required: true, uniqueness: 'server' },
      {
        name: 'name',
        type: 'complex',
        subAttributes: [
          'formatted',
          'familyName',
          'givenName',
          'middleName',
          'honorificPrefix',
          'honorificSuffix',
        ].map((name) => ({ name })),
      },
      { name: 'displayName' },
      { name: 'nickName' },
      { name: 'profileUrl', type: 'reference', referenceTypes: ['external'] },
      { name: 'title' },
      { name: 'userType' },
      { name: 'preferredLanguage' },
      { name: 'locale' },
      { name: 'timezone' },
      { name: 'active', type: 'boolean' },
      multi('emails'),
      multi('phoneNumbers'),
      multi(
        'addresses',
        ['formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country'].map((name) => ({
          name,
        })),
      ),
    ]),
    schema(ENTERPRISE_SCHEMA, 'EnterpriseUser', [
      { name: 'employeeNumber' },
      { name: 'department' },
      {
        name: 'manager',
        type: 'complex',
        subAttributes: [
          { name: 'value', caseExact: true },
          { name: '$ref', type: 'reference', referenceTypes: ['User'] },
          { name: 'displayName', mutability: 'readOnly' },
        ],
      },
    ]),
    schema(GROUP_SCHEMA, 'Group', [
      { name: 'displayName', required: true, uniqueness: 'server' },
      {
        name: 'members',
        type: 'complex',
        multiValued: true,
        subAttributes: [
          { name: 'value', caseExact: true, mutability: 'immutable' },
          { name: 'display', mutability: 'readOnly' },
          { name: '$ref', type: 'reference', referenceTypes: ['User'], mutability: 'immutable' },
          { name: 'type', mutability: 'immutable' },
        ],
      },
    ]),
  ];
}
