import type { paths } from '../../../src/api-types/schema';

/** The JSON body a route answers 200 with. */
export type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

/** The JSON body a route takes. */
export type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** The query parameters a route takes. */
export type Query<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;

export type App = Json<'/api/v1/apps/{id}', 'get'>['app'];
export type Entitlement = Json<'/api/v1/apps/{app_id}/entitlements', 'get'>['list'][number]['appEntitlement'];
/** A member as Roster's members page lists them: the official view and the task the grant came from. */
export type MemberRow = Json<
  '/roster/v1/apps/{app_id}/entitlements/{app_entitlement_id}/users',
  'get'
>['list'][number];
export type User = Json<'/api/v1/users/{id}', 'get'>['userView']['user'];
export type BulkAction = Json<'/roster/v1/bulk_actions/{id}', 'get'>['bulkAction'];
export type BulkItem = Json<'/roster/v1/bulk_actions/{id}/items', 'get'>['list'][number];
export type PersonalClient = Json<'/api/v1/search/iam/personal_clients', 'post'>['list'][number];
export type Role = Json<'/api/v1/iam/roles', 'get'>['list'][number];
export type AppUser = MemberRow['appUser']['appUser'];

/** An expanded object of a response's `expanded` array (CONTRACT.md §7.7). */
export interface Expanded {
  '@type'?: string;
  [key: string]: unknown;
}

/** The object a `*Path` pointer (`$.expanded[N]`) names, if any. */
export function pointed<T>(expanded: readonly unknown[] | undefined, path: string): T | undefined {
  const match = /^\$\.expanded\[(\d+)\]$/.exec(path);
  if (!match || !expanded) return undefined;
  return expanded[Number(match[1])] as T | undefined;
}
export type ScimConnection = Json<'/roster/v1/scim/connections', 'get'>['list'][number];
export type Webhook = Json<'/roster/v1/webhooks/{id}', 'get'>['webhook'];
export type WebhookDelivery = Json<'/roster/v1/webhooks/{id}/deliveries', 'get'>['list'][number];
