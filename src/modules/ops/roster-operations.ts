import type { OperationDoc } from './c1-operations.js';

/**
 * The operations Roster serves beyond the ConductorOne spec: the token endpoint (which the spec
 * leaves out), its extensions under /roster/v1 (CONTRACT.md §7.15) and the operations endpoints.
 * Keyed and shaped like C1_OPERATIONS; the operationIds are Roster's own, in the same style.
 */
export const ROSTER_OPERATIONS: Readonly<Record<string, OperationDoc>> = {
  'POST /auth/v1/token': {
    operationId: 'roster.auth.v1.Token',
    tag: 'Auth',
    summary: 'Token',
    description:
      'OAuth 2.0 client credentials (RFC 6749 §4.4): a form body with `client_id` and either an EdDSA `client_assertion` (what the SDKs send) or the whole `client_secret`. Errors here are in OAuth form (`{"error": ...}`).',
  },
  'POST /roster/v1/users': {
    operationId: 'roster.v1.Users.Create',
    tag: 'Roster: Users',
    summary: 'Create',
    description:
      "Create a ConductorOne user (displayName, email, username, optional roleIds); ConductorOne has no such endpoint. A live user's email is unique ignoring case: another live user's email is refused (409 `EMAIL_TAKEN` naming that user).",
  },
  'POST /roster/v1/users/import': {
    operationId: 'roster.v1.Users.Import',
    tag: 'Roster: Users',
    summary: 'Import',
    description:
      'Create up to 100,000 users in one call, from JSON `{"users": [...]}` or CSV with a `displayName,email,username` header; all or nothing. An email another live user has, or that two of the users share (ignoring case), refuses the whole import (409 `EMAIL_TAKEN` listing the clashes).',
  },
  'POST /roster/v1/users/resolve': {
    operationId: 'roster.v1.Users.Resolve',
    tag: 'Roster: Users',
    summary: 'Resolve',
    description:
      'Which users a list of emails and user IDs names (`{"inputs": [...]}`, at most `maxAddUserIds`), each once, with the reason for each input that names no one: unknown, deleted, an email more than one live user has (its `userIds` listed), or neither an email nor a user ID. Emails compare case-insensitively; disabled users are named (adding them is refused by the add).',
  },
  'POST /roster/v1/users/{id}': {
    operationId: 'roster.v1.Users.Update',
    tag: 'Roster: Users',
    summary: 'Update',
    description:
      "Update a user; only the fields named in `updateMask` change. A change of `roleIds` applies to the user's tokens at once. An email another live user has is refused (409 `EMAIL_TAKEN`).",
  },
  'GET /roster/v1/users/shared-emails': {
    operationId: 'roster.v1.Users.ListSharedEmails',
    tag: 'Roster: Users',
    summary: 'List Shared Emails',
    description:
      'Emails several live users have, ignoring case, each with their user IDs, in email order: data stored before emails were unique, reported and never merged. Empty once every duplicate is resolved (rename or delete all but one).',
  },
  'POST /roster/v1/users/{user_id}/personal_clients': {
    operationId: 'roster.v1.Users.CreatePersonalClient',
    tag: 'Roster: Users',
    summary: 'Create Personal Client',
    description:
      "Make an API client for another user (an admin's way to give a user its first client). The secret is shown once.",
  },
  'GET /roster/v1/bulk_actions': {
    operationId: 'roster.v1.BulkActions.List',
    tag: 'Roster: Bulk Actions',
    summary: 'List',
    description: 'List bulk actions in ID order, filtered by `state`, `app_id` and `app_entitlement_id`.',
  },
  'GET /roster/v1/bulk_actions/{id}': {
    operationId: 'roster.v1.BulkActions.Get',
    tag: 'Roster: Bulk Actions',
    summary: 'Get',
    description: "A bulk action's state and progress counts.",
  },
  'GET /roster/v1/bulk_actions/{id}/items': {
    operationId: 'roster.v1.BulkActions.ListItems',
    tag: 'Roster: Bulk Actions',
    summary: 'List Items',
    description:
      'Every user ID of a bulk action with its outcome (`ADDED`, `ALREADY_MEMBER`, or `FAILED` and why), filtered by `outcome`.',
  },
  'POST /roster/v1/bulk_actions/{id}/cancel': {
    operationId: 'roster.v1.BulkActions.Cancel',
    tag: 'Roster: Bulk Actions',
    summary: 'Cancel',
    description: 'Stop a bulk action that has not finished; the batches already committed stay committed.',
  },
  'GET /roster/v1/apps/{app_id}/entitlements/{app_entitlement_id}/members': {
    operationId: 'roster.v1.Members.List',
    tag: 'Roster: Members',
    summary: 'List',
    description:
      "The entitlement's manual members (user IDs) with an `ETag` naming this version of the list.",
  },
  'GET /roster/v1/apps/{app_id}/entitlements/{app_entitlement_id}/users': {
    operationId: 'roster.v1.Members.ListWithTickets',
    tag: 'Roster: Members',
    summary: 'List with tickets',
    description:
      'A page of the entitlement\'s members as ListAppEntitlementUsers answers them, each with the task its grant came from (`originatingTicketId`, `originatingTicketNumericId`; `""` when none), read in one query; `app_user_ids` (comma-separated, at most 100) keeps those app users.',
  },
  'PUT /roster/v1/apps/{app_id}/entitlements/{app_entitlement_id}/members': {
    operationId: 'roster.v1.Members.Set',
    tag: 'Roster: Members',
    summary: 'Set',
    description:
      'Make the manual members exactly the given user IDs: adds and removes as one bulk action. Needs `If-Match` with the ETag of the list it replaces (412 when the list moved on); `?dryRun=true` shows the diff and writes nothing.',
  },
  'GET /roster/v1/limits': {
    operationId: 'roster.v1.Limits.Get',
    tag: 'Roster: Limits',
    summary: 'Get',
    description: 'The limits this Roster enforces: request sizes, IDs per call, page sizes.',
  },
  'POST /roster/v1/grants/changes': {
    operationId: 'roster.v1.GrantChanges.List',
    tag: 'Roster: Grants',
    summary: 'List changes',
    description:
      "What changed between `after` (inclusive) and `before` (exclusive): the grant feed's entries newest first, each with its kind (granted, revoked, expired), filtered like the feed and by `kinds`, with totals by kind that count every kind.",
  },
  'GET /roster/v1/systemlog/export': {
    operationId: 'roster.v1.SystemLog.Export',
    tag: 'Roster: System Log',
    summary: 'Export',
    description:
      'Stream the system-log events between `since` (inclusive) and `until` (exclusive), after `cursor` if given, in change-stream order as JSON lines (`application/x-ndjson`); the `roster-next-cursor` header resumes after them.',
  },
  'POST /roster/v1/scim/connections': {
    operationId: 'roster.v1.ScimConnections.Create',
    tag: 'Roster: SCIM Connections',
    summary: 'Create',
    description:
      "Create an identity provider's SCIM 2.0 connection and its manually managed app; answers the base URL and a bearer token, shown only this once.",
  },
  'GET /roster/v1/scim/connections': {
    operationId: 'roster.v1.ScimConnections.List',
    tag: 'Roster: SCIM Connections',
    summary: 'List',
    description: 'The SCIM connections, with their base URLs and whether a token is live (never the token).',
  },
  'GET /roster/v1/scim/connections/{id}': {
    operationId: 'roster.v1.ScimConnections.Get',
    tag: 'Roster: SCIM Connections',
    summary: 'Get',
    description: 'One SCIM connection.',
  },
  'DELETE /roster/v1/scim/connections/{id}': {
    operationId: 'roster.v1.ScimConnections.Delete',
    tag: 'Roster: SCIM Connections',
    summary: 'Delete',
    description:
      'Delete a SCIM connection and its token; the users, app and grants it made stay as they are.',
  },
  'POST /roster/v1/scim/connections/{id}/token': {
    operationId: 'roster.v1.ScimConnections.RotateToken',
    tag: 'Roster: SCIM Connections',
    summary: 'Rotate Token',
    description: 'Issue a new bearer token, shown only this once; the previous one stops working at once.',
  },
  'DELETE /roster/v1/scim/connections/{id}/token': {
    operationId: 'roster.v1.ScimConnections.RevokeToken',
    tag: 'Roster: SCIM Connections',
    summary: 'Revoke Token',
    description: 'Revoke the token: the identity provider is refused until a new one is issued.',
  },
  'POST /roster/v1/webhooks': {
    operationId: 'roster.v1.Webhooks.Create',
    tag: 'Roster: Webhooks',
    summary: 'Create',
    description:
      'Subscribe a URL to event types (optionally limited to apps); answers the webhook and its Standard Webhooks signing secret, shown only this once.',
  },
  'GET /roster/v1/webhooks': {
    operationId: 'roster.v1.Webhooks.List',
    tag: 'Roster: Webhooks',
    summary: 'List',
    description:
      'The webhooks the caller may see (an App Admin: those limited to apps they own), never their secrets.',
  },
  'GET /roster/v1/webhooks/{id}': {
    operationId: 'roster.v1.Webhooks.Get',
    tag: 'Roster: Webhooks',
    summary: 'Get',
    description: 'One webhook, with its state (ACTIVE, PAUSED, or DISABLED after days of failed deliveries).',
  },
  'POST /roster/v1/webhooks/{id}': {
    operationId: 'roster.v1.Webhooks.Update',
    tag: 'Roster: Webhooks',
    summary: 'Update',
    description: 'Change the URL, description, event types or apps of a webhook; fields present are changed.',
  },
  'DELETE /roster/v1/webhooks/{id}': {
    operationId: 'roster.v1.Webhooks.Delete',
    tag: 'Roster: Webhooks',
    summary: 'Delete',
    description: 'Delete a webhook; deliveries not yet sent are cancelled.',
  },
  'POST /roster/v1/webhooks/{id}/pause': {
    operationId: 'roster.v1.Webhooks.Pause',
    tag: 'Roster: Webhooks',
    summary: 'Pause',
    description: 'Stop sending; deliveries keep being queued and go out in order on resume.',
  },
  'POST /roster/v1/webhooks/{id}/resume': {
    operationId: 'roster.v1.Webhooks.Resume',
    tag: 'Roster: Webhooks',
    summary: 'Resume',
    description: 'Send again, also to a webhook Roster disabled; queued deliveries go out in order.',
  },
  'POST /roster/v1/webhooks/{id}/ping': {
    operationId: 'roster.v1.Webhooks.Ping',
    tag: 'Roster: Webhooks',
    summary: 'Ping',
    description: 'Queue a signed `webhook.ping` behind what is already queued.',
  },
  'POST /roster/v1/webhooks/{id}/secret': {
    operationId: 'roster.v1.Webhooks.RotateSecret',
    tag: 'Roster: Webhooks',
    summary: 'Rotate secret',
    description:
      'Replace the signing secret and answer `{webhook, secret}` with the new one, shown this once. Every request sent from then on, retries included, is signed with it; the old secret stops at once.',
  },
  'GET /roster/v1/webhooks/{id}/deliveries': {
    operationId: 'roster.v1.Webhooks.ListDeliveries',
    tag: 'Roster: Webhooks',
    summary: 'List Deliveries',
    description: "The webhook's deliveries, newest first, with their state, attempts and last answer.",
  },
  'GET /roster/v1/webhooks/{id}/deliveries/{deliveryId}': {
    operationId: 'roster.v1.Webhooks.GetDelivery',
    tag: 'Roster: Webhooks',
    summary: 'Get Delivery',
    description:
      'One delivery: the exact body sent and every attempt (status, latency, first bytes of the answer).',
  },
  'POST /roster/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': {
    operationId: 'roster.v1.Webhooks.Redeliver',
    tag: 'Roster: Webhooks',
    summary: 'Redeliver',
    description: 'Send one delivery again, at the end of the queue, with its original message ID.',
  },
  'POST /roster/v1/webhooks/{id}/redeliver': {
    operationId: 'roster.v1.Webhooks.RedeliverSince',
    tag: 'Roster: Webhooks',
    summary: 'Redeliver Since',
    description:
      'Send again every event delivery made since a time, in order, with their original message IDs.',
  },
  'POST /roster/v1/requestable-entitlements': {
    operationId: 'roster.v1.Tasks.ListRequestableEntitlements',
    tag: 'Roster: Tasks',
    summary: 'List Requestable Entitlements',
    description:
      "The entitlements the caller may request for themself with `task/grant`, open to every signed-in person (`tasks:self`), whatever their roles: live, in a live app, manually managed and not a SCIM group. Each names its app, the grant policy a request follows (the built-in default as `App owners approve`), the longest grant (`durationGrant`), whether the caller holds it (`held`) and the caller's open request for it (`openRequestTaskId`). `query` matches app and entitlement names ignoring case; `appId` keeps one app. Keyset-paged, in app name then entitlement name order (ignoring case), then ID.",
  },
  'POST /roster/v1/access_reviews/{id}/start': {
    operationId: 'roster.v1.AccessReviews.Start',
    tag: 'Roster: Access Reviews',
    summary: 'Start',
    description:
      'Start a DRAFT campaign that has a scope (Super Admins and its owners): in one transaction its population, every grant held in its scope at that moment, is frozen with the change-stream position it was read at (`populationPosition`), and the campaign becomes OPEN. A background job then creates one certify task per frozen grant, in batches; `GET …/progress` says when it is done. Grants made or removed after the start do not change the campaign.',
  },
  'GET /roster/v1/access_reviews/{id}/progress': {
    operationId: 'roster.v1.AccessReviews.Progress',
    tag: 'Roster: Access Reviews',
    summary: 'Progress',
    description:
      'How far a campaign is: the size and position of its frozen population, whether every certify task exists yet (`populated`), how many were created, are open, decided, certified, decertified and cancelled.',
  },
  'GET /roster/v1/access_reviews/{id}/evidence': {
    operationId: 'roster.v1.AccessReviews.Evidence',
    tag: 'Roster: Access Reviews',
    summary: 'Evidence',
    description:
      "The evidence pack of a started campaign, for its owners, Super Admins and Read-Only Admins: the campaign (owners, policy, dates, scope), its frozen population and change-stream position, and per item the person, app, entitlement, decision, who decided it and when, the reason, the time from the start, and for a removal its grant-history entry and position; totals by decision and reviewer. JSON by default, `?format=csv` for one row per item. Streamed. A closed campaign's pack is the same bytes on every read, with their SHA-256 in the `Repr-Digest` header (RFC 9530) and, in JSON, `sha256` (hex) of every byte before that last member; an open campaign's says `final: false` and has no `Repr-Digest`. A draft has no evidence (ACCESS_REVIEW_NOT_STARTED).",
  },
  'POST /roster/v1/access_reviews/{id}/decisions': {
    operationId: 'roster.v1.AccessReviews.Decide',
    tag: 'Roster: Access Reviews',
    summary: 'Decide',
    description:
      'Decide up to 1,000 certify tasks of an OPEN campaign in one call: `CERTIFY` approves the task’s current step, `DECERTIFY` denies it (a reason in `comment` is required unless the policy’s approval sets `requireDenialReason` false) and revokes the grant, the task named as the ticket. Each decision is applied on its own and answered in order, `ok` with the task’s state and outcome or the error body that refused it (someone who is not a reviewer of the task, the person whose access it is, a closed task).',
  },
  'POST /roster/v1/access_reviews/{id}/close': {
    operationId: 'roster.v1.AccessReviews.Close',
    tag: 'Roster: Access Reviews',
    summary: 'Close',
    description:
      'Close an OPEN, populated campaign (Super Admins and its owners): every certify task still open is closed, cancelled with `"remaining": "SKIP"`, decertified and its grant revoked with `"REVOKE"`. A closed campaign changes no more: any later decision is refused (FAILED_PRECONDITION).',
  },
  'GET /console/api/options': {
    operationId: 'roster.console.Options',
    tag: 'Roster: Console',
    summary: 'Sign-in Options',
    description:
      'How people can sign in to the console: whether an OpenID Connect provider is set up, and the idle time.',
  },
  'POST /console/api/session': {
    operationId: 'roster.console.SignIn',
    tag: 'Roster: Console',
    summary: 'Sign In',
    description:
      'Sign in to the console with an API client ID and secret (checked as the token endpoint checks them). Answers the session and sets its HttpOnly, SameSite=Strict cookie, which the API then accepts in place of a bearer token.',
  },
  'GET /console/api/session': {
    operationId: 'roster.console.Session',
    tag: 'Roster: Console',
    summary: 'Session',
    description:
      'The signed-in person, their roles and permissions, and the CSRF token every change made with the session cookie must carry in `x-csrf-token`.',
  },
  'DELETE /console/api/session': {
    operationId: 'roster.console.SignOut',
    tag: 'Roster: Console',
    summary: 'Sign Out',
    description: 'Ends the console session (needs its `x-csrf-token`) and clears the cookie.',
  },
  'GET /console/auth/oidc/start': {
    operationId: 'roster.console.OidcStart',
    tag: 'Roster: Console',
    summary: 'OpenID Connect Start',
    description: 'Sends the browser to the OpenID Connect provider (authorization code with PKCE).',
  },
  'GET /console/auth/oidc/callback': {
    operationId: 'roster.console.OidcCallback',
    tag: 'Roster: Console',
    summary: 'OpenID Connect Callback',
    description:
      'Where the provider sends the browser back: signs in the Roster user with the email the provider vouches for, or answers a page saying why not.',
  },
  'GET /healthz': {
    operationId: 'roster.ops.Health',
    tag: 'Operations',
    summary: 'Health',
    description: 'Answers 200 while the process is up; checks nothing else.',
  },
  'GET /readyz': {
    operationId: 'roster.ops.Ready',
    tag: 'Operations',
    summary: 'Ready',
    description:
      'Answers 200 when the database answers and every migration is applied; 503 in the error format otherwise.',
  },
  'GET /metrics': {
    operationId: 'roster.ops.Metrics',
    tag: 'Operations',
    summary: 'Metrics',
    description:
      'Prometheus metrics: counts only, no IDs or names. Needs `Authorization: Bearer <ROSTER_METRICS_TOKEN>` when that is set.',
  },
};
