#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { registerAccessCommands } from './commands/access.js';
import { registerBulkCommands } from './commands/bulk.js';
import { registerCatalogCommands } from './commands/catalog.js';
import { registerLogCommands } from './commands/log.js';
import { registerMemberCommands } from './commands/members.js';
import { registerPolicyCommands } from './commands/policies.js';
import { registerReviewCommands } from './commands/reviews.js';
import { registerSessionCommands } from './commands/session.js';
import { registerTaskCommands } from './commands/tasks.js';
import { CliError, EXIT, EXIT_CODES_HELP } from './exit-codes.js';
import { OUTPUT_FORMATS } from './output.js';

/** `roster`: everyday access work from a terminal, as a client of Roster's HTTP API. */
function buildProgram(): Command {
  const program = new Command('roster')
    .description("Roster's command line: a client of a Roster server's HTTP API")
    .addOption(new Option('--profile <name>', 'saved profile to use (env ROSTER_PROFILE)'))
    .addOption(new Option('--server <url>', "Roster's URL, overriding the profile (env ROSTER_SERVER)"))
    .addOption(new Option('-o, --output <format>', 'table, json or csv').choices(OUTPUT_FORMATS))
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) })
    .addHelpText(
      'after',
      `
Sign in once with \`roster login\`; profiles live in $XDG_CONFIG_HOME/roster (~/.config/roster), mode 0600.
ROSTER_SERVER, ROSTER_CLIENT_ID and ROSTER_CLIENT_SECRET override the profile.

Examples:
  roster login --server http://127.0.0.1:8080 --credentials data/admin-credentials.json
  roster members add APP ENT --file people.csv --dry-run
  roster members add APP ENT --file people.csv --yes --report result.csv
  roster members ls Payroll payroll-admin      (an app's name; an entitlement's alias, slug or name)
  roster request Payroll payroll-admin --reason "Quarter-end close" --duration 8h
  roster tasks ls --assigned
  roster reviews decide ID --file decisions.csv --report result.csv

${EXIT_CODES_HELP}`,
    );
  registerSessionCommands(program);
  registerCatalogCommands(program);
  registerMemberCommands(program);
  registerBulkCommands(program);
  registerAccessCommands(program);
  registerLogCommands(program);
  registerPolicyCommands(program);
  registerTaskCommands(program);
  registerReviewCommands(program);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

// A reader that stops early (`roster members export … | head`) closes the pipe: what it read is
// all that was wanted, so the command ends there, quietly and successfully.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(EXIT.OK);
  });
}

process.once('SIGINT', () => {
  process.stderr.write('\nInterrupted. Run the same command again to resume: nothing is sent twice.\n');
  process.exit(EXIT.INTERRUPTED);
});

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version are not failures; every other parse error is a usage error.
    process.exitCode = error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
  } else if (error instanceof CliError) {
    process.stderr.write(`roster: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(
      `roster: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = EXIT.ERROR;
  }
}
