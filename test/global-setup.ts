import { randomBytes } from 'node:crypto';
import { buildConsoleIfStale, findChromium } from './browser/browser.js';

/**
 * Says once which databases the suites run against and whether the browser tests run, and names
 * the run, whose PostgreSQL schemas the returned teardown drops once every file is done.
 */
export default function setup(): () => Promise<void> {
  process.env.ROSTER_TEST_RUN = randomBytes(4).toString('hex');
  if (process.env.ROSTER_TEST_DATABASE_URL) {
    console.log(
      `Test suites run on SQLite and on PostgreSQL (${redact(process.env.ROSTER_TEST_DATABASE_URL)}).`,
    );
  } else {
    console.log(
      'ROSTER_TEST_DATABASE_URL is unset: test suites run on SQLite only. CI sets it for PostgreSQL.',
    );
  }
  const chromium = findChromium();
  if (chromium) {
    console.log(`Browser tests of the console run in ${chromium}.`);
    buildConsoleIfStale();
  } else {
    console.log(
      'Browser tests SKIPPED: no Chromium found (apt-get install -y chromium, or set ROSTER_CHROMIUM); CI always runs them.',
    );
  }
  return async () => {
    const { dropSchemas, TEST_SCHEMA_PREFIX } = await import('./schemas.js');
    await dropSchemas(TEST_SCHEMA_PREFIX);
  };
}

const redact = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');
