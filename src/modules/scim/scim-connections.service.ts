import { createHash, randomBytes } from 'node:crypto';
import type { PublicUrl } from '../../config.js';
import type { Db } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { SystemLogOperation } from '../../lib/vocabulary.js';
import { type AppsService, releaseScimEntitlements, type SystemLog } from './ports.js';
import {
  findConnection,
  findConnectionByTokenHash,
  insertConnection,
  listConnections,
  type ScimConnectionRow,
  updateConnection,
} from './scim.repository.js';

export interface ScimConnectionsDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
  readonly apps: Pick<AppsService, 'create'>;
  /** Roster's public URL, for the base URL an identity provider is given. */
  readonly publicUrl: PublicUrl;
}

/** The token's fixed prefix, so a leaked one is recognisable by secret scanners. */
const TOKEN_PREFIX = 'roster-scim-';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** 256 random bits: a token is a long-lived credential that can create and delete users. */
const newToken = () => `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;

export type ScimConnectionsService = ReturnType<typeof createScimConnectionsService>;

export function createScimConnectionsService(deps: ScimConnectionsDeps) {
  const { db, clock, systemLog } = deps;

  const baseUrlOf = (id: string) => new URL(`/scim/v2/${id}`, deps.publicUrl()).toString();

  async function get(id: string): Promise<ScimConnectionRow> {
    const row = await findConnection(db, id);
    if (!row) throw notFound('SCIM connection', id);
    return row;
  }

  /** A new token for the connection, replacing any other at once; only its hash is kept. */
  async function issueToken(actor: Actor, id: string, operation: SystemLogOperation): Promise<string> {
    const token = newToken();
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const at = now.toISOString();
      await updateConnection(trx, id, { token_hash: hashToken(token), token_issued_at: at, updated_at: at });
      await systemLog.record(trx, [
        {
          operation,
          activity: 'update',
          targetType: 'scim_connection',
          targetId: id,
          actor,
          occurredAt: now,
        },
      ]);
    });
    return token;
  }

  return {
    baseUrlOf,

    /** Creates the connection and its manually managed app; the token is returned this once. */
    async create(
      actor: Actor,
      displayName: string,
    ): Promise<{ connection: ScimConnectionRow; token: string }> {
      const app = await deps.apps.create(actor, {
        displayName,
        description: 'Groups pushed by an identity provider over SCIM 2.0',
      });
      const now = clock.now();
      const at = now.toISOString();
      const token = newToken();
      const row: ScimConnectionRow = {
        id: newId(now.getTime()),
        display_name: displayName,
        app_id: app.id,
        token_hash: hashToken(token),
        token_issued_at: at,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      };
      await db.transaction().execute(async (trx) => {
        await insertConnection(trx, row);
        await systemLog.record(trx, [
          {
            operation: 'scim_connection.created',
            activity: 'create',
            targetType: 'scim_connection',
            targetId: row.id,
            actor,
            occurredAt: now,
            details: { appId: app.id },
          },
        ]);
      });
      return { connection: row, token };
    },

    get,
    list: () => listConnections(db),

    async rotateToken(actor: Actor, id: string): Promise<{ connection: ScimConnectionRow; token: string }> {
      await get(id);
      const token = await issueToken(actor, id, 'scim_connection.token_rotated');
      return { connection: await get(id), token };
    },

    /** Revokes the token: the identity provider is refused until a new one is issued. */
    async revokeToken(actor: Actor, id: string): Promise<ScimConnectionRow> {
      await get(id);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await updateConnection(trx, id, { token_hash: null, updated_at: now.toISOString() });
        await systemLog.record(trx, [
          {
            operation: 'scim_connection.token_revoked',
            activity: 'update',
            targetType: 'scim_connection',
            targetId: id,
            actor,
            occurredAt: now,
          },
        ]);
      });
      return get(id);
    },

    /**
     * Deletes the connection and its token; the users, app and grants it made stay as they are, and
     * its groups become ordinary entitlements that the ConductorOne API may change.
     */
    async delete(actor: Actor, id: string): Promise<void> {
      await get(id);
      const now = clock.now();
      const at = now.toISOString();
      await db.transaction().execute(async (trx) => {
        await updateConnection(trx, id, { token_hash: null, deleted_at: at, updated_at: at });
        await releaseScimEntitlements(trx, id, at);
        await systemLog.record(trx, [
          {
            operation: 'scim_connection.deleted',
            activity: 'delete',
            targetType: 'scim_connection',
            targetId: id,
            actor,
            occurredAt: now,
          },
        ]);
      });
    },

    /** The connection a bearer token belongs to, if it is live. */
    authenticate(token: string): Promise<ScimConnectionRow | undefined> {
      return findConnectionByTokenHash(db, hashToken(token));
    },
  };
}
