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
  /**
   * The URL clients use to reach Roster; its host name is the token audience (CONTRACT.md §2). Derived
   * from ROSTER_PORT=0 its port is 0, until the server listens (`publicUrlListeningOn`).
   */
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
  /** How often the task-timer loop looks for waits that ended and escalations that are due. */
  readonly taskTimerSeconds: number;
  /** When set, /metrics needs `Authorization: Bearer <token>`; unset, it is public. */
  readonly metricsToken: string | undefined;
  /** PEM certificate chain and key: when set, Roster serves HTTPS (the Go SDK needs it, CONTRACT.md §2). */
  readonly tls: { readonly cert: string; readonly key: string } | undefined;
  /** Console sessions end after this long unused, and this long after sign-in whatever their use. */
  readonly consoleIdleMinutes: number;
  readonly consoleSessionHours: number;
  /** The OpenID Connect provider people sign in to the console with; unset, they use API client secrets. */
  readonly oidc: OidcConfig | undefined;
  /** Webhook targets: private addresses and plain HTTP are refused unless these allow them. */
  readonly webhookAllowPrivate: boolean;
  readonly webhookAllowHttp: boolean;
  /** Where and as whom mail is sent (CONTRACT.md §7.27); unset, Roster sends and stores no mail. */
  readonly mail: MailConfig | undefined;
  /** How often the idle mail loops look for task events and due messages. */
  readonly mailPollMs: number;
}

export interface MailConfig {
  /** `smtp://host:port` or `smtps://user:pass@host`, as nodemailer reads it. */
  readonly smtpUrl: string;
  /** The From header: `roster@example.com` or `Roster <roster@example.com>`. */
  readonly from: string;
}

export interface OidcConfig {
  readonly issuer: URL;
  readonly clientId: string;
  /** Unset for a public client, which PKCE alone protects. */
  readonly clientSecret: string | undefined;
  /** The ID-token claim that holds the Roster user's email. */
  readonly emailClaim: string;
}

/**
 * One setting: its variable, its default as people read it, what it means, and how its raw value
 * becomes a typed one. `parse` gets undefined when the variable is unset or blank, and pushes a
 * problem naming the variable when the value is bad.
 */
export interface Setting<T> {
  readonly name: string;
  readonly shownDefault: string;
  readonly meaning: string;
  readonly parse: (raw: string | undefined, problems: string[]) => T;
}

function text(name: string, fallback: string, meaning: string): Setting<string> {
  return { name, shownDefault: `\`${fallback}\``, meaning, parse: (raw) => raw ?? fallback };
}

function optional(
  name: string,
  meaning: string,
  problemWith: (raw: string) => string | undefined = () => undefined,
): Setting<string | undefined> {
  return {
    name,
    shownDefault: 'unset',
    meaning,
    parse: (raw, problems) => {
      const problem = raw === undefined ? undefined : problemWith(raw);
      if (problem !== undefined) problems.push(`${name} ${problem}`);
      return raw;
    },
  };
}

function integer(
  name: string,
  fallback: number,
  [min, max]: readonly [number, number],
  meaning: string,
): Setting<number> {
  return {
    name,
    shownDefault: `\`${fallback}\``,
    meaning,
    parse: (raw, problems) => {
      if (raw === undefined) return fallback;
      if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
        problems.push(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
        return fallback;
      }
      return Number(raw);
    },
  };
}

