import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { listItems, shortState, waitForBulkAction } from './bulk-actions.js';
import type { Answer, RosterClient } from './client.js';
import { note } from './output.js';
import { chunksOf, isEmail, type PersonInput } from './people-file.js';
import { startProgress } from './progress.js';
import { resolutionOf, resolveEmails } from './resolve.js';

/** Where the people come from: a file (streamed twice: once to hash and count, once to send) or a list. */
export interface PeopleSource {
  /** Names the input in the run journal, so running the same input again can resume its run. */
  readonly sha256: string;
  readonly people: number;
  read(): AsyncIterable<PersonInput>;
}

export interface AddMembersRun {
  readonly client: RosterClient;
  readonly appId: string;
  readonly entitlementId: string;
  readonly source: PeopleSource;
  /** Names the run in the Idempotency-Keys (journal.ts): the same run always sends the same keys. */
  readonly runId: string;
  /** People per add request; at most the server's `maxAddUserIds`. */
  readonly chunkSize: number;
  readonly dryRun: boolean;
  /** A CSV file getting one row per input line. */
  readonly reportPath?: string | undefined;
  /** Progress lines and the bar are for people; tests of other output turn them off. */
  readonly showProgress: boolean;
  /** Called after each chunk's request was answered (its bulk action is then durable). */
  readonly onSent?: (chunk: number, bulkActionId: string, log: (text: string) => void) => void;
}

/** Each input line is counted once, in one of added, alreadyMembers, wouldAdd (dry run) and failed. */
export interface AddMembersSummary {
  people: number;
  added: number;
  alreadyMembers: number;
  failed: number;
  wouldAdd: number;
  bulkActionIds: string[];
  /** The failures, in input order (capped; the report has them all). */
  problems: { line: number; input: string; reason: string }[];
}

interface Entry extends PersonInput {
  userId: string;
  outcome?: string;
  reason?: string;
}

type AddResponse = Answer<'/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/add-manual-user', 'post'>;

const REPORT_COLUMNS = ['line', 'input', 'userId', 'outcome', 'reason'];
// Chunks sent ahead of the one being finished: the server works on one while the next is prepared.
const WINDOW = 2;
const MAX_PROBLEMS_SHOWN = 1000;
// Emails a resolve request while adding: small enough that the progress bar moves during resolution.
const RESOLVE_BATCH = 1000;

/**
 * Adds people to an entitlement in chunks: emails are resolved a chunk at a time, each chunk is one
 * add-manual-user request with an Idempotency-Key derived from the run and the chunk number, so
 * resuming an unfinished run resends nothing new and doubles nothing; the bulk actions are then
 * followed to the end and each input line gets the outcome the server recorded for it.
 */
export async function addMembers(run: AddMembersRun): Promise<AddMembersSummary> {
  const summary: AddMembersSummary = {
    people: run.source.people,
    added: 0,
    alreadyMembers: 0,
    failed: 0,
    wouldAdd: 0,
    bulkActionIds: [],
    problems: [],
  };
  const report = run.reportPath ? createWriteStream(run.reportPath) : undefined;
  if (report) await writeCsv(report, [REPORT_COLUMNS]);
  const progress = run.showProgress
    ? startProgress(run.dryRun ? 'checking' : 'adding', run.source.people)
    : { update: () => {}, log: note, stop: () => {} };
  // Each person is two steps of the bar: resolved (at once for a user ID), then added or refused.
  let resolved = 0;
  let finished = 0;
  const inFlight = new Map<number, number>();
  const showProgress = () => {
    let partial = 0;
    for (const done of inFlight.values()) partial += done;
    const done = finished + partial;
    progress.update(done, run.source.people === 0 ? 1 : (resolved + done) / (2 * run.source.people));
  };

  const finish = async (chunkIndex: number, entries: Entry[]) => {
    for (const entry of entries) {
      if (entry.outcome === 'ADDED') summary.added++;
      else if (entry.outcome === 'ALREADY_MEMBER') summary.alreadyMembers++;
      else if (entry.outcome === 'WOULD_ADD') summary.wouldAdd++;
      else summary.failed++;
      if (entry.outcome === 'FAILED' && summary.problems.length < MAX_PROBLEMS_SHOWN) {
        summary.problems.push({ line: entry.line, input: entry.input, reason: entry.reason ?? '' });
      }
    }
    if (report) {
      await writeCsv(
        report,
        entries.map((e) => [e.line, e.input, e.userId, e.outcome ?? 'FAILED', e.reason ?? '']),
      );
    }
    finished += entries.length;
    inFlight.delete(chunkIndex);
    showProgress();
  };

  const pending: { chunkIndex: number; done: Promise<Entry[]> }[] = [];
  try {
    let index = 0;
    for await (const chunk of chunksOf(run.source.read(), run.chunkSize)) {
      const chunkIndex = index++;
      const entries = await resolveChunk(run.client, chunk, (count) => {
        resolved += count;
        showProgress();
      });
      const accepted = [...new Set(entries.filter((e) => !e.outcome).map((e) => e.userId))];
      const answer = accepted.length > 0 ? await send(run, chunkIndex, accepted) : undefined;
      if (answer) classifyAnswer(entries, answer, run.dryRun);
      if (answer?.bulkActionId) {
        summary.bulkActionIds.push(answer.bulkActionId);
        run.onSent?.(chunkIndex, answer.bulkActionId, progress.log);
      }
      const rejected = entries.filter((e) => e.outcome === 'FAILED').length;
      inFlight.set(chunkIndex, rejected);
      showProgress();
      const done = follow(run, entries, answer?.bulkActionId, (processed, total) => {
        const pendingEntries = entries.length - rejected;
        inFlight.set(chunkIndex, rejected + Math.floor((processed / Math.max(total, 1)) * pendingEntries));
        showProgress();
      });
      // Failures surface when the chunk's turn comes; until then they must not go unobserved.
      done.catch(() => {});
      pending.push({ chunkIndex, done });
      while (pending.length > WINDOW) {
        const next = pending.shift();
        if (next) await finish(next.chunkIndex, await next.done);
      }
    }
    for (const next of pending.splice(0)) await finish(next.chunkIndex, await next.done);
  } finally {
    progress.stop();
    if (report) {
      report.end();
      await once(report, 'close');
    }
  }
  return summary;
}

