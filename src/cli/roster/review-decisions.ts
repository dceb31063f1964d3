import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import type { RosterClient } from './client.js';
import { CliError, EXIT } from './exit-codes.js';
import { resolutionOf, resolveEmails } from './resolve.js';

/** Decisions one request carries: the decisions route's limit (CONTRACT.md §7.28). */
export const MAX_DECISIONS_PER_REQUEST = 1_000;

type Decision = 'CERTIFY' | 'DECERTIFY';

/** One line of a decisions file, as read. */
interface DecisionLine {
  readonly line: number;
  /** The task ID or the reviewed person's email, as written. */
  readonly input: string;
  readonly taskId: string;
  readonly email: string;
  readonly decision: string;
  readonly comment: string;
}

/** What became of one line: the tasks it named and how each decision was answered. */
export interface LineOutcome {
  readonly line: number;
  readonly input: string;
  readonly taskId: string;
  readonly outcome: 'APPLIED' | 'FAILED';
  readonly reason: string;
}

export interface DecideSummary {
  /** Lines read (the header excluded). */
  lines: number;
  /** Decisions sent: a line naming a person with two open tasks sends two. */
  sent: number;
  applied: number;
  failed: number;
  /** Every failure, in line order. */
  failures: LineOutcome[];
}

const COLUMN_NAMES: Record<string, keyof Omit<DecisionLine, 'line' | 'input'>> = {
  taskid: 'taskId',
  task_id: 'taskId',
  'task id': 'taskId',
  task: 'taskId',
  email: 'email',
  'e-mail': 'email',
  decision: 'decision',
  comment: 'comment',
  reason: 'comment',
};

