/** Who caused a change, carried into every system-log event it writes (CONTRACT.md §7.11). */
export interface Actor {
  readonly userId: string;
  readonly clientId: string;
  readonly requestId: string;
}

export const SYSTEM_ACTOR: Actor = { userId: '', clientId: '', requestId: '' };
