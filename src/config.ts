import { createPrivateKey, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Roster's settings, read once from the environment, validated, frozen. */
export interface Config {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** A postgres:// URL selects PostgreSQL; undefined means SQLite at `<dataDir>/roster.db`. */
  readonly databaseUrl: string | undefined;
  /** The URL clients use to reach Roster; its host name is the token audience (CONTRACT.md §2). */
  readonly publicUrl: URL;
  readonly tokenTtlSeconds: number;
  readonly maxAddUserIds: number;
  readonly maxAddRequestBytes: number;
  readonly logLevel: string;
  /** Users per bulk-action batch transaction. */
  readonly bulkBatchSize: number;
  /** Users per independently leased chunk of a bulk action (what several processes share). */
  readonly bulkChunkSize: number;
  /** How long finished bulk actions and their items are kept. */
  readonly bulkActionRetentionDays: number;
  /** When set, /metrics needs `Authorization: Bearer <token>`; unset, it is public. */
  readonly metricsToken: string | undefined;
  /** PEM certificate chain and key: when set, Roster serves HTTPS (the Go SDK needs it, CONTRACT.md §2). */
  readonly tls: { readonly cert: string; readonly key: string } | undefined;
  /** Console sessions end after this long unused, and this long after sign-in whatever their use. */
  readonly consoleIdleMinutes: number;
  readonly consoleSessionHours: number;
  /** The OpenID Connect provider people sign in to the console with; unset, they use API client secrets. */
  readonly oidc: OidcConfig | undefined;
}

export interface OidcConfig {
  readonly issuer: URL;
  readonly clientId: string;
  /** Unset for a public client, which PKCE alone protects. */
  readonly clientSecret: string | undefined;
  /** The ID-token claim that holds the Roster user's email. */
  readonly emailClaim: string;
}

interface Setting {
  readonly name: string;
  readonly description: string;
  readonly fallback: string;
}

export const SETTINGS: readonly Setting[] = [
  { name: 'ROSTER_HOST', description: 'address to listen on', fallback: '127.0.0.1' },
  { name: 'ROSTER_PORT', description: 'TCP port to listen on (0 picks a free one)', fallback: '8080' },
  {
    name: 'ROSTER_DATA_DIR',
    description: 'directory for the SQLite database and admin credentials',
    fallback: './data',
  },
  {
    name: 'ROSTER_DATABASE_URL',
    description: 'postgres:// URL to use PostgreSQL instead of the embedded SQLite database',
    fallback: '',
  },
  {
    name: 'ROSTER_PUBLIC_URL',
    description: 'URL clients use to reach Roster; its host name is the token audience',
    fallback: 'http://<host>:<port>',
  },
  {
    name: 'ROSTER_TOKEN_TTL_SECONDS',
    description: 'lifetime of issued access tokens (at least 3600)',
    fallback: '3900',
  },
  {
    name: 'ROSTER_MAX_ADD_USER_IDS',
    description: 'most user IDs one add-manual-user request may carry',
    fallback: '100000',
  },
  {
    name: 'ROSTER_MAX_ADD_REQUEST_BYTES',
    description: 'largest add-manual-user request body, in bytes',
    fallback: String(16 * 1024 * 1024),
  },
  {
    name: 'ROSTER_TLS_CERT',
    description: 'PEM certificate (chain) file; with ROSTER_TLS_KEY, serve HTTPS (`npm run cert` makes one)',
    fallback: '',
  },
  { name: 'ROSTER_TLS_KEY', description: 'PEM private key file of ROSTER_TLS_CERT', fallback: '' },
  {
    name: 'ROSTER_LOG_LEVEL',
    description: 'fatal, error, warn, info, debug, trace or silent',
    fallback: 'info',
  },
  {
    name: 'ROSTER_METRICS_TOKEN',
    description: 'bearer token /metrics requires (unset: /metrics is public)',
    fallback: '',
  },
  {
    name: 'ROSTER_CONSOLE_IDLE_MINUTES',
    description: 'console sessions end after this long unused',
    fallback: '30',
  },
  {
    name: 'ROSTER_CONSOLE_SESSION_HOURS',
    description: 'console sessions end this long after sign-in, however used',
    fallback: '12',
  },
  {
    name: 'ROSTER_OIDC_ISSUER',
    description: 'OpenID Connect issuer URL people sign in to the console with (unset: API client secrets)',
    fallback: '',
  },
  {
    name: 'ROSTER_OIDC_CLIENT_ID',
    description: "Roster's client ID at the OpenID Connect provider",
    fallback: '',
  },
  {
    name: 'ROSTER_OIDC_CLIENT_SECRET',
    description: "Roster's client secret at the provider (unset: a public client with PKCE)",
    fallback: '',
  },
  {
    name: 'ROSTER_OIDC_EMAIL_CLAIM',
    description: "ID-token claim matched against Roster users' email",
    fallback: 'email',
  },
];

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const LOG_LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
      return fallback;
    }
    return Number(raw);
  };

  const host = read('ROSTER_HOST') ?? '127.0.0.1';
  const port = integer('ROSTER_PORT', 8080, 0, 65535);
  const dataDir = path.resolve(read('ROSTER_DATA_DIR') ?? './data');

  const databaseUrl = read('ROSTER_DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(
      'ROSTER_DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for SQLite)',
    );
  }

  const tls = readTls(read('ROSTER_TLS_CERT'), read('ROSTER_TLS_KEY'), problems);

  const publicHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const rawPublicUrl =
    read('ROSTER_PUBLIC_URL') ??
    `${tls ? 'https' : 'http'}://${publicHost.includes(':') ? `[${publicHost}]` : publicHost}:${port}`;
  let publicUrl = new URL('http://127.0.0.1:8080');
  try {
    publicUrl = new URL(rawPublicUrl);
    if (publicUrl.protocol !== 'http:' && publicUrl.protocol !== 'https:') {
      problems.push(
        `ROSTER_PUBLIC_URL must be an http:// or https:// URL, got ${JSON.stringify(rawPublicUrl)}`,
      );
    }
  } catch {
    problems.push(`ROSTER_PUBLIC_URL is not a URL: ${JSON.stringify(rawPublicUrl)}`);
  }

  // The TypeScript SDK caches a token for 3,600 s whatever expires_in says (CONTRACT.md §7.9).
  const tokenTtlSeconds = integer('ROSTER_TOKEN_TTL_SECONDS', 3900, 3600, 7 * 24 * 3600);
  const maxAddUserIds = integer('ROSTER_MAX_ADD_USER_IDS', 100_000, 1, 10_000_000);
  const maxAddRequestBytes = integer(
    'ROSTER_MAX_ADD_REQUEST_BYTES',
    16 * 1024 * 1024,
    1024,
    1024 * 1024 * 1024,
  );

  const bulkBatchSize = integer('ROSTER_BULK_BATCH_SIZE', 1_000, 1, 10_000);
  const bulkChunkSize = integer('ROSTER_BULK_CHUNK_SIZE', 10_000, 1, 1_000_000);
  const bulkActionRetentionDays = integer('ROSTER_BULK_ACTION_RETENTION_DAYS', 30, 1, 3650);

  const logLevel = read('ROSTER_LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.has(logLevel)) {
    problems.push(
      `ROSTER_LOG_LEVEL must be one of ${[...LOG_LEVELS].join(', ')}, got ${JSON.stringify(logLevel)}`,
    );
  }

  const metricsToken = read('ROSTER_METRICS_TOKEN');

  const consoleIdleMinutes = integer('ROSTER_CONSOLE_IDLE_MINUTES', 30, 1, 24 * 60);
  const consoleSessionHours = integer('ROSTER_CONSOLE_SESSION_HOURS', 12, 1, 30 * 24);
  const oidc = readOidc(read, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    host,
    port,
    dataDir,
    databaseUrl,
    publicUrl,
    tokenTtlSeconds,
    maxAddUserIds,
    maxAddRequestBytes,
    logLevel,
    bulkBatchSize,
    bulkChunkSize,
    bulkActionRetentionDays,
    metricsToken,
    tls,
    consoleIdleMinutes,
    consoleSessionHours,
    oidc,
  });
}

