import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import type { Answer, RosterClient } from '../client.js';
import { contextOf, positiveInt } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { note, printObject, printRows, type Row } from '../output.js';
import { decideFromLines, MAX_DECISIONS_PER_REQUEST, readDecisionLines } from '../review-decisions.js';

type Campaign = Answer<'/api/v1/access_reviews', 'get'>['list'][number]['accessReview'];
type Progress = Answer<'/roster/v1/access_reviews/{id}/progress', 'get'>['progress'];

const stateWord = (state: string | undefined) => (state ?? '').replace('ACCESS_REVIEW_STATE_', '');

/** "decided/total": how far the reviewers are; "" for a draft, which has no population yet. */
const progressText = (progress: Progress | undefined) =>
  progress && stateWord(progress.state) !== 'DRAFT' ? `${progress.decided}/${progress.populationSize}` : '';

async function progressOf(client: RosterClient, id: string): Promise<Progress> {
  return (
    await client.call(client.api.GET('/roster/v1/access_reviews/{id}/progress', { params: { path: { id } } }))
  ).progress;
}

function campaignRow(campaign: Campaign, progress: Progress | undefined): Row {
  return {
    id: campaign?.id,
    name: campaign?.displayName,
    state: stateWord(campaign?.state),
    due: campaign?.completionDate ?? '',
    progress: progressText(progress),
  };
}
const CAMPAIGN_COLUMNS = ['id', 'name', 'state', 'due', 'progress'];

async function getCampaign(client: RosterClient, id: string): Promise<Campaign> {
  return (await client.call(client.api.GET('/api/v1/access_review/{id}', { params: { path: { id } } })))
    .accessReview?.accessReview;
}

/** A campaign and its progress as one object (JSON) or one row of fields. */
async function printCampaign(
  client: RosterClient,
  campaign: Campaign,
  format: Parameters<typeof printObject>[2],
) {
  const progress = await progressOf(client, campaign?.id ?? '');
  await printObject(
    { accessReview: campaign, progress },
    {
      ...campaignRow(campaign, progress),
      description: campaign?.description ?? '',
      owners: (campaign as { ownerIds?: string[] }).ownerIds?.join(' ') ?? '',
      policyId: campaign?.policyId ?? '',
      startedAt: campaign?.startedAt ?? '',
      closedAt: campaign?.closedAt ?? '',
      populationSize: progress.populationSize,
      populationPosition: progress.populationPosition,
      populated: progress.populated,
      open: progress.open,
      certified: progress.certified,
      decertified: progress.decertified,
      cancelled: progress.cancelled,
    },
    format,
  );
}

/** The SHA-256 an RFC 9530 `Repr-Digest` header states (`sha-256=:<base64>:`), if it states one. */
export function sha256Of(reprDigest: string | null): string | undefined {
  return reprDigest ? /(?:^|,)\s*sha-256=:([A-Za-z0-9+/=]+):/.exec(reprDigest)?.[1] : undefined;
}

/**
 * Streams the evidence pack to `out` (a file, written beside it and renamed once whole and
 * verified, or stdout), hashing what passes; a body whose SHA-256 differs from `Repr-Digest` is
 * refused and no file is left.
 */
