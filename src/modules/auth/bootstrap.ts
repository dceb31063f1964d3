import fs from 'node:fs/promises';
import path from 'node:path';
import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db } from '../../db/schema.js';
import { SYSTEM_ACTOR } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { SUPER_ADMIN_ROLE } from '../../lib/roles.js';
import type { SystemLog } from '../audit/index.js';
import type { UsersService } from '../users/index.js';
import { generateClientKey } from './client-secret.js';
import { countClients, findClientByClientId, insertClient } from './clients.repository.js';

export interface BootstrapDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
  readonly users: Pick<UsersService, 'createSystemUserInTransaction'>;
  /** Host (and port) clients reach Roster at: it goes into the client ID, `<name>@<host>/pcc`. */
  readonly publicHost: string;
  readonly dataDir: string;
}

export const CREDENTIALS_FILE = 'admin-credentials.json';

/**
 * On first start (no API client exists) creates a bootstrap admin user with the Super Admin role and
 * an API client for it, and writes the client's credentials to `<data dir>/admin-credentials.json`
 * with mode 0600. The secret is written to `admin-credentials.json.partial` before the transaction
 * commits, so a committed client always has its secret on disk, and renamed once it has committed,
 * so whoever reads `admin-credentials.json` can use it at once. If the commit fails the partial file
 * is removed; if the process dies between commit and rename, the next start finishes the rename
 * (or removes a partial file whose client never committed). Returns the file's path when it created
 * one.
 */
export async function bootstrapAdminClient(deps: BootstrapDeps): Promise<string | undefined> {
  const file = path.join(deps.dataDir, CREDENTIALS_FILE);
  const partial = `${file}.partial`;
  await settlePartialFile(deps.db, file, partial);
  const now = deps.clock.now();
  const at = now.toISOString();
  const key = generateClientKey();
  const clientRowId = newId(now.getTime());
  const suffix = Math.floor(Math.random() * 90_000 + 10_000);
  const clientId = `roster-admin-${suffix}@${deps.publicHost}/pcc`;

  let wroteFile = false;
  try {
    const created = await deps.db.transaction().execute(async (trx) => {
      await deps.dialect.serialize(trx, 'roster.bootstrap');
      if ((await countClients(trx)) > 0) return undefined;
      const admin = await deps.users.createSystemUserInTransaction(
        trx,
        SYSTEM_ACTOR,
        {
          displayName: 'Roster Admin',
          email: 'admin@roster.invalid',
          username: 'roster-admin',
          roleIds: [SUPER_ADMIN_ROLE.id],
        },
        now,
      );
      await insertClient(trx, {
        id: clientRowId,
        client_id: clientId,
        user_id: admin.id,
        display_name: 'Bootstrap admin',
        public_key_x: key.publicKeyX,
        allow_source_cidr: [],
        scoped_roles: [],
        expires_at: null,
        last_used_at: null,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      });
      await deps.systemLog.record(trx, [
        {
          operation: 'api_client.created',
          activity: 'create',
          targetType: 'api_client',
          targetId: clientRowId,
          actor: SYSTEM_ACTOR,
          occurredAt: now,
          details: { clientId, bootstrap: true },
        },
      ]);
      await fs.mkdir(deps.dataDir, { recursive: true });
      await fs.writeFile(partial, `${JSON.stringify({ clientId, clientSecret: key.secret }, null, 2)}\n`, {
        mode: 0o600,
      });
      // writeFile keeps the mode of a file that already exists.
      await fs.chmod(partial, 0o600);
      wroteFile = true;
      return file;
    });
    if (created) await fs.rename(partial, file);
    return created;
  } catch (error) {
    if (wroteFile) await fs.rm(partial, { force: true });
    throw error;
  }
}

/** A partial file left by a process that died after writing it: kept if its client committed. */
async function settlePartialFile(db: Db, file: string, partial: string): Promise<void> {
  let text: string;
  try {
    text = await fs.readFile(partial, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  let clientId: unknown;
  try {
    clientId = (JSON.parse(text) as { clientId?: unknown }).clientId;
  } catch {
    clientId = undefined;
  }
  const committed = typeof clientId === 'string' && (await findClientByClientId(db, clientId)) !== undefined;
  if (committed) await fs.rename(partial, file);
  else await fs.rm(partial, { force: true });
}