/** Resolves a chunk's emails, telling `onResolved` how many more people are resolved as it goes. */
async function resolveChunk(
  client: RosterClient,
  chunk: PersonInput[],
  onResolved: (count: number) => void,
): Promise<Entry[]> {
  const emails = chunk.filter((p) => isEmail(p.input)).map((p) => p.input);
  onResolved(chunk.length - emails.length);
  let reported = 0;
  const resolved =
    emails.length > 0
      ? await resolveEmails(client, emails, {
          batch: RESOLVE_BATCH,
          onBatch: (count) => {
            onResolved(count - reported);
            reported = count;
          },
        })
      : new Map();
  // Repeated emails are resolved once; they count as resolved now.
  onResolved(emails.length - reported);
  return chunk.map((person) => {
    if (!isEmail(person.input)) return { ...person, userId: person.input };
    const found = resolutionOf(resolved, person.input);
    if ('userId' in found) return { ...person, userId: found.userId };
    return { ...person, userId: '', outcome: 'FAILED', reason: found.error };
  });
}

/** The chunk's Idempotency-Key: the same run, target and chunking give the same key. */
export function chunkKey(run: AddMembersRun, chunkIndex: number): string {
  const hash = createHash('sha256')
    .update([run.runId, run.appId, run.entitlementId, run.chunkSize, chunkIndex].join('\n'))
    .digest('base64url');
  return `roster-cli-add-${hash}`;
}

function send(run: AddMembersRun, chunkIndex: number, userIds: string[]): Promise<AddResponse> {
  const path = { app_id: run.appId, app_entitlement_id: run.entitlementId };
  return run.client.call(
    run.client.api.POST('/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/add-manual-user', {
      params: run.dryRun
        ? { path, query: { dryRun: true } }
        : { path, header: { 'Idempotency-Key': chunkKey(run, chunkIndex) } },
      body: { userIds },
    }),
  );
}

function classifyAnswer(entries: Entry[], answer: AddResponse, dryRun: boolean) {
  const already = new Set(answer.dryRun?.alreadyMembers ?? []);
  for (const entry of entries) {
    if (entry.outcome) continue;
    const refused = answer.failedUsersErrorMap[entry.userId];
    if (refused !== undefined) {
      entry.outcome = 'FAILED';
      entry.reason = refused;
    } else if (dryRun) {
      entry.outcome = already.has(entry.userId) ? 'ALREADY_MEMBER' : 'WOULD_ADD';
    }
  }
}

/** Waits for a chunk's bulk action and gives each of its entries an outcome. */
async function follow(
  run: AddMembersRun,
  entries: Entry[],
  bulkActionId: string | undefined,
  onProgress: (processed: number, total: number) => void,
): Promise<Entry[]> {
  if (!bulkActionId) return entries;
  const action = await waitForBulkAction(run.client, bulkActionId, (a) => onProgress(a.processed, a.total));
  // Every outcome is read, so each person is counted as what the server recorded for them.
  const outcomes = new Map<string, { outcome: string; error: string }>();
  for await (const item of listItems(run.client, bulkActionId)) outcomes.set(item.userId, item);
  for (const entry of entries) {
    if (entry.outcome) continue;
    const item = outcomes.get(entry.userId);
    if (item) {
      entry.outcome = item.outcome;
      if (item.error) entry.reason = item.error;
    } else {
      entry.outcome = 'FAILED';
      entry.reason = `not processed: bulk action ${bulkActionId} is ${shortState(action.state)}`;
    }
  }
  return entries;
}

async function writeCsv(stream: WriteStream, rows: (string | number)[][]): Promise<void> {
  if (!stream.write(stringify(rows))) await once(stream, 'drain');
}
