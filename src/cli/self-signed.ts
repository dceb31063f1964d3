import fs from 'node:fs/promises';
import path from 'node:path';
import ipaddr from 'ipaddr.js';
import { generate } from 'selfsigned';

export interface Certificate {
  readonly cert: string;
  readonly key: string;
}

/**
 * A self-signed certificate for local use, valid for `hosts` (DNS names or IP addresses). The Go SDK
 * always fetches tokens over https (CONTRACT.md §2); a client trusts this certificate by adding it
 * as a CA (Go `WithTLSConfig`, Node `ca`, `NODE_EXTRA_CA_CERTS`).
 */
export async function createSelfSignedCertificate(
  hosts: readonly string[],
  days = 365,
): Promise<Certificate> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + days * 86_400_000);
  const pems = await generate([{ name: 'commonName', value: hosts[0] ?? 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: hosts.map((h) =>
          ipaddr.isValid(h) ? { type: 7 as const, ip: h } : { type: 2 as const, value: h },
        ),
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/** Writes the pair; the key file is readable by its owner only. */
export async function writeCertificate(dir: string, pair: Certificate) {
  await fs.mkdir(dir, { recursive: true });
  const certPath = path.join(dir, 'tls-cert.pem');
  const keyPath = path.join(dir, 'tls-key.pem');
  await fs.writeFile(certPath, pair.cert, { mode: 0o644 });
  await fs.writeFile(keyPath, pair.key, { mode: 0o600 });
  // writeFile keeps the mode of a file that already exists.
  await fs.chmod(keyPath, 0o600);
  return { certPath, keyPath };
}
