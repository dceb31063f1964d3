/** The `roster` command's exit codes, listed in `roster --help` and the README. */
export const EXIT = {
  OK: 0,
  /** A fault: the server answered 5xx, the network failed, or the CLI hit a bug. */
  ERROR: 1,
  /** Bad arguments, no usable profile, an unreadable or empty input file, an ambiguous name. */
  USAGE: 2,
  /** The API refused the request (4xx other than 401/403): not found, invalid, stale version. */
  REFUSED: 3,
  /** Sign-in failed or the caller lacks the permission. */
  AUTH: 4,
  /** The change ran but some inputs failed (unknown users, FAILED items). */
  PARTIAL: 5,
  /** A confirmation was declined, or needed without a terminal and without --yes. */
  ABORTED: 6,
  /** A --dry-run that found no problem: nothing was sent, so a script never takes it for the change. */
  DRY_RUN: 7,
  /** A --dry-run that found inputs the change would refuse (listed on stderr); nothing was sent. */
  DRY_RUN_PROBLEMS: 8,
  /** Interrupted by Ctrl-C; running the same command again resumes without doubling anything. */
  INTERRUPTED: 130,
} as const;

export const EXIT_CODES_HELP = `Exit codes:
  0    success
  1    fault: server error (5xx), network failure, or a bug
  2    usage: bad arguments, no usable profile, unreadable or empty input file, ambiguous name
  3    refused: the API answered 4xx (not found, invalid input, stale version, ...)
  4    authentication or permission failure (401/403, credentials refused)
  5    partial failure: the change ran but some inputs failed (see --report)
  6    aborted: confirmation declined, or needed without a terminal and without --yes
  7    dry run (--dry-run): nothing was sent; every input would be applied
  8    dry run (--dry-run): nothing was sent; some inputs would be refused (listed on stderr)
  130  interrupted (Ctrl-C); rerun the same command to resume without doubling anything`;

/** An error the CLI reports on stderr and exits with, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