/** Reads a decisions CSV: a header naming `taskId` or `email`, `decision` and optionally `comment`. */
export async function readDecisionLines(file: string): Promise<DecisionLine[]> {
  const stream = createReadStream(file);
  const parser = stream.pipe(
    parse({ info: true, skip_empty_lines: true, relax_column_count: true, trim: true, bom: true }),
  );
  stream.on('error', (error) => parser.destroy(error));
  const lines: DecisionLine[] = [];
  let columns: Array<keyof Omit<DecisionLine, 'line' | 'input'> | undefined> | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (!columns) {
        columns = record.map((cell) => COLUMN_NAMES[cell.trim().toLowerCase()]);
        if (!columns.includes('decision') || !(columns.includes('taskId') || columns.includes('email'))) {
          throw new CliError(
            `${file}: the first line must name the columns: taskId or email, decision, comment`,
            EXIT.USAGE,
          );
        }
        continue;
      }
      const cells = { taskId: '', email: '', decision: '', comment: '' };
      record.forEach((cell, i) => {
        const name = columns?.[i];
        if (name) cells[name] = cell;
      });
      lines.push({ line: info.lines, input: cells.taskId || cells.email, ...cells });
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(
      `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
      EXIT.USAGE,
    );
  }
  if (lines.length === 0) throw new CliError(`${file} holds no decision; nothing was sent`, EXIT.USAGE);
  return lines;
}

const decisionOf = (value: string): Decision | undefined => {
  const word = value.trim().toUpperCase();
  return word === 'CERTIFY' || word === 'DECERTIFY' ? word : undefined;
};

/** A certify task's `type.certify`, which the OpenAPI leaves open (a oneof of TaskType). */
interface CertifyFields {
  accessReviewId: string;
  identityUserId: string;
}

/**
 * The caller's open certify tasks of one campaign, by the reviewed person's user ID: one pass over
 * the caller's queue (task search by assignee), kept to the campaign.
 */
async function myOpenTasksBySubject(
  client: RosterClient,
  accessReviewId: string,
): Promise<Map<string, string[]>> {
  const me = await client.call(client.api.GET('/api/v1/auth/introspect'));
  if (!me.userId) throw new CliError('this API client belongs to no user, so it reviews nothing', EXIT.USAGE);
  const bySubject = new Map<string, string[]>();
  const views = client.search('/api/v1/search/tasks', {
    taskTypes: [{ certify: {} }],
    taskStates: ['TASK_STATE_OPEN'],
    assigneesInIds: [me.userId],
  });
  for await (const view of views) {
    const certify = (view.task?.type as { certify?: CertifyFields } | undefined)?.certify;
    if (!view.task || certify?.accessReviewId !== accessReviewId) continue;
    bySubject.set(certify.identityUserId, [...(bySubject.get(certify.identityUserId) ?? []), view.task.id]);
  }
  return bySubject;
}

interface Pending {
  readonly line: DecisionLine;
  readonly taskId: string;
  readonly decision: Decision;
}

/**
 * Decides a campaign's tasks from the lines of a file: each line names a task, or a person whose open
 * tasks in the campaign wait for the caller (each of them gets the line's decision). Lines that name
 * nothing decidable fail here, without a request; the rest go to the decisions route in chunks, and
 * each is reported as the server answered it.
 */
export async function decideFromLines(
  client: RosterClient,
  accessReviewId: string,
  lines: readonly DecisionLine[],
  options: { chunkSize: number; reportPath?: string | undefined },
): Promise<DecideSummary> {
  const outcomes: LineOutcome[] = [];
  const fail = (line: DecisionLine, reason: string, taskId = '') =>
    outcomes.push({ line: line.line, input: line.input, taskId, outcome: 'FAILED', reason });

  const emails = lines.filter((l) => !l.taskId && l.email).map((l) => l.email);
  const resolved = emails.length > 0 ? await resolveEmails(client, emails) : new Map();
  const tasksOf = emails.length > 0 ? await myOpenTasksBySubject(client, accessReviewId) : new Map();

  const pending: Pending[] = [];
  for (const line of lines) {
    const decision = decisionOf(line.decision);
    if (!decision) {
      fail(line, `decision must be certify or decertify, not "${line.decision}"`);
      continue;
    }
    if (line.taskId) {
      pending.push({ line, taskId: line.taskId, decision });
      continue;
    }
    if (!line.email) {
      fail(line, 'the line names neither a task ID nor an email');
      continue;
    }
    const person = resolutionOf(resolved, line.email);
    if ('error' in person) {
      fail(line, person.error);
      continue;
    }
    const taskIds: string[] = tasksOf.get(person.userId) ?? [];
    if (taskIds.length === 0) {
      fail(line, 'no open certify task about this person in the campaign waits for you');
      continue;
    }
    for (const taskId of taskIds) pending.push({ line, taskId, decision });
  }

  for (let i = 0; i < pending.length; i += options.chunkSize) {
    const chunk = pending.slice(i, i + options.chunkSize);
    const answer = await client.call(
      client.api.POST('/roster/v1/access_reviews/{id}/decisions', {
        params: { path: { id: accessReviewId } },
        body: {
          decisions: chunk.map((p) => ({
            taskId: p.taskId,
            decision: p.decision,
            ...(p.line.comment ? { comment: p.line.comment } : {}),
          })),
        },
      }),
    );
    // The route answers every decision, in the order sent.
    chunk.forEach((p, j) => {
      const result = answer.results[j];
      if (result?.ok) {
        outcomes.push({
          line: p.line.line,
          input: p.line.input,
          taskId: p.taskId,
          outcome: 'APPLIED',
          reason: '',
        });
      } else {
        const reason = (result?.error?.details?.[0] as { reason?: string } | undefined)?.reason;
        fail(
          p.line,
          result?.error
            ? `${result.error.message}${reason ? ` (${reason})` : ''}`
            : 'the server did not answer it',
          p.taskId,
        );
      }
    });
  }

  outcomes.sort((a, b) => a.line - b.line);
  if (options.reportPath) {
    const report = createWriteStream(options.reportPath);
    report.write(stringify([['line', 'input', 'taskId', 'outcome', 'reason']]));
    for (const o of outcomes) report.write(stringify([[o.line, o.input, o.taskId, o.outcome, o.reason]]));
    report.end();
    await once(report, 'close');
  }
  const failures = outcomes.filter((o) => o.outcome === 'FAILED');
  return {
    lines: lines.length,
    sent: pending.length,
    applied: outcomes.length - failures.length,
    failed: failures.length,
    failures,
  };
}
