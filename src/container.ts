import type { FastifyBaseLogger } from 'fastify';
import { type Config, type PublicUrl, publicUrlListeningOn } from './config.js';
import type { DatabaseHandle } from './db/connect.js';
import { intervalLoop, ownLoops, wakeableLoop } from './lib/background.js';
import type { Clock } from './lib/clock.js';
import { createSmtpMailer } from './lib/mailer.js';
import { createAppUsersService } from './modules/app-users/app-users.service.js';
import { createSystemLog } from './modules/audit/system-log.service.js';
import { createSystemLogEventsService } from './modules/audit/system-log-events.service.js';
import { createPersonalClientsService } from './modules/auth/personal-clients.service.js';
import { createTokenService } from './modules/auth/tokens.service.js';
import { createBulkActionRunner } from './modules/bulk-actions/bulk-action.runner.js';
import { createBulkActionsService } from './modules/bulk-actions/bulk-actions.service.js';
import { findPendingAdd } from './modules/bulk-actions/index.js';
import { createSetMembersService } from './modules/bulk-actions/set-members.service.js';
import { createAppsService } from './modules/catalog/apps.service.js';
import { createCatalogService } from './modules/catalog/catalog.service.js';
import { policyCatalogPorts, type RevokeGrantsOfEntitlements } from './modules/catalog/index.js';
import { currentChangeCursor, readChanges } from './modules/changes/index.js';
import { createConsoleModule } from './modules/console/index.js';
import { createExpansionService } from './modules/expansion/expansion.service.js';
import { createExpirySweeper } from './modules/grants/expiry-sweeper.js';
import { createGrantDurationsService } from './modules/grants/grant-durations.service.js';
import { createGrantRecordService } from './modules/grants/grant-record.service.js';
import { createGrantsService } from './modules/grants/grants.service.js';
import { revokeGrantsOfEntitlements, revokeGrantsOfUser } from './modules/grants/index.js';
import { createRolesService } from './modules/iam/roles.service.js';
import { createIdempotency } from './modules/idempotency/idempotency.service.js';
import { createMaintenance } from './modules/maintenance/maintenance.service.js';
import { createNotifications } from './modules/notifications/index.js';
import { createOpsService } from './modules/ops/ops.service.js';
import { createOwnersService } from './modules/owners/owners.service.js';
import { createPoliciesService } from './modules/policies/policies.service.js';
import { createReviewRunsService, createReviewsService } from './modules/reviews/index.js';
import {
  createScimConnectionsService,
  createScimGroupsService,
  createScimUsersService,
} from './modules/scim/index.js';
import { createCatalogSearchService } from './modules/search/catalog-search.service.js';
import { createRequestableEntitlementsService, createTasksService } from './modules/tasks/index.js';
import { createUsersService } from './modules/users/users.service.js';
import { createWebhookWorker } from './modules/webhooks/webhook-delivery.worker.js';
import { createWebhookDispatcher } from './modules/webhooks/webhook-dispatcher.js';
import { createWebhooksService } from './modules/webhooks/webhooks.service.js';

export interface ContainerOptions {
  readonly config: Config;
  readonly database: DatabaseHandle;
  readonly clock: Clock;
  readonly logger: FastifyBaseLogger;
  /**
   * Where bulk actions are applied in the background: the server passes its runner thread
   * (src/bulk-runner/thread.ts); without one, the in-process runner does it (tests drive it).
   */
  readonly backgroundRunner?: BackgroundRunner;
}

/** What the server needs of whatever applies bulk actions in the background. */
export interface BackgroundRunner {
  start(): void;
  wake(): void;
  stop(): Promise<void>;
  /**
   * Calls `listener` after each committed batch, where batches are applied out of this thread, with
   * how long the batch's transaction took.
   */
  onBatch?(listener: (batch: { transactionMs: number }) => void): void;
}

export type Container = Awaited<ReturnType<typeof createContainer>>;

/** How often the server forgets what it keeps only for a while (src/modules/maintenance). */
const MAINTENANCE_INTERVAL_MS = 5 * 60_000;

