import type { Timestamp } from '../../db/columns.js';

/** A console sign-in (src/modules/console). */
export interface ConsoleSessionsTable {
  /** SHA-256 (base64url) of the session cookie's value. */
  id: string;
  user_id: string;
  client_row_id: string | null;
  method: 'client_secret' | 'oidc';
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  /** The absolute end of the session, whatever its use. */
  expires_at: Timestamp;
}

/** An OpenID Connect sign-in waiting for the provider's redirect back. */
export interface ConsoleOidcLoginsTable {
  /** SHA-256 (base64url) of the `state` sent to the provider. */
  id: string;
  code_verifier: string;
  nonce: string;
  created_at: Timestamp;
}

/** The tables the console module owns; src/db/schema.ts combines every module's into `Database`. */
export interface ConsoleTables {
  console_sessions: ConsoleSessionsTable;
  console_oidc_logins: ConsoleOidcLoginsTable;
}