async function downloadEvidence(
  client: RosterClient,
  id: string,
  format: 'json' | 'csv',
  out: string | undefined,
) {
  const response = await client.download(
    `/roster/v1/access_reviews/${encodeURIComponent(id)}/evidence${format === 'csv' ? '?format=csv' : ''}`,
    format === 'csv' ? 'text/csv' : 'application/json',
  );
  const expected = sha256Of(response.headers.get('repr-digest'));
  const hash = createHash('sha256');
  const partial = out ? `${out}.partial` : undefined;
  const sink: Writable = partial ? createWriteStream(partial) : process.stdout;
  const written = (chunk: Uint8Array) =>
    new Promise<void>((resolve, reject) => sink.write(chunk, (error) => (error ? reject(error) : resolve())));
  try {
    if (response.body) {
      for await (const chunk of response.body) {
        hash.update(chunk);
        await written(chunk);
      }
    }
    if (partial)
      await new Promise<void>((resolve, reject) =>
        sink.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
  } catch (error) {
    if (partial) await rm(partial, { force: true });
    throw error;
  }
  const actual = hash.digest('base64');
  if (expected !== undefined && expected !== actual) {
    if (partial) await rm(partial, { force: true });
    throw new CliError(
      `the evidence's SHA-256 (${actual}) is not the one its Repr-Digest header states (${expected}); nothing was kept`,
      EXIT.ERROR,
    );
  }
  if (partial && out) await rename(partial, out);
  note(
    expected === undefined
      ? `No Repr-Digest (only a closed campaign's evidence carries one): SHA-256 ${actual}, not verified.`
      : `SHA-256 verified against Repr-Digest: ${actual}`,
  );
}

export function registerReviewCommands(program: Command): void {
  const reviews = program.command('reviews').description('access reviews (campaigns that certify grants)');

  reviews
    .command('ls')
    .description('list the campaigns you may see, with their progress')
    .action(async (_o: unknown, command: Command) => {
      const { client, format } = await contextOf(command);
      async function* rows() {
        for await (const view of client.list('/api/v1/access_reviews')) {
          const campaign = view.accessReview;
          const draft = stateWord(campaign?.state) === 'DRAFT';
          yield campaignRow(campaign, draft ? undefined : await progressOf(client, campaign?.id ?? ''));
        }
      }
      await printRows(rows(), CAMPAIGN_COLUMNS, format);
    });

  reviews
    .command('show <id>')
    .description('a campaign and its progress')
    .action(async (id: string, _o: unknown, command: Command) => {
      const { client, format } = await contextOf(command);
      await printCampaign(client, await getCampaign(client, id), format);
    });

  reviews
    .command('start <id>')
    .description('start a draft campaign: freeze its population and create its certify tasks')
    .action(async (id: string, _o: unknown, command: Command) => {
      const { client, format } = await contextOf(command);
      const started = await client.call(
        client.api.POST('/roster/v1/access_reviews/{id}/start', { params: { path: { id } }, body: {} }),
      );
      await printCampaign(client, started.accessReview?.accessReview, format);
    });

  reviews
    .command('close <id>')
    .description('close an open campaign; its open tasks are skipped or revoked')
    .requiredOption('--remaining <choice>', 'what happens to the open tasks: skip (cancel them) or revoke')
    .addHelpText('after', '\nExample:\n  roster reviews close ID --remaining skip')
    .action(async (id: string, options: { remaining: string }, command: Command) => {
      const remaining = options.remaining.trim().toUpperCase();
      if (remaining !== 'SKIP' && remaining !== 'REVOKE') {
        throw new CliError('--remaining must be skip or revoke', EXIT.USAGE);
      }
      const { client, format } = await contextOf(command);
      const closed = await client.call(
        client.api.POST('/roster/v1/access_reviews/{id}/close', {
          params: { path: { id } },
          body: { remaining },
        }),
      );
      await printCampaign(client, closed.accessReview?.accessReview, format);
    });

  reviews
    .command('evidence <id>')
    .description("download a campaign's evidence pack, verifying its Repr-Digest when it has one")
    .option('--format <format>', 'json or csv', 'json')
    .option('--out <file>', 'write it to this file (else stdout); kept only once whole and verified')
    .addHelpText(
      'after',
      '\n(-o is the global output format, so the file is --out.)\n\nExample:\n  roster reviews evidence ID --format csv --out q1-evidence.csv',
    )
    .action(async (id: string, options: { format: string; out?: string }, command: Command) => {
      if (options.format !== 'json' && options.format !== 'csv') {
        throw new CliError('--format must be json or csv', EXIT.USAGE);
      }
      const { client } = await contextOf(command);
      await downloadEvidence(client, id, options.format, options.out);
    });

  reviews
    .command('decide <id>')
    .description('certify or decertify from a CSV file: taskId or email, decision, comment')
    .requiredOption(
      '--file <decisions.csv>',
      'CSV with a header: taskId or email, decision (certify|decertify), comment',
    )
    .option('--report <out.csv>', 'write one row per decision: line, input, taskId, outcome, reason')
    .option(
      '--chunk-size <n>',
      `decisions per request (at most ${MAX_DECISIONS_PER_REQUEST})`,
      positiveInt,
      MAX_DECISIONS_PER_REQUEST,
    )
    .addHelpText(
      'after',
      `
An email names the reviewed person: each of their open tasks in the campaign that waits for you gets
the line's decision. A decertify needs a comment unless the campaign's policy says otherwise.
Exit 5 when some lines failed (each listed on stderr, with its reason).

Example:
  roster reviews decide ID --file decisions.csv --report result.csv`,
    )
    .action(
      async (id: string, options: { file: string; report?: string; chunkSize: number }, command: Command) => {
        const chunkSize = Math.min(options.chunkSize, MAX_DECISIONS_PER_REQUEST);
        const lines = await readDecisionLines(options.file);
        const { client, format } = await contextOf(command);
        const summary = await decideFromLines(client, id, lines, { chunkSize, reportPath: options.report });
        for (const f of summary.failures)
          note(
            `line ${f.line}: ${f.input}${f.taskId && f.taskId !== f.input ? ` (task ${f.taskId})` : ''}: ${f.reason}`,
          );
        await printObject(
          summary,
          { lines: summary.lines, sent: summary.sent, applied: summary.applied, failed: summary.failed },
          format,
        );
        if (summary.failed > 0) process.exitCode = EXIT.PARTIAL;
      },
    );
}
