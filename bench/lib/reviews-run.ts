import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import {
  connectClient,
  createEntitlement,
  importUsers,
  type RosterClient,
  readAdminCredentials,
} from './api.js';
import { rssBytes, sampleRss } from './children.js';
import type { Dialect, ServerDatabase } from './databases.js';
import { seedGrants } from './databases.js';
import { startRoster } from './server-run.js';
import { median } from './table.js';
import { newUser, userClient } from './tasks-run.js';

// biome-ignore lint/suspicious/noExplicitAny: wire objects are checked where the bench relies on them.
type Wire = any;

export interface ReviewSizes {
  /** Grants in the campaign's scope: its population. */
  readonly grants: number;
  /** The reviewer's queue page timed against page 1 (pages of 100). */
  readonly farPage: number;
  /** Timed requests of each page (after three warm-ups). */
  readonly pageRequests: number;
}

export interface ReviewsResults {
  readonly population: number;
  /** Start request sent → progress says populated, ms. */
  readonly startMs: number;
  readonly tasksPerSecond: number;
  /** Median ms of the reviewer's queue page 1 and page `farPage`. */
  readonly page1Ms: number;
  readonly farPageMs: number;
  /** Streaming the campaign's evidence: time, bytes, the server's RSS before and at its peak. */
  readonly evidenceMs: number;
  readonly evidenceBytes: number;
  readonly rssBefore: number;
  readonly rssPeak: number;
}

const USERS = 2_000;

/**
 * A campaign over `grants` grants on a running Roster (a child process, its own data directory and,
 * for PostgreSQL, its own database): grants seeded with SQL, then through the API the start (timed
 * until every certify task exists), the reviewer's queue (task search filtered to the campaign's
 * open certify tasks assigned to them, keyset-paged: page 1 against page `farPage`), and the
 * evidence pack streamed while the server's RSS is sampled.
 */
export async function reviewsRun(
  dialect: Dialect,
  databaseUrl: string | undefined,
  sizes: ReviewSizes,
  progress: (message: string) => void,
): Promise<ReviewsResults> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-bench-reviews-'));
  const server = await startRoster(dataDir, databaseUrl);
  try {
    const admin = await connectClient(server.url, await readAdminCredentials(dataDir));
    const database: ServerDatabase =
      dialect === 'sqlite'
        ? { dialect, file: path.join(dataDir, 'roster.db') }
        : { dialect, url: databaseUrl as string };
    progress(`users, an app, ${sizes.grants.toLocaleString('en-US')} grants seeded with SQL`);
    await importUsers(admin, USERS, `reviews-${dialect}`);
    const target = await createEntitlement(admin, 'reviewed');
    await seedGrants(database, target.appId, target.entitlementId, sizes.grants);
    // Made after the seeding, so neither holds a grant under review: every task is the reviewer's.
    const reviewer = await newUser(admin, `reviewer ${dialect}`);
    const owner = await newUser(admin, `campaign owner ${dialect}`);
    await admin.call('POST', `/api/v1/apps/${target.appId}/owners/${reviewer.id}`);
    const policy = (
      await admin.call('POST', '/api/v1/policies', {
        displayName: 'Bench certify',
        policyType: 'POLICY_TYPE_CERTIFY',
      })
    ).policy;
    const review = (
      await admin.call('POST', '/api/v1/access_review', {
        displayName: 'Bench review',
        ownerIds: [owner.id],
        policyId: policy.id,
      })
    ).accessReview.accessReview;
    await admin.call('POST', `/api/v1/access_review/${review.id}/scope_and_entitlements`, {
      entitlements: [{ appId: target.appId, appEntitlementId: target.entitlementId }],
    });

    progress('starting the campaign: until every certify task exists');
    const sent = performance.now();
    await admin.call('POST', `/roster/v1/access_reviews/${review.id}/start`, {});
    let shown: Wire;
    for (;;) {
      shown = (await admin.call('GET', `/roster/v1/access_reviews/${review.id}/progress`)).progress;
      if (shown.populated) break;
      // Progress counts the campaign's tasks by state: polled as a console would, not in a busy loop.
      await sleep(1_000);
    }
    const startMs = performance.now() - sent;
    if (shown.populationSize !== sizes.grants || shown.tasksCreated !== sizes.grants) {
      throw new Error(`the campaign holds ${JSON.stringify(shown)}, not ${sizes.grants} tasks`);
    }
    if (database.dialect === 'postgres') {
      // What autovacuum would do soon after a load this size (as the task bench does).
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      await client.query('analyze tasks; analyze task_assignees');
      await client.end();
    }

    progress(
      `the reviewer's queue: walking to page ${sizes.farPage}, then timing pages 1 and ${sizes.farPage}`,
    );
    const asReviewer = await userClient(admin, reviewer.id);
    const queue = {
      accessReviewIds: [review.id],
      taskTypes: [{ certify: {} }],
      taskStates: ['TASK_STATE_OPEN'],
      myWorkUserIds: [reviewer.id],
      pageSize: 100,
    };
    const page = async (client: RosterClient, pageToken: string) => {
      const started = performance.now();
      const answer = await client.call('POST', '/api/v1/search/tasks', { ...queue, pageToken });
      return { ms: performance.now() - started, answer };
    };
    let farToken = '';
    for (let n = 1; n < sizes.farPage; n++) {
      farToken = (await page(asReviewer, farToken)).answer.nextPageToken;
      if (!farToken) throw new Error(`the reviewer's queue ended at page ${n}`);
    }
    const far = (await page(asReviewer, farToken)).answer;
    if (far.list.length !== 100) throw new Error(`page ${sizes.farPage} holds ${far.list.length} tasks`);
    for (let n = 0; n < 3; n++) {
      await page(asReviewer, '');
      await page(asReviewer, farToken);
    }
    const page1: number[] = [];
    const farPage: number[] = [];
    for (let n = 0; n < sizes.pageRequests; n++) {
      page1.push((await page(asReviewer, '')).ms);
      farPage.push((await page(asReviewer, farToken)).ms);
    }

    progress('streaming the evidence while sampling the server RSS');
    const rssBefore = (await rssBytes(server.pid)) ?? 0;
    const sampler = sampleRss(server.pid, 20);
    const started = performance.now();
    const response = await fetch(`${server.url}/roster/v1/access_reviews/${review.id}/evidence`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    if (!response.ok || !response.body) throw new Error(`evidence: ${response.status}`);
    let evidenceBytes = 0;
    let tail = '';
    // Read as it comes, keeping only the end (the totals), so the bench holds no pack either.
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      evidenceBytes += chunk.byteLength;
      tail = (tail + Buffer.from(chunk).toString('utf8')).slice(-2_000);
    }
    const evidenceMs = performance.now() - started;
    const rssPeak = await sampler.stop();
    if (!tail.includes(`"items":${sizes.grants}`)) throw new Error(`the evidence ends ${tail.slice(-300)}`);
    return {
      population: sizes.grants,
      startMs,
      tasksPerSecond: sizes.grants / (startMs / 1000),
      page1Ms: median(page1),
      farPageMs: median(farPage),
      evidenceMs,
      evidenceBytes,
      rssBefore,
      rssPeak: Math.max(rssPeak, rssBefore),
    };
  } finally {
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
