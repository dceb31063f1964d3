/** Says once which databases the suites run against. */
export default function setup(): void {
  if (process.env.ROSTER_TEST_DATABASE_URL) {
    console.log(
      `Test suites run on SQLite and on PostgreSQL (${redact(process.env.ROSTER_TEST_DATABASE_URL)}).`,
    );
  } else {
    console.log(
      'ROSTER_TEST_DATABASE_URL is unset: test suites run on SQLite only. CI sets it for PostgreSQL.',
    );
  }
}

const redact = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');
