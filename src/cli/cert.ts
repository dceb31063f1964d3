import path from 'node:path';
import { parseArgs } from 'node:util';
import { createSelfSignedCertificate, writeCertificate } from './self-signed.js';

/** `npm run cert -- [--out DIR] [--host NAME]...`: a self-signed certificate for local HTTPS. */
async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: process.env.ROSTER_DATA_DIR ?? './data' },
      host: { type: 'string', multiple: true },
      days: { type: 'string', default: '365' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(
      'Usage: npm run cert -- [--out DIR] [--host NAME]... [--days N]\n' +
        'Writes DIR/tls-cert.pem and DIR/tls-key.pem (mode 0600), valid for localhost, 127.0.0.1 and ::1\n' +
        'plus each --host. Start Roster with ROSTER_TLS_CERT and ROSTER_TLS_KEY pointing at them.\n',
    );
    return;
  }
  const hosts = ['localhost', '127.0.0.1', '::1', ...(values.host ?? [])];
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1) throw new Error('--days must be a whole number of days');
  const { certPath, keyPath } = await writeCertificate(
    path.resolve(values.out),
    await createSelfSignedCertificate(hosts, days),
  );
  process.stdout.write(`ROSTER_TLS_CERT=${certPath}\nROSTER_TLS_KEY=${keyPath}\n`);
}

main().catch((error) => {
  process.stderr.write(`roster cert: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
