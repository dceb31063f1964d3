import { randomBytes } from 'node:crypto';
import type { PublicUrl } from '../../config.js';
import type { Db } from '../../db/schema.js';
import { keysetPage } from '../../http/pagination.js';
import type { Principal } from '../../http/principal.js';
import { planUpdate, type UpdateRules } from '../../http/update-mask.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, invalidArgument, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { isKnownRole } from '../../lib/roles.js';
import { normalizeCidrs } from '../../lib/source-address.js';
import type { SystemLogActivity, SystemLogOperation } from '../../lib/vocabulary.js';
import type { SystemLog } from '../audit/index.js';
import { writeUpdate } from '../audit/index.js';
import { findUserById } from '../users/index.js';
import { generateClientKey } from './client-secret.js';
import {
  type ApiClientRow,
  findClientById,
  insertClient,
  listClientsOfUser,
  searchClients,
  updateClient,
} from './clients.repository.js';
import {
  CLIENT_READ_ONLY_FIELDS,
  type NewPersonalClient,
  type PersonalClientPatch,
} from './personal-clients.schemas.js';
import type { TokenService } from './tokens.service.js';

export interface PersonalClientsDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
  readonly tokens: TokenService;
  /** Roster's public URL: client IDs are `<name>@<host and port>/pcc` (CONTRACT.md §2). */
  readonly publicUrl: PublicUrl;
}

export type PersonalClientsService = ReturnType<typeof createPersonalClientsService>;

/**
 * The scopedRoles a caller may give a client: known roles, and when the caller is itself a scoped
 * client, only roles it acts with, never none (none means "all of the user's roles"), so a
 * narrowed client can never mint a wider one. A new client made with none takes the caller's scope;
 * an update (`current`, the client's scope now) that would empty a scope is refused, naming the
 * field, rather than answered 200 with the scope kept: with a mask, exactly the listed fields
 * change (CONTRACT.md §7.6), so one that cannot is an error.
 */
function allowedScope(
  caller: Principal,
  forOwnUser: boolean,
  requested: readonly string[],
  current?: readonly string[],
): string[] {
  const unknown = requested.find((id) => !isKnownRole(id));
  if (unknown !== undefined) {
    throw invalidArgument(
      `scopedRoles names ${JSON.stringify(unknown)}, which is not a role`,
      'UNKNOWN_ROLE',
      {
        id: unknown,
      },
    );
  }
  const unique = [...new Set(requested)];
  if (!forOwnUser || caller.scopedRoles.length === 0) return unique;
  if (unique.length === 0 && current === undefined) return [...caller.roleIds];
  // Echoing back the scope of an unscoped client asks for no change.
  if (unique.length === 0 && current?.length === 0) return [];
  if (unique.length === 0) {
    throw invalidArgument(
      "scopedRoles cannot be emptied by a scoped client: an empty scope means all of the user's roles, " +
        'which a scoped client cannot grant; name the roles to keep, or make the change with an unscoped client',
      'FIELD_NOT_CHANGEABLE',
      { field: 'scopedRoles' },
    );
  }
  const wider = unique.find((id) => !caller.roleIds.includes(id));
  if (wider !== undefined) {
    throw new AppError(
      'PERMISSION_DENIED',
      `a scoped client cannot grant role ${wider}, which it does not act with`,
      'SCOPE_EXCEEDS_CALLER',
      { id: wider },
    );
  }
  return unique;
}

function durationMs(duration: string): number {
  return Math.round(Number(duration.slice(0, -1)) * 1000);
}

