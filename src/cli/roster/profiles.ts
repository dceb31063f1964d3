import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CliError, EXIT } from './exit-codes.js';

/** A saved sign-in: which Roster, and the API client to call it as. */
export interface Profile {
  server: string;
  clientId: string;
  clientSecret: string;
}

interface ConfigFile {
  defaultProfile?: string;
  profiles: Record<string, Profile>;
}

interface CachedToken {
  accessToken: string;
  /** Epoch milliseconds after which the token is not used any more. */
  expiresAt: number;
}

type TokenCache = Record<string, CachedToken>;

export const DEFAULT_PROFILE = 'default';

/** `$XDG_CONFIG_HOME/roster`, else `~/.config/roster` (XDG Base Directory Specification). */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(base, 'roster');
}

const configPath = () => path.join(configDir(), 'config.json');
const tokensPath = () => path.join(configDir(), 'tokens.json');

export async function readJson<T>(file: string, empty: T): Promise<T> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty;
    throw error;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new CliError(`${file} is not valid JSON; fix or delete it`, EXIT.USAGE);
  }
}

/** Writes a file only its owner can read (it holds secrets), replacing it atomically. */
export async function writePrivateJson(file: string, value: unknown): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  // A file that existed with looser bits keeps them through writeFile; rename replaces it whole.
  await fs.chmod(temporary, 0o600);
  await fs.rename(temporary, file);
}

export const readConfig = () => readJson<ConfigFile>(configPath(), { profiles: {} });

export async function saveProfile(name: string, profile: Profile, makeDefault: boolean): Promise<string> {
  const config = await readConfig();
  config.profiles[name] = profile;
  if (makeDefault || !config.defaultProfile) config.defaultProfile = name;
  await writePrivateJson(configPath(), config);
  return configPath();
}

export async function removeProfile(name: string): Promise<boolean> {
  const config = await readConfig();
  if (!config.profiles[name]) return false;
  delete config.profiles[name];
  if (config.defaultProfile === name) delete config.defaultProfile;
  await writePrivateJson(configPath(), config);
  return true;
}

export interface ProfileChoice {
  /** `--profile`; else ROSTER_PROFILE; else the default profile. */
  profile?: string | undefined;
  /** `--server`, overriding the profile's. */
  server?: string | undefined;
}

/**
 * The sign-in to use: environment variables (ROSTER_SERVER, ROSTER_CLIENT_ID, ROSTER_CLIENT_SECRET)
 * override the chosen profile field by field, and `--server` overrides both.
 */
export async function resolveProfile(
  choice: ProfileChoice,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ name: string; profile: Profile }> {
  const config = await readConfig();
  const name = choice.profile ?? env.ROSTER_PROFILE ?? config.defaultProfile ?? DEFAULT_PROFILE;
  const saved = config.profiles[name];
  if ((choice.profile || env.ROSTER_PROFILE) && !saved) {
    throw new CliError(
      `no profile named "${name}"; sign in with: roster login --profile ${name}`,
      EXIT.USAGE,
    );
  }
  const server = choice.server ?? env.ROSTER_SERVER ?? saved?.server;
  const clientId = env.ROSTER_CLIENT_ID ?? saved?.clientId;
  const clientSecret = env.ROSTER_CLIENT_SECRET ?? saved?.clientSecret;
  if (!server || !clientId || !clientSecret) {
    throw new CliError(
      'not signed in: run `roster login --server URL` (or set ROSTER_SERVER, ROSTER_CLIENT_ID and ROSTER_CLIENT_SECRET)',
      EXIT.USAGE,
    );
  }
  return { name, profile: { server: normalizeServer(server), clientId, clientSecret } };
}

export function normalizeServer(server: string): string {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new CliError(`server "${server}" is not a URL (for example http://127.0.0.1:8080)`, EXIT.USAGE);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError(`server "${server}" must be an http:// or https:// URL`, EXIT.USAGE);
  }
  return url.toString().replace(/\/+$/, '');
}

/** Tokens are cached per server and client, so env-only sign-ins are cached too. */
const tokenKey = (profile: Profile) =>
  createHash('sha256')
    .update(`${profile.server}\n${profile.clientId}\n${profile.clientSecret}`)
    .digest('hex');

export async function cachedToken(profile: Profile, now: number): Promise<string | undefined> {
  const cache = await readJson<TokenCache>(tokensPath(), {});
  const entry = cache[tokenKey(profile)];
  return entry && entry.expiresAt > now ? entry.accessToken : undefined;
}

export async function cacheToken(profile: Profile, token: CachedToken): Promise<void> {
  const cache = await readJson<TokenCache>(tokensPath(), {});
  const now = Date.now();
  for (const [key, entry] of Object.entries(cache)) if (entry.expiresAt <= now) delete cache[key];
  cache[tokenKey(profile)] = token;
  await writePrivateJson(tokensPath(), cache);
}

export async function forgetToken(profile: Profile): Promise<void> {
  const cache = await readJson<TokenCache>(tokensPath(), {});
  delete cache[tokenKey(profile)];
  await writePrivateJson(tokensPath(), cache);
}
