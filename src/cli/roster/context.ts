import * as prompts from '@clack/prompts';
import type { Command } from 'commander';
import { RosterClient } from './client.js';
import { CliError, EXIT } from './exit-codes.js';
import { type OutputFormat, parseFormat } from './output.js';
import { resolveProfile } from './profiles.js';

/** The options every command takes (declared on the program). */
export interface GlobalOptions {
  profile?: string;
  server?: string;
  output?: string;
}

export interface Context {
  client: RosterClient;
  format: OutputFormat;
}

export function globals(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

/** The signed-in client and output format for a command. */
export async function contextOf(command: Command): Promise<Context> {
  const options = globals(command);
  const { profile } = await resolveProfile({ profile: options.profile, server: options.server });
  return { client: new RosterClient(profile), format: parseFormat(options.output) };
}

export const interactive = () => Boolean(process.stdin.isTTY && process.stderr.isTTY);

/**
 * Asks before a change; `--yes` skips the question. Without a terminal to ask on, the change is not
 * made (a script must say --yes).
 */
export async function confirm(question: string, yes: boolean | undefined): Promise<void> {
  if (yes) return;
  if (!interactive()) {
    throw new CliError(
      `${question} Not confirmed: rerun with --yes to proceed without a terminal`,
      EXIT.ABORTED,
    );
  }
  const answer = await prompts.confirm({ message: question, output: process.stderr });
  if (prompts.isCancel(answer) || answer !== true)
    throw new CliError('Cancelled; nothing was sent.', EXIT.ABORTED);
}

/** Reads a whole number option. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new CliError(`"${value}" is not a positive whole number`, EXIT.USAGE);
  return n;
}

/** Reads a date option as RFC 3339 (the API's timestamp form); a bare date means its midnight UTC. */
export function timestamp(value: string): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) {
    throw new CliError(
      `"${value}" is not a date (for example 2026-01-31 or 2026-01-31T12:00:00Z)`,
      EXIT.USAGE,
    );
  }
  return date.toISOString();
}

/** Collects a repeatable option's values. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The object a `$.expanded[N]` path points at (CONTRACT.md §1, Wrappers). */
export function expandedAt<T>(expanded: unknown[] | undefined, path: string): T | undefined {
  const match = /^\$\.expanded\[(\d+)\]$/.exec(path);
  return match ? (expanded?.[Number(match[1])] as T | undefined) : undefined;
}
