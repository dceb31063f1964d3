import { describe, expect, it } from 'vitest';
import { draftsOf, outcomeWord, type TaskFacts, type TaskLogEntry } from './task-mails.js';

const names: Record<string, string> = { ada: 'Ada', bob: 'Bob', cy: 'Cy', dee: 'Dee' };
const ctx = {
  nameOf: (id: string) => names[id] ?? '',
  appName: () => 'GitHub',
  entitlementName: () => 'Admin',
  linkTo: (id: string) => `https://roster.example/console/requests/${id}`,
};
const task = (over: Partial<TaskFacts> = {}): TaskFacts => ({
  id: 't1',
  numericId: 7,
  taskType: 'grant',
  appId: 'a',
  appEntitlementId: 'e',
  subjectUserId: 'ada',
  openerUserId: 'ada',
  description: '',
  deciderUserId: undefined,
  closingComment: undefined,
  ...over,
});
const entry = (
  operation: string,
  details: Record<string, unknown>,
  actorUserId: string | null = 'ada',
): TaskLogEntry => ({
  id: 'ev1',
  operation,
  taskId: 't1',
  actorUserId,
  details,
});

/** The wording of task mail (CONTRACT.md §7.27) in the cases the HTTP suite does not reach. */
describe('task mail drafts', () => {
  it('names the subject of a request made for someone else, and asks provisioners to confirm', () => {
    const [draft] = draftsOf(
      entry('task.assigned', { approverIds: ['cy'], stepKind: 'provision' }, 'bob'),
      task({ openerUserId: 'bob' }),
      ctx,
    );
    expect(draft?.subject).toBe('To provision: Bob asks for Admin in GitHub for Ada (request 7)');
    expect(draft?.text).toContain('confirm that the account exists');
  });

  it('words a revoke request, and leaves out the approver who caused the step', () => {
    const drafts = draftsOf(
      entry('task.assigned', { approverIds: ['cy', 'dee', 'cy'] }, 'dee'),
      task({ taskType: 'revoke', openerUserId: 'bob' }),
      ctx,
    );
    expect(drafts.map((d) => [d.recipientUserId, d.subject])).toEqual([
      ['cy', 'To approve: Bob asks to revoke Admin in GitHub from Ada (request 7)'],
    ]);
  });

  it('tells the opener and the subject of a closed request, each in their words', () => {
    const drafts = draftsOf(
      entry('task.closed', { outcome: 'GRANT_OUTCOME_DENIED' }, 'cy'),
      task({ openerUserId: 'bob', deciderUserId: 'cy', closingComment: ' Not now ' }),
      ctx,
    );
    expect(drafts.map((d) => [d.recipientUserId, d.text.split('\n')[0]])).toEqual([
      ['bob', 'Your request for Admin in GitHub for Ada was denied by Cy.'],
      ['ada', "Bob's request for Admin in GitHub for you was denied by Cy."],
    ]);
    expect(drafts[0]?.text).toContain('Reason: Not now\n');
  });

  it('tells nobody of an offboarding, and the requester nothing of a request they cancelled', () => {
    expect(draftsOf(entry('task.closed', {}), task({ taskType: 'offboarding' }), ctx)).toEqual([]);
    expect(
      draftsOf(entry('task.closed', { outcome: 'GRANT_OUTCOME_CANCELLED' }, 'ada'), task(), ctx),
    ).toEqual([]);
  });

  it('says outcomes in a word', () => {
    expect(
      [
        'GRANT_OUTCOME_GRANTED',
        'REVOKE_OUTCOME_REVOKED',
        'GRANT_OUTCOME_ERROR',
        'REVOKE_OUTCOME_CANCELLED',
      ].map(outcomeWord),
    ).toEqual(['granted', 'revoked', 'failed', 'cancelled']);
  });
});
