import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db } from '../../db/schema.js';
import { decodePageToken, type Page, pageSize, toPage } from '../../http/pagination.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { invalidArgument, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { SystemLog } from '../audit/system-log.service.js';
import { isKnownRole } from '../auth/roles.js';
import { findUserById, insertUsers, listUsers, type UserFilter, type UserRow } from './users.repository.js';

export interface UserInput {
  readonly displayName: string;
  readonly email: string;
  readonly username?: string | undefined;
  readonly roleIds?: readonly string[];
}

export interface UsersServiceDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
}

export type UsersService = ReturnType<typeof createUsersService>;

export function createUsersService(deps: UsersServiceDeps) {
  const { db, clock, systemLog } = deps;

  function newUserRow(input: UserInput, now: Date): UserRow {
    const at = now.toISOString();
    return {
      id: newId(now.getTime()),
      display_name: input.displayName,
      email: input.email,
      username: input.username || input.email,
      status: 'ENABLED',
      type: 'USER_TYPE_HUMAN',
      role_ids: JSON.stringify(input.roleIds ?? []),
      profile: '{}',
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
  }

  /** Creates users in one transaction with one system-log event each. */
  async function createMany(actor: Actor, inputs: readonly UserInput[]): Promise<UserRow[]> {
    const now = clock.now();
    for (const input of inputs) {
      const unknown = input.roleIds?.find((id) => !isKnownRole(id));
      if (unknown !== undefined) {
        throw invalidArgument(
          `roleIds names ${JSON.stringify(unknown)}, which is not a role`,
          'UNKNOWN_ROLE',
          {
            id: unknown,
          },
        );
      }
    }
    const rows = inputs.map((input) => newUserRow(input, now));
    await db.transaction().execute(async (trx) => {
      await insertUsers(trx, rows, deps.dialect.maxParameters);
      await systemLog.record(
        trx,
        rows.map((row) => ({
          operation: 'user.created',
          activity: 'create' as const,
          targetType: 'user',
          targetId: row.id,
          actor,
          occurredAt: now,
        })),
      );
    });
    return rows;
  }

  return {
    async create(actor: Actor, input: UserInput): Promise<UserRow> {
      const [row] = await createMany(actor, [input]);
      return row as UserRow;
    },

    import: createMany,

    async get(id: string): Promise<UserRow> {
      const row = await findUserById(db, id);
      if (!row) throw notFound('user', id);
      return row;
    },

    async list(
      filter: Omit<UserFilter, 'afterId' | 'limit'> & { pageSize?: number | null; pageToken?: string | null },
    ): Promise<Page<UserRow>> {
      const size = pageSize(filter.pageSize ?? undefined);
      const rows = await listUsers(db, {
        ...filter,
        afterId: decodePageToken(filter.pageToken ?? undefined),
        limit: size + 1,
      });
      return toPage(rows, size);
    },
  };
}