/** The composition root: every module built from its explicit dependencies, nothing else. */
export async function createContainer({
  config,
  database,
  clock,
  logger,
  backgroundRunner,
}: ContainerOptions) {
  const { db, dialect } = database;
  const systemLog = createSystemLog({ dialect });
  const base = { db, dialect, clock, systemLog };
  // The public URL as configured; one derived from ROSTER_PORT=0 gets its port at `listeningOn`.
  let listeningUrl = config.publicUrl;
  const publicUrl: PublicUrl = () => listeningUrl;

  const tokens = await createTokenService({
    db,
    clock,
    systemLog,
    publicUrl,
    tokenTtlSeconds: config.tokenTtlSeconds,
  });
  const users = createUsersService({
    ...base,
    onRolesChanged: (userId) => tokens.forgetUser(userId),
    revokeGrantsOfUser: (trx, userId, actor, now) => revokeGrantsOfUser(trx, base, userId, actor, now),
  });
  const owners = createOwnersService(base);
  // Policies sit below the catalog; the catalog answers what they ask of it (issue 19).
  const policies = createPoliciesService({ ...base, catalog: policyCatalogPorts });
  const tasks = createTasksService(base);
  const requestableEntitlements = createRequestableEntitlementsService(base);
  const reviews = createReviewsService(base);
  const reviewRunsLogger = logger.child({ component: 'access-reviews' });
  const reviewRuns = createReviewRunsService({
    ...base,
    tasks,
    onBatch: (report) => reviewRunsLogger.info(report, 'access review start batch committed'),
  });
  // Deletes in the catalog cascade to grants, which sit above it (CONTRACT.md §7.12).
  const revokeGrantsOfEntitlementsIn: RevokeGrantsOfEntitlements = (trx, ids, actor, now) =>
    revokeGrantsOfEntitlements(trx, base, ids, actor, now);
  const apps = createAppsService({
    ...base,
    owners,
    revokeGrantsOfEntitlements: revokeGrantsOfEntitlementsIn,
  });
  const personalClients = createPersonalClientsService({
    ...base,
    tokens,
    publicUrl,
  });
  const roles = createRolesService(base);
  const catalog = createCatalogService({
    ...base,
    owners,
    revokeGrantsOfEntitlements: revokeGrantsOfEntitlementsIn,
  });
  const idempotency = createIdempotency(base);
  const bulkActions = createBulkActionsService({
    ...base,
    idempotency,
    limits: { maxUserIds: config.maxAddUserIds },
    chunkSize: config.bulkChunkSize,
  });
  const grants = createGrantsService({ ...base, idempotency, findPendingAdd });
  // Webhooks (issue 12): the dispatcher turns the change stream into deliveries, the worker sends
  // them; both also poll, for work committed by other processes.
  const webhookPolicy = { allowPrivate: config.webhookAllowPrivate, allowHttp: config.webhookAllowHttp };
  const webhookWorker = createWebhookWorker({
    ...base,
    policy: webhookPolicy,
    logger: logger.child({ component: 'webhooks' }),
  });
  const webhookDispatcher = createWebhookDispatcher({
    ...base,
    changes: { read: readChanges, current: currentChangeCursor },
    logger: logger.child({ component: 'webhook-dispatch' }),
    onQueued: () => webhookWorker.wake(),
  });
  // Every committed batch, in this thread's runner or the runner thread: webhooks read the change
  // stream then, and /metrics times the batch's transaction (on SQLite, its hold of the write lock).
  const batchListeners: Array<(batch: { transactionMs: number }) => void> = [];
  const batchCommitted = (batch: { transactionMs: number }) => {
    webhookDispatcher.wake();
    for (const listener of batchListeners) listener(batch);
  };
  const runner = createBulkActionRunner({
    ...base,
    afterBatch: batchCommitted,
    batchSize: config.bulkBatchSize,
    logger: logger.child({ component: 'bulk-actions' }),
  });
  // The in-process runner serves applyNow (SCIM answers with the result) and tests.
  const bulkRunner: BackgroundRunner = backgroundRunner ?? runner;
  bulkRunner.onBatch?.(batchCommitted);
  bulkActions.onCreated(() => bulkRunner.wake());
  const maintenance = createMaintenance({
    db,
    clock,
    bulkActionRetentionDays: config.bulkActionRetentionDays,
  });
  const systemLogEvents = createSystemLogEventsService({ db, dialect });
  const ops = createOpsService({ database });
  // The record (issue 5): searches, history and expansion.
  const expansion = createExpansionService(base);
  const appUsers = createAppUsersService(base);
  const catalogSearch = createCatalogSearchService(base);
  const grantRecord = createGrantRecordService(base);
  const setMembers = createSetMembersService({
    ...base,
    limits: { maxUserIds: config.maxAddUserIds },
    chunkSize: config.bulkChunkSize,
    onCreated: () => bulkRunner.wake(),
  });
  const grantDurations = createGrantDurationsService(base);
  const expirySweeper = createExpirySweeper({
    ...base,
    logger: logger.child({ component: 'expiry-sweeper' }),
  });

  // Task timers (CONTRACT.md §7.26): waits that ended and escalations that are due, run as the system.
  const taskTimersLogger = logger.child({ component: 'task-timers' });
  const taskTimers = intervalLoop(
    () =>
      tasks
        .runDueTimers()
        .then((moved) => {
          if (moved > 0) taskTimersLogger.info({ moved }, 'task timers run');
        })
        .catch((error) => taskTimersLogger.warn({ err: error }, 'task timers failed; retrying')),
    config.taskTimerSeconds * 1000,
  );

  // Access reviews (CONTRACT.md §7.28): start jobs that create certify tasks, and auto-close.
  const reviewJobs = wakeableLoop(
    () =>
      reviewRuns
        .runPending()
        .then((report) => {
          if (report.batches > 0 || report.closed > 0)
            reviewRunsLogger.info(report, 'access review jobs run');
        })
        .catch((error) => reviewRunsLogger.warn({ err: error }, 'access review jobs failed; retrying')),
    config.taskTimerSeconds * 1000,
  );
  reviewRuns.onStarted(() => reviewJobs.wake());

  const scimConnections = createScimConnectionsService({ ...base, apps, publicUrl });
  const scimUsers = createScimUsersService({ ...base, users });
  const scimGroups = createScimGroupsService({ ...base, catalog, setMembers, runner });
  const consoleModule = createConsoleModule({ config, publicUrl, db, clock, systemLog, tokens });

  const webhooks = createWebhooksService({
    ...base,
    policy: webhookPolicy,
    ownsApp: (userId, appId) => owners.owns(userId, appId, [{ type: 'app', id: appId }]),
    onQueued: () => webhookWorker.wake(),
  });

  // Mail (CONTRACT.md §7.27): only when an SMTP server is configured; otherwise nothing is read,
  // written or sent.
  const notifications = config.mail
    ? await createNotifications({
        ...base,
        publicUrl,
        mailer: createSmtpMailer({ url: config.mail.smtpUrl, from: config.mail.from }),
        changes: { read: readChanges, current: currentChangeCursor },
        logger: logger.child({ component: 'notifications' }),
        pollMs: config.mailPollMs,
      })
    : undefined;

  // Every background loop of the server, started together once it is up and stopped in reverse.
  const background = ownLoops([
    // The in-process runner only serves applyNow when a thread applies bulk actions; stopping it
    // still ends an applyNow in progress.
    ...(bulkRunner === runner ? [] : [{ start: () => {}, stop: () => runner.stop() }]),
    bulkRunner,
    webhookDispatcher,
    webhookWorker,
    intervalLoop(
      () =>
        maintenance
          .runOnce()
          .then((report) => logger.debug(report, 'maintenance done'))
          .catch((error) => logger.warn({ err: error }, 'maintenance failed')),
      MAINTENANCE_INTERVAL_MS,
    ),
    expirySweeper,
    taskTimers,
    reviewJobs,
    ...(notifications ? [notifications] : []),
  ]);

  return {
    config,
    /** Where clients reach Roster now: the configured public URL, with the bound port once listening. */
    publicUrl,
    /**
     * Tells the container the port the server listens on, before it serves a request or writes a
     * credential: a public URL derived from ROSTER_PORT=0 takes it (config.ts publicUrlListeningOn).
     */
    listeningOn(port: number): void {
      listeningUrl = publicUrlListeningOn(config.publicUrl, port);
    },
    /** Calls `listener` after each bulk-action batch commits, wherever it ran. */
    onBulkBatch(listener: (batch: { transactionMs: number }) => void): void {
      batchListeners.push(listener);
    },
    database,
    db,
    dialect,
    clock,
    systemLog,
    tokens,
    users,
    apps,
    catalog,
    bulkActions,
    grants,
    runner,
    background,
    maintenance,
    systemLogEvents,
    ops,
    expansion,
    appUsers,
    catalogSearch,
    grantRecord,
    owners,
    personalClients,
    roles,
    grantDurations,
    expirySweeper,
    setMembers,
    scimConnections,
    scimUsers,
    scimGroups,
    console: consoleModule,
    webhooks,
    policies,
    tasks,
    requestableEntitlements,
    reviews,
    reviewRuns,
    webhookWorker,
    webhookDispatcher,
    /** Undefined while ROSTER_SMTP_URL is unset. */
    notifications,
  };
}
