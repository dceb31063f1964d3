import { buildApp } from './app.js';
import { ConfigError, helpText, loadConfig } from './config.js';
import { createContainer } from './container.js';
import { connectDatabase, migrateToLatest } from './db/connect.js';
import { systemClock } from './lib/clock.js';
import { createLogger } from './lib/logger.js';
import { bootstrapAdminClient } from './modules/auth/bootstrap.js';

/** Start-up: config → database → container → listen + bulk-action runner; one shutdown path. */
async function main(argv: readonly string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(helpText());
    return;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`roster: ${error.message}\nRun with --help for the list of settings.\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }

  const logger = createLogger(config.logLevel);
  const database = connectDatabase({
    postgresUrl: config.databaseUrl,
    sqlitePath: `${config.dataDir}/roster.db`,
  });
  await migrateToLatest(database);
  logger.info({ database: database.dialect.name }, 'database ready');

  const container = await createContainer({ config, database, clock: systemClock, logger });
  const credentialsFile = await bootstrapAdminClient({
    db: database.db,
    dialect: database.dialect,
    clock: systemClock,
    systemLog: container.systemLog,
    publicHost: config.publicUrl.host,
    dataDir: config.dataDir,
  });
  if (credentialsFile) {
    logger.info(
      { path: credentialsFile },
      'created the bootstrap Super Admin API client; its credentials are in this file',
    );
  }

  const app = await buildApp(container, { logger });
  await app.listen({ host: config.host, port: config.port });
  container.runner.start();
  const maintenance = setInterval(() => {
    container.maintenance
      .runOnce()
      .then((report) => logger.debug(report, 'maintenance done'))
      .catch((error) => logger.warn({ err: error }, 'maintenance failed'));
  }, 5 * 60_000);
  maintenance.unref();
  container.expirySweeper.start();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    clearInterval(maintenance);
    await app.close();
    await container.runner.stop();
    await container.expirySweeper.stop();
    await database.close();
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(
    `roster: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
