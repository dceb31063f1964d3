import type { Command } from 'commander';
import { type BulkAction, getBulkAction, listItems, shortState, waitForBulkAction } from '../bulk-actions.js';
import { contextOf } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { printObject, printRows, type Row } from '../output.js';
import { startProgress } from '../progress.js';
import { appIdOf, entitlementIdOf } from '../targets.js';

const actionRow = (a: BulkAction): Row => ({
  id: a.id,
  kind: a.kind,
  state: shortState(a.state),
  total: a.total,
  processed: a.processed,
  succeeded: a.succeeded,
  failed: a.failed,
  appId: a.appId,
  entitlementId: a.appEntitlementId,
  createdAt: a.createdAt,
});
const ACTION_COLUMNS = ['id', 'kind', 'state', 'total', 'processed', 'succeeded', 'failed', 'createdAt'];

/** A finished action with failures makes the command exit non-zero. */
const exitFor = (a: BulkAction) => {
  if (a.failed > 0 || a.state !== 'BULK_ACTION_STATE_SUCCEEDED') process.exitCode = EXIT.PARTIAL;
};

export function registerBulkCommands(program: Command): void {
  const bulk = program.command('bulk').description('bulk actions (the jobs applying membership changes)');
  bulk
    .command('ls')
    .description('list bulk actions, newest first')
    .option('--state <state>', 'PENDING, RUNNING, SUCCEEDED, PARTIALLY_FAILED, FAILED or CANCELLED')
    .option('--app <app>', 'only this app (ID or display name)')
    .option(
      '--entitlement <entitlement>',
      'only this entitlement (ID; with --app, also its alias, slug or name)',
    )
    .addHelpText('after', '\nExample:\n  roster bulk ls --state RUNNING')
    .action(async (options: { state?: string; app?: string; entitlement?: string }, command: Command) => {
      const { client, format } = await contextOf(command);
      const appId = options.app ? await appIdOf(client, options.app) : undefined;
      const entId =
        appId && options.entitlement
          ? await entitlementIdOf(client, appId, options.entitlement)
          : options.entitlement;
      const query = {
        // The user's word, passed on as it is: the API refuses a state it does not know (exit 3).
        state: options.state
          ? (`BULK_ACTION_STATE_${options.state.toUpperCase().replace(/^BULK_ACTION_STATE_/, '')}` as BulkAction['state'])
          : undefined,
        app_id: appId,
        app_entitlement_id: entId,
      };
      async function* rows() {
        for await (const a of client.list('/roster/v1/bulk_actions', { query })) yield actionRow(a);
      }
      await printRows(rows(), ACTION_COLUMNS, format);
    });
  bulk
    .command('show <id>')
    .description('show a bulk action and its progress')
    .addHelpText('after', '\nExample:\n  roster bulk show 2K1...')
    .action(async (id: string, _o: unknown, command: Command) => {
      const { client, format } = await contextOf(command);
      const action = await getBulkAction(client, id);
      await printObject(action, actionRow(action), format);
    });
  bulk
    .command('items <id>')
    .description("list a bulk action's users and their outcome (ADDED, ALREADY_MEMBER, FAILED)")
    .option('--outcome <outcome>', 'only this outcome')
    .addHelpText('after', '\nExample:\n  roster bulk items 2K1... --outcome FAILED --output csv')
    .action(async (id: string, options: { outcome?: string }, command: Command) => {
      const { client, format } = await contextOf(command);
      async function* rows() {
        for await (const i of listItems(client, id, options.outcome?.toUpperCase())) {
          yield { userId: i.userId, outcome: i.outcome, appUserId: i.appUserId, error: i.error };
        }
      }
      await printRows(rows(), ['userId', 'outcome', 'appUserId', 'error'], format);
    });
  bulk
    .command('watch <id>')
    .description('follow a bulk action to its end with a progress bar; exits 5 if any user failed')
    .addHelpText('after', '\nExample:\n  roster bulk watch 2K1...')
    .action(async (id: string, _o: unknown, command: Command) => {
      const { client, format } = await contextOf(command);
      const first = await getBulkAction(client, id);
      const progress = startProgress(`bulk action ${id}`, first.total);
      const action = await waitForBulkAction(client, id, (a) => progress.update(a.processed));
      progress.stop();
      await printObject(action, actionRow(action), format);
      exitFor(action);
    });
  bulk
    .command('cancel <id>')
    .description('cancel a pending or running bulk action (what it already did stays)')
    .addHelpText('after', '\nExample:\n  roster bulk cancel 2K1...')
    .action(async (id: string, _o: unknown, command: Command) => {
      const { client, format } = await contextOf(command);
      const { bulkAction } = await client.call(
        client.api.POST('/roster/v1/bulk_actions/{id}/cancel', { params: { path: { id } } }),
      );
      await printObject(bulkAction, actionRow(bulkAction), format);
    });
}
