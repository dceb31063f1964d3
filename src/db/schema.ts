import type { Kysely, Transaction } from 'kysely';
import type { AppUsersTables } from '../modules/app-users/app-users.table.js';
import type { AuditTables } from '../modules/audit/audit.table.js';
import type { AuthTables } from '../modules/auth/auth.table.js';
import type { BulkActionsTables } from '../modules/bulk-actions/bulk-actions.table.js';
import type { CatalogTables } from '../modules/catalog/catalog.table.js';
import type { ConsoleTables } from '../modules/console/console.table.js';
import type { GrantsTables } from '../modules/grants/grants.table.js';
import type { IamTables } from '../modules/iam/iam.table.js';
import type { IdempotencyTables } from '../modules/idempotency/idempotency.table.js';
import type { NotificationsTables } from '../modules/notifications/notifications.table.js';
import type { OwnersTables } from '../modules/owners/owners.table.js';
import type { PoliciesTables } from '../modules/policies/policies.table.js';
import type { ReviewsTables } from '../modules/reviews/reviews.table.js';
import type { ScimTables } from '../modules/scim/scim.table.js';
import type { TasksTables } from '../modules/tasks/tasks.table.js';
import type { UsersTables } from '../modules/users/users.table.js';
import type { WebhooksTables } from '../modules/webhooks/webhooks.table.js';

/**
 * The whole database: each module declares the tables it owns in its own `*.table.ts` (as Kysely's
 * example app does) and only its repositories write them; scripts/check-architecture.ts holds that.
 * Column conventions are in ./columns.ts.
 */
export interface Database
  extends UsersTables,
    CatalogTables,
    AppUsersTables,
    GrantsTables,
    BulkActionsTables,
    AuthTables,
    IdempotencyTables,
    AuditTables,
    OwnersTables,
    IamTables,
    ScimTables,
    ConsoleTables,
    WebhooksTables,
    PoliciesTables,
    TasksTables,
    ReviewsTables,
    NotificationsTables {}

export type Db = Kysely<Database>;
/** A connection or an open transaction: repositories take either. */
export type Executor = Kysely<Database> | Transaction<Database>;
