/** Who caused a change, carried into every system-log event it writes (CONTRACT.md §7.11). */
export interface Actor {
  readonly userId: string;
  readonly clientId: string;
  readonly requestId: string;
  /** The caller's address, when the change came straight from an HTTP request. */
  readonly sourceIp?: string;
}

export const SYSTEM_ACTOR: Actor = { userId: '', clientId: '', requestId: '' };