function readOidc(read: (name: string) => string | undefined, problems: string[]): OidcConfig | undefined {
  const issuer = read('ROSTER_OIDC_ISSUER');
  const clientId = read('ROSTER_OIDC_CLIENT_ID');
  if (issuer === undefined) {
    if (clientId !== undefined) problems.push('ROSTER_OIDC_CLIENT_ID is set but ROSTER_OIDC_ISSUER is not');
    return undefined;
  }
  let url: URL | undefined;
  try {
    url = new URL(issuer);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') url = undefined;
  } catch {
    url = undefined;
  }
  if (!url) problems.push(`ROSTER_OIDC_ISSUER must be an https:// URL, got ${JSON.stringify(issuer)}`);
  if (clientId === undefined)
    problems.push('ROSTER_OIDC_ISSUER is set, so ROSTER_OIDC_CLIENT_ID must be too');
  if (!url || clientId === undefined) return undefined;
  return Object.freeze({
    issuer: url,
    clientId,
    clientSecret: read('ROSTER_OIDC_CLIENT_SECRET'),
    emailClaim: read('ROSTER_OIDC_EMAIL_CLAIM') ?? 'email',
  });
}

/** Reads and checks the TLS pair: both or neither, parseable PEM, and a key that fits the certificate. */
function readTls(
  certPath: string | undefined,
  keyPath: string | undefined,
  problems: string[],
): Config['tls'] {
  if (certPath === undefined && keyPath === undefined) return undefined;
  if (certPath === undefined || keyPath === undefined) {
    problems.push('ROSTER_TLS_CERT and ROSTER_TLS_KEY must be set together');
    return undefined;
  }
  const readPem = (name: string, file: string): string | undefined => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (error) {
      problems.push(
        `${name}: cannot read ${JSON.stringify(file)} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
      return undefined;
    }
  };
  const cert = readPem('ROSTER_TLS_CERT', certPath);
  const key = readPem('ROSTER_TLS_KEY', keyPath);
  if (cert === undefined || key === undefined) return undefined;
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    problems.push(`ROSTER_TLS_CERT: ${JSON.stringify(certPath)} is not a PEM certificate`);
    return undefined;
  }
  try {
    if (!x509.checkPrivateKey(createPrivateKey(key))) {
      problems.push('ROSTER_TLS_KEY does not belong to the certificate in ROSTER_TLS_CERT');
      return undefined;
    }
  } catch {
    // The message of a key parse error can quote key material; say only what is wrong.
    problems.push(`ROSTER_TLS_KEY: ${JSON.stringify(keyPath)} is not an unencrypted PEM private key`);
    return undefined;
  }
  return Object.freeze({ cert, key });
}

export function helpText(): string {
  const width = Math.max(...SETTINGS.map((s) => s.name.length));
  return [
    'Usage: roster [--help]',
    '',
    'Starts Roster, an access ledger that speaks the ConductorOne HTTP API.',
    'Settings come from environment variables:',
    '',
    ...SETTINGS.map((s) => `  ${s.name.padEnd(width)}  ${s.description} (default: ${s.fallback || 'unset'})`),
    '',
  ].join('\n');
}
