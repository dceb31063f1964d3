import { randomBytes } from 'node:crypto';

/**
 * Says once which databases the suites run against, and names the run, whose PostgreSQL schemas
 * the returned teardown drops once every file is done.
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
  return async () => {
    const { dropSchemas, TEST_SCHEMA_PREFIX } = await import('./schemas.js');
    await dropSchemas(TEST_SCHEMA_PREFIX);
  };
}

const redact = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');