function flag(name: string, meaning: string): Setting<boolean> {
  return {
    name,
    shownDefault: '`false`',
    meaning,
    parse: (raw, problems) => {
      if (raw === undefined || raw === 'false') return false;
      if (raw === 'true') return true;
      problems.push(`${name} must be true or false, got ${JSON.stringify(raw)}`);
      return false;
    },
  };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Every setting Roster reads, in the order --help and the README list them: `loadConfig` reads
 * nothing else, and the README's table is generated from this one (`npm run docs:settings`).
 */
export const SETTINGS = {
  host: text('ROSTER_HOST', '127.0.0.1', 'address to listen on'),
  port: integer('ROSTER_PORT', 8080, [0, 65535], 'TCP port to listen on (0 picks a free one)'),
  dataDir: text('ROSTER_DATA_DIR', './data', 'directory of the SQLite database and the admin credentials'),
  databaseUrl: optional(
    'ROSTER_DATABASE_URL',
    'a `postgres://` URL selects PostgreSQL instead of the embedded SQLite (several Roster processes may share it)',
    (raw) =>
      /^postgres(ql)?:\/\//.test(raw)
        ? undefined
        : 'must be a postgres:// or postgresql:// URL (leave it unset for SQLite)',
  ),
  publicUrl: {
    ...optional(
      'ROSTER_PUBLIC_URL',
      'the URL clients use to reach Roster; its host name is the token audience',
    ),
    shownDefault: '`http://<host>:<port>`',
  },
  tokenTtlSeconds: integer(
    'ROSTER_TOKEN_TTL_SECONDS',
    3900,
    // The TypeScript SDK caches a token for 3,600 s whatever expires_in says (CONTRACT.md §7.9).
    [3600, 7 * 24 * 3600],
    'access-token lifetime in seconds (at least 3600: the TypeScript SDK caches tokens for an hour)',
  ),
  maxAddUserIds: integer(
    'ROSTER_MAX_ADD_USER_IDS',
    100_000,
    [1, 10_000_000],
    'most user IDs one add-manual-user request (and inputs one users resolve) may carry',
  ),
  maxAddRequestBytes: integer(
    'ROSTER_MAX_ADD_REQUEST_BYTES',
    16 * 1024 * 1024,
    [1024, 1024 * 1024 * 1024],
    'largest add-manual-user (and users resolve) request body, in bytes',
  ),
  logLevel: {
    ...text('ROSTER_LOG_LEVEL', 'info', `pino log level: ${LOG_LEVELS.join(', ')}`),
    parse: (raw: string | undefined, problems: string[]) => {
      const level = raw ?? 'info';
      if (!LOG_LEVELS.includes(level)) {
        problems.push(
          `ROSTER_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(level)}`,
        );
      }
      return level;
    },
  },
  bulkBatchSize: integer(
    'ROSTER_BULK_BATCH_SIZE',
    1_000,
    [1, 10_000],
    'users per bulk-action batch transaction to start with; batches grow to 5 times this while they stay short',
  ),
  bulkChunkSize: integer(
    'ROSTER_BULK_CHUNK_SIZE',
    10_000,
    [1, 1_000_000],
    'users per bulk-action chunk; several processes share a large action chunk by chunk',
  ),
  bulkActionRetentionDays: integer(
    'ROSTER_BULK_ACTION_RETENTION_DAYS',
    30,
    [1, 3650],
    'days finished bulk actions and their per-user items are kept (grants and history are kept forever)',
  ),
  taskTimerSeconds: integer(
    'ROSTER_TASK_TIMER_SECONDS',
    5,
    [1, 3600],
    'seconds between looks for tasks whose wait step ended or whose approval escalates',
  ),
  metricsToken: optional(
    'ROSTER_METRICS_TOKEN',
    'when set, `/metrics` needs `Authorization: Bearer <token>`; unset, it is public',
  ),
  tlsCert: optional(
    'ROSTER_TLS_CERT',
    'PEM certificate (chain) file; with `ROSTER_TLS_KEY`, Roster serves HTTPS (`npm run cert` makes one)',
  ),
  tlsKey: optional('ROSTER_TLS_KEY', 'PEM private key file of `ROSTER_TLS_CERT`'),
  consoleIdleMinutes: integer(
    'ROSTER_CONSOLE_IDLE_MINUTES',
    30,
    [1, 24 * 60],
    'console sessions end after this many minutes unused',
  ),
  consoleSessionHours: integer(
    'ROSTER_CONSOLE_SESSION_HOURS',
    12,
    [1, 30 * 24],
    'console sessions end this many hours after sign-in, however used',
  ),
  oidcIssuer: optional(
    'ROSTER_OIDC_ISSUER',
    'OpenID Connect issuer URL people sign in to the console with (unset: API client ID and secret)',
    (raw) => (/^https?:\/\/[^\s]+$/.test(raw) ? undefined : 'must be an https:// URL'),
  ),
  oidcClientId: optional('ROSTER_OIDC_CLIENT_ID', "Roster's client ID at the OpenID Connect provider"),
  oidcClientSecret: optional(
    'ROSTER_OIDC_CLIENT_SECRET',
    "Roster's client secret at the provider (unset: a public client, protected by PKCE)",
  ),
  oidcEmailClaim: text('ROSTER_OIDC_EMAIL_CLAIM', 'email', "the claim matched against Roster users' email"),
  webhookAllowPrivate: flag(
    'ROSTER_WEBHOOK_ALLOW_PRIVATE',
    '`true` lets webhooks reach private, loopback and link-local addresses (checked after DNS too)',
  ),
  webhookAllowHttp: flag(
    'ROSTER_WEBHOOK_ALLOW_HTTP',
    'when `true`, webhook URLs may be plain `http://` (only `https://` otherwise)',
  ),
  smtpUrl: optional(
    'ROSTER_SMTP_URL',
    'SMTP server mail is sent through (`smtp://host:587`, `smtps://user:pass@host`); unset, no mail is sent',
    (raw) => (/^smtps?:\/\/[^\s]+$/.test(raw) ? undefined : 'must be an smtp:// or smtps:// URL'),
  ),
  mailFrom: optional(
    'ROSTER_MAIL_FROM',
    'the From address of mail (`roster@example.com` or `Roster <roster@example.com>`); required with `ROSTER_SMTP_URL`',
    (raw) =>
      /^[^\s@<>]+@[^\s@<>]+$|<[^\s@<>]+@[^\s@<>]+>$/.test(raw) ? undefined : 'must be an email address',
  ),
  mailPollMs: integer(
    'ROSTER_MAIL_POLL_MS',
    2_000,
    [10, 600_000],
    'milliseconds between looks for task events to mail and messages due to be sent',
  ),
} as const;

/**
 * Roster's public URL as it stands when read: the token issuer, API client IDs, SCIM base URLs and
 * the OpenID Connect redirect are made from it when they are needed, never kept from start-up.
 */
export type PublicUrl = () => URL;

/**
 * The public URL of a server listening on `port`: a URL derived from ROSTER_PORT=0 (whose port is 0)
 * takes the port the system gave it, any other stays as configured.
 */
export function publicUrlListeningOn(configured: URL, port: number): URL {
  if (configured.port !== '0') return configured;
  const url = new URL(configured.href);
  url.port = String(port);
  return url;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const get = <T>(setting: Setting<T>): T => {
    const value = env[setting.name]?.trim();
    return setting.parse(value === '' ? undefined : value, problems);
  };

  const host = get(SETTINGS.host);
  const port = get(SETTINGS.port);
  const dataDir = path.resolve(get(SETTINGS.dataDir));
  const databaseUrl = get(SETTINGS.databaseUrl);
  const tls = readTls(get(SETTINGS.tlsCert), get(SETTINGS.tlsKey), problems);

  const publicHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const rawPublicUrl =
    get(SETTINGS.publicUrl) ??
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

  const config: Config = {
    host,
    port,
    dataDir,
    databaseUrl,
    publicUrl,
    tokenTtlSeconds: get(SETTINGS.tokenTtlSeconds),
    maxAddUserIds: get(SETTINGS.maxAddUserIds),
    maxAddRequestBytes: get(SETTINGS.maxAddRequestBytes),
    logLevel: get(SETTINGS.logLevel),
    bulkBatchSize: get(SETTINGS.bulkBatchSize),
    bulkChunkSize: get(SETTINGS.bulkChunkSize),
    bulkActionRetentionDays: get(SETTINGS.bulkActionRetentionDays),
    taskTimerSeconds: get(SETTINGS.taskTimerSeconds),
    metricsToken: get(SETTINGS.metricsToken),
    tls,
    consoleIdleMinutes: get(SETTINGS.consoleIdleMinutes),
    consoleSessionHours: get(SETTINGS.consoleSessionHours),
    oidc: readOidc(
      get(SETTINGS.oidcIssuer),
      get(SETTINGS.oidcClientId),
      get(SETTINGS.oidcClientSecret),
      get(SETTINGS.oidcEmailClaim),
      problems,
    ),
    webhookAllowPrivate: get(SETTINGS.webhookAllowPrivate),
    webhookAllowHttp: get(SETTINGS.webhookAllowHttp),
    mail: readMail(get(SETTINGS.smtpUrl), get(SETTINGS.mailFrom), problems),
    mailPollMs: get(SETTINGS.mailPollMs),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

/** Mail: an SMTP URL needs a From address to send as. */
function readMail(
  smtpUrl: string | undefined,
  from: string | undefined,
  problems: string[],
): MailConfig | undefined {
  if (smtpUrl === undefined) return undefined;
  if (from === undefined) {
    problems.push('ROSTER_SMTP_URL is set, so ROSTER_MAIL_FROM must be too (the address mail is sent from)');
    return undefined;
  }
  return Object.freeze({ smtpUrl, from });
}

/** The identity provider: an issuer URL needs a client ID, and a client ID an issuer. */
function readOidc(
  issuer: string | undefined,
  clientId: string | undefined,
  clientSecret: string | undefined,
  emailClaim: string,
  problems: string[],
): OidcConfig | undefined {
  if (issuer === undefined) {
    if (clientId !== undefined) problems.push('ROSTER_OIDC_CLIENT_ID is set but ROSTER_OIDC_ISSUER is not');
    return undefined;
  }
  if (clientId === undefined) {
    problems.push('ROSTER_OIDC_ISSUER is set, so ROSTER_OIDC_CLIENT_ID must be too');
    return undefined;
  }
  try {
    return Object.freeze({ issuer: new URL(issuer), clientId, clientSecret, emailClaim });
  } catch {
    problems.push(`ROSTER_OIDC_ISSUER is not a URL: ${JSON.stringify(issuer)}`);
    return undefined;
  }
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

const settingList = (): Setting<unknown>[] => Object.values(SETTINGS);

export function helpText(): string {
  const width = Math.max(...settingList().map((setting) => setting.name.length));
  const plain = (markdown: string) => markdown.replaceAll('`', '');
  return [
    'Usage: roster [--help]',
    '',
    'Starts Roster, an access ledger that speaks the ConductorOne HTTP API.',
    'Settings come from environment variables:',
    '',
    ...settingList().map(
      (setting) =>
        `  ${setting.name.padEnd(width)}  ${plain(setting.meaning)} (default: ${plain(setting.shownDefault)})`,
    ),
    '',
  ].join('\n');
}

/** Where the README's table of settings sits. */
export const SETTINGS_SECTION = {
  begin: '<!-- settings: generated by `npm run docs:settings` from src/config.ts -->',
  end: '<!-- /settings -->',
};

/** The README's table of settings, generated from SETTINGS (`npm run docs:settings`). */
export function settingsMarkdown(): string {
  const rows = [
    ['variable', 'default', 'meaning'],
    ...settingList().map((setting) => [`\`${setting.name}\``, setting.shownDefault, setting.meaning]),
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const [header = [], ...body] = rows;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line), ''].join('\n');
}
