import type { Audited, JsonText, Timestamp } from '../../db/columns.js';

export interface ApiClientsTable extends Audited {
  id: string;
  client_id: string;
  user_id: string;
  display_name: string;
  /** The `x` of the client's Ed25519 public JWK; the private half is never stored. */
  public_key_x: string;
  allow_source_cidr: JsonText;
  scoped_roles: JsonText;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface SigningKeysTable {
  id: string;
  secret: string;
  created_at: Timestamp;
}

export interface UsedAssertionsTable {
  hash: string;
  expires_at: Timestamp;
}

/** The tables the auth module owns; src/db/schema.ts combines every module's into `Database`. */
export interface AuthTables {
  api_clients: ApiClientsTable;
  signing_keys: SigningKeysTable;
  used_assertions: UsedAssertionsTable;
}