export function createPersonalClientsService(deps: PersonalClientsDeps) {
  const { db, clock, systemLog } = deps;

  /**
   * A live client the caller may see or change: its own (`clients:own` to see, `clients:own:write`
   * to change, checked by the route), or anyone's with `clients:read` to see and `clients:write` to
   * change.
   */
  async function visible(caller: Principal, id: string, write: boolean): Promise<ApiClientRow> {
    const row = await findClientById(db, id);
    const may = write ? caller.permissions.has('clients:write') : caller.permissions.has('clients:read');
    // Someone else's client is as unknown as a missing one, unless the caller administers clients.
    if (!row || row.deleted_at !== null || (row.user_id !== caller.userId && !may)) {
      throw notFound('personal client', id);
    }
    return row;
  }

  /**
   * A scoped client never changes or deletes a client of its user that acts with more roles than it
   * does (an unscoped one acts with all of the user's roles): it could not have made that client, and
   * renaming or deleting it would reach past its scope (CONTRACT.md §7.10).
   */
  async function refuseWider(caller: Principal, target: ApiClientRow): Promise<void> {
    if (caller.scopedRoles.length === 0 || target.user_id !== caller.userId) return;
    const targetRoles =
      target.scoped_roles.length > 0
        ? target.scoped_roles
        : ((await findUserById(db, target.user_id))?.role_ids ?? []);
    const wider = targetRoles.find((role) => !caller.roleIds.includes(role));
    if (wider !== undefined) {
      throw new AppError(
        'PERMISSION_DENIED',
        `a scoped client cannot change or delete client ${target.id}, which acts with role ${wider} it does not hold`,
        'SCOPE_EXCEEDS_CALLER',
        { id: wider },
      );
    }
  }

  const event = (
    operation: Extract<SystemLogOperation, `api_client.${string}`>,
    activity: SystemLogActivity,
    row: ApiClientRow,
    actor: Actor,
  ) => ({
    operation,
    activity,
    targetType: 'api_client',
    targetId: row.id,
    actor,
    occurredAt: clock.now(),
    details: { clientId: row.client_id, userId: row.user_id },
  });

  return {
    /**
     * Creates a client for `forUserId` (the caller's own user for PC.Create). The secret is in the
     * answer only: Roster keeps the public key (CONTRACT.md §2).
     */
    async create(caller: Principal, actor: Actor, input: NewPersonalClient, forUserId = caller.userId) {
      const now = clock.now();
      const user = await findUserById(db, forUserId);
      if (!user || user.deleted_at !== null) throw notFound('user', forUserId);
      const scoped = allowedScope(caller, forUserId === caller.userId, input.scopedRoles ?? []);
      const cidrs = normalizeCidrs(input.allowSourceCidr ?? []);
      if (input.expires && durationMs(input.expires) <= 0) {
        throw invalidArgument('expires must be a positive duration', 'INVALID_EXPIRY');
      }
      const key = generateClientKey();
      const at = now.toISOString();
      const row: ApiClientRow = {
        id: newId(now.getTime()),
        client_id: `roster-${randomBytes(5).toString('hex')}@${deps.publicUrl().host}/pcc`,
        user_id: forUserId,
        display_name: input.displayName ?? '',
        public_key_x: key.publicKeyX,
        allow_source_cidr: cidrs,
        scoped_roles: scoped,
        expires_at: input.expires ? new Date(now.getTime() + durationMs(input.expires)).toISOString() : null,
        last_used_at: null,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      };
      await db.transaction().execute(async (trx) => {
        await insertClient(trx, row);
        await systemLog.record(trx, [event('api_client.created', 'create', row, actor)]);
      });
      return { row, secret: key.secret };
    },

    listOwn: (caller: Principal) => listClientsOfUser(db, caller.userId),

    get: (caller: Principal, id: string) => visible(caller, id, false),

    async search(filter: { query?: string; userIds?: string[]; pageSize?: number; pageToken?: string }) {
      return keysetPage(filter, (afterId, limit) =>
        searchClients(db, { query: filter.query, userIds: filter.userIds, afterId, limit }),
      );
    },

    /** CONTRACT.md §7.6. A change takes effect for the client's tokens at once in this process. */
    async update(
      caller: Principal,
      actor: Actor,
      id: string,
      patch: PersonalClientPatch | null | undefined,
      mask: string[] | undefined,
    ): Promise<ApiClientRow> {
      const current = await visible(caller, id, true);
      const rules: UpdateRules<PersonalClientPatch, ApiClientRow> = {
        displayName: (v) => ({ display_name: v ?? '' }),
        allowSourceCidr: (v) => ({ allow_source_cidr: normalizeCidrs(v ?? []) }),
        scopedRoles: (v) => ({
          scoped_roles: allowedScope(
            caller,
            current.user_id === caller.userId,
            v ?? [],
            current.scoped_roles,
          ),
        }),
        expiresTime: (v) => ({ expires_at: v ? new Date(v).toISOString() : null }),
      };
      const plan = planUpdate('PersonalClient', current, patch, mask, rules, CLIENT_READ_ONLY_FIELDS);
      if (plan.fields.length === 0) return current;
      await refuseWider(caller, current);
      const changes = await db.transaction().execute((trx) =>
        writeUpdate(trx, deps, plan, (written) => updateClient(trx, id, written), {
          operation: 'api_client.updated',
          targetType: 'api_client',
          targetId: id,
          actor,
        }),
      );
      deps.tokens.forgetClient(id);
      return { ...current, ...changes };
    },

    /** Soft delete; the client gets no new tokens and its tokens stop working (at once here, ≤ 5 s elsewhere). */
    async delete(caller: Principal, actor: Actor, id: string): Promise<void> {
      const current = await visible(caller, id, true);
      await refuseWider(caller, current);
      const at = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await updateClient(trx, id, { deleted_at: at, updated_at: at });
        await systemLog.record(trx, [event('api_client.deleted', 'delete', current, actor)]);
      });
      deps.tokens.forgetClient(id);
    },
  };
}
