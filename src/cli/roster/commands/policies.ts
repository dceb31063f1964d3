import type { Command } from 'commander';
import type { Answer } from '../client.js';
import { contextOf } from '../context.js';
import { printObject, printRows, type Row } from '../output.js';

type Policy = Answer<'/api/v1/policies/{id}', 'get'>['policy'];
type Step = NonNullable<NonNullable<Policy['policySteps'][string]>['steps']>[number];

/** The steps of a policy, in the order they run (kept under the lowercased type: `grant`, …). */
const stepsOf = (p: Policy): Step[] =>
  p.policySteps[p.policyType.replace(/^POLICY_TYPE_/, '').toLowerCase()]?.steps ?? [];

const APPROVERS = ['users', 'appOwners', 'entitlementOwners', 'manager', 'self', 'group'] as const;

/** One step as a word and its detail: `approval (appOwners)`, `wait (3600s)`, `provision`. */
function stepWord(step: Step): string {
  if (step.approval) {
    const approval = step.approval;
    return `approval (${APPROVERS.find((k) => approval[k] !== undefined && approval[k] !== null) ?? '?'})`;
  }
  if (step.wait) return `wait (${step.wait.timeoutDuration ?? ''})`;
  if (step.provision) return 'provision';
  return step.accept ? 'accept' : step.reject ? 'reject' : '?';
}

const policyRow = (p: Policy): Row => ({
  id: p.id,
  displayName: p.displayName,
  type: p.policyType.replace(/^POLICY_TYPE_/, ''),
  builtin: p.systemBuiltin,
  steps: stepsOf(p).length,
});
const POLICY_COLUMNS = ['id', 'displayName', 'type', 'builtin', 'steps'];

export function registerPolicyCommands(program: Command): void {
  const policies = program
    .command('policies')
    .description('policies: how requests, revocations and reviews are decided');
  policies
    .command('ls')
    .description('list the policies (all pages)')
    .addHelpText(
      'after',
      '\nExamples:\n  roster policies ls\n  roster policies ls --output csv > policies.csv',
    )
    .action(async (_o: unknown, command: Command) => {
      const { client, format } = await contextOf(command);
      async function* rows() {
        for await (const p of client.list('/api/v1/policies')) yield policyRow(p);
      }
      await printRows(rows(), POLICY_COLUMNS, format);
    });
  policies
    .command('show <policy>')
    .description('show one policy and its steps in the order they run')
    .addHelpText('after', '\nExample:\n  roster policies show 3N7cZNK67ihO9Ke78tI6Kxbqi93')
    .action(async (id: string, _o: unknown, command: Command) => {
      const { client, format } = await contextOf(command);
      const { policy } = await client.call(
        client.api.GET('/api/v1/policies/{id}', { params: { path: { id } } }),
      );
      await printObject(
        policy,
        {
          ...policyRow(policy),
          description: policy.description,
          order: stepsOf(policy).map(stepWord).join(' → '),
        },
        format,
      );
    });
}
