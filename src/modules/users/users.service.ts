import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db, Executor } from '../../db/schema.js';
import {
  decodePageToken,
  encodePageToken,
  fetchPage,
  keysetPage,
  type Page,
  type PageRequest,
  pageSize,
} from '../../http/pagination.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, invalidArgument, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { isKnownRole } from '../../lib/roles.js';
import { settleMemorySoon } from '../../lib/settle-memory.js';
import type { SystemLog } from '../audit/index.js';
import { type Resolution, resolvePeople } from './resolve-people.js';
import {
  findLiveUsersByEmails,
  findUserById,
  findUsersByIds,
  insertUsers,
  listSharedEmails,
  listUsers,
  type SharedEmail,
  USER_DISABLED,
  USER_ENABLED,
  type UserFilter,
  type UserRow,
  updateUser,
} from './users.repository.js';

export interface UserInput {
  readonly displayName: string;
  readonly email: string;
  readonly username?: string | undefined;
  readonly roleIds?: readonly string[];
}

/** The fields a directory (a SCIM connection) keeps current, beside the ones people edit. */
export interface DirectoryUserInput {
  readonly displayName: string;
  readonly email: string;
  readonly username: string;
  readonly enabled: boolean;
  readonly department: string;
  readonly managerIds: readonly string[];
  readonly employeeIds: readonly string[];
}

export interface UsersServiceDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
  /** Called after a user's roles changed, so cached permissions can be dropped. */
  readonly onRolesChanged?: (userId: string) => void;
  /**
   * Revokes every grant the user holds, inside the deleting transaction, and says how many: grants
   * sit above users, so the container passes this in (a deleted person holds nothing, §7.12).
   */
  readonly revokeGrantsOfUser: (trx: Executor, userId: string, actor: Actor, now: Date) => Promise<number>;
}

export type UsersService = ReturnType<typeof createUsersService>;

/** An email a write would give a second live user: who has it already, or the other inputs giving it. */
interface EmailClash {
  readonly email: string;
  readonly userId?: string;
  /** Positions (from 1) of the inputs of one import that give the same email. */
  readonly positions?: readonly number[];
}

/**
 * The lock a claim of `email` takes: one of EMAIL_LOCKS, not one per email, since PostgreSQL holds
 * advisory locks in its shared lock table until commit, and an import of 100,000 users taking one
 * each would exhaust it (`max_locks_per_transaction`). Emails sharing a lock only wait for each other.
 */
const EMAIL_LOCKS = 256;
function emailLockKey(email: string): string {
  let hash = 0;
  for (let i = 0; i < email.length; i++) hash = (hash * 31 + email.charCodeAt(i)) >>> 0;
  return `roster:user-email:${hash % EMAIL_LOCKS}`;
}

/** Users an import builds and writes at a time, inside its one transaction. */
const CREATE_SLICE = 1_000;

/** How many clashes an error message lists; the rest are counted. */
const LISTED_CLASHES = 20;

function emailTaken(clashes: readonly EmailClash[]): AppError {
  const [first] = clashes;
  const line = (c: EmailClash) =>
    c.userId !== undefined
      ? `${JSON.stringify(c.email)} already belongs to user ${c.userId}`
      : `${JSON.stringify(c.email)} is given to users ${c.positions?.join(', ')} of this import`;
  const listed = clashes.slice(0, LISTED_CLASHES).map(line).join('; ');
  const more = clashes.length > LISTED_CLASHES ? `; and ${clashes.length - LISTED_CLASHES} more` : '';
  const prefix = clashes.length === 1 ? 'email' : `${clashes.length} emails clash, nothing was written:`;
  return new AppError(
    'ALREADY_EXISTS',
    `${prefix} ${listed}${more} (a live user's email is unique, ignoring case)`,
    'EMAIL_TAKEN',
    { email: first?.email ?? '', userId: first?.userId ?? '', clashes: String(clashes.length) },
  );
}

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
      role_ids: [...(input.roleIds ?? [])],
      profile: {},
      department: '',
      manager_ids: [],
      employee_ids: [],
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
  }

  function checkRoles(roleIds: readonly string[] | undefined): void {
    const unknown = roleIds?.find((id) => !isKnownRole(id));
    if (unknown !== undefined) {
      throw invalidArgument(`roleIds names ${JSON.stringify(unknown)}, which is not a role`, 'UNKNOWN_ROLE', {
        id: unknown,
      });
    }
  }

  /**
   * Refuses (EMAIL_TAKEN) when any of `claims` would give a live user an email another live user has,
   * or that two claims give, compared ignoring case; empty emails claim nothing. Runs in the writing
   * transaction under its email's lock across processes (`serializeEach`, emailLockKey), so two
   * writers cannot both see an email free. A database index cannot hold this: data stored before may hold duplicates,
   * which are reported (listSharedEmails), not merged.
   */
  async function claimEmails(
    trx: Executor,
    claims: ReadonlyArray<{ readonly email: string; readonly selfId?: string }>,
  ): Promise<void> {
    const positions = new Map<string, number[]>();
    claims.forEach((claim, i) => {
      const key = claim.email.toLowerCase();
      if (key !== '') positions.set(key, [...(positions.get(key) ?? []), i + 1]);
    });
    const keys = [...positions.keys()];
    if (keys.length === 0) return;
    await deps.dialect.serializeEach(trx, [...new Set(keys.map(emailLockKey))]);
    const selfIds = claims.flatMap((c) => (c.selfId === undefined ? [] : [c.selfId]));
    const holders = new Map<string, string>();
    for (const holder of await findLiveUsersByEmails(trx, keys, selfIds)) {
      if (!holders.has(holder.key)) holders.set(holder.key, holder.id);
    }
    const clashes: EmailClash[] = [];
    for (const [email, at] of positions) {
      const userId = holders.get(email);
      if (userId !== undefined) clashes.push({ email, userId });
      else if (at.length > 1) clashes.push({ email, positions: at });
    }
    if (clashes.length > 0) throw emailTaken(clashes);
  }

  /**
   * Creates users in one transaction with one system-log event each; returns their IDs in input
   * order. The emails are claimed for all of them first; then the rows and their events are built
   * and written a slice at a time, so an import of 100,000 users holds one slice's rows, not all of
   * them (what a slice leaves behind dies young instead of filling the old generation).
   */
  async function createMany(actor: Actor, inputs: readonly UserInput[]): Promise<string[]> {
    const now = clock.now();
    for (const input of inputs) checkRoles(input.roleIds);
    const ids: string[] = [];
    const write = () =>
      db.transaction().execute(async (trx) => {
        await claimEmails(trx, inputs);
        for (let i = 0; i < inputs.length; i += CREATE_SLICE) {
          const rows = inputs.slice(i, i + CREATE_SLICE).map((input) => newUserRow(input, now));
          await insertClaimed(trx, actor, rows, now);
          for (const row of rows) ids.push(row.id);
        }
      });
    if (inputs.length > CREATE_SLICE) {
      await deps.dialect.largeWrite(db, write);
      settleMemorySoon();
    } else {
      await write();
    }
    return ids;
  }

  /** Inserts new users with a `user.created` event each, in the caller's transaction. */
  async function insertCreated(trx: Executor, actor: Actor, rows: UserRow[], now: Date): Promise<void> {
    await claimEmails(trx, rows);
    await insertClaimed(trx, actor, rows, now);
  }

  /** insertCreated once the rows' emails are claimed. */
  async function insertClaimed(trx: Executor, actor: Actor, rows: UserRow[], now: Date): Promise<void> {
    await insertUsers(trx, rows, deps.dialect);
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
  }

  function directoryColumns(input: DirectoryUserInput) {
    return {
      display_name: input.displayName,
      email: input.email,
      username: input.username,
      status: input.enabled ? USER_ENABLED : USER_DISABLED,
      department: input.department,
      manager_ids: [...input.managerIds],
      employee_ids: [...input.employeeIds],
    };
  }

  return {
    /** Creates a user a directory manages, inside the caller's transaction, with its event. */
    async createInTransaction(
      trx: Executor,
      actor: Actor,
      input: DirectoryUserInput,
      now: Date,
    ): Promise<UserRow> {
      const row: UserRow = {
        ...newUserRow({ displayName: input.displayName, email: input.email }, now),
        ...directoryColumns(input),
      };
      await insertCreated(trx, actor, [row], now);
      return row;
    },

    /**
     * Creates Roster's own system user with `roleIds`, inside the caller's transaction, with its
     * event: the first start's bootstrap admin (src/modules/auth/bootstrap.ts).
     */
    async createSystemUserInTransaction(
      trx: Executor,
      actor: Actor,
      input: { displayName: string; email: string; username: string; roleIds: readonly string[] },
      now: Date,
    ): Promise<UserRow> {
      const row: UserRow = {
        ...newUserRow({ displayName: input.displayName, email: input.email, username: input.username }, now),
        type: 'USER_TYPE_SYSTEM',
        role_ids: [...input.roleIds],
      };
      await insertCreated(trx, actor, [row], now);
      return row;
    },

    /**
     * Makes a directory-managed user's fields `input`, inside the caller's transaction; logs what
     * changed (`user.disabled` / `user.enabled` when only the status moved). Returns the new row.
     */
    async replaceInTransaction(
      trx: Executor,
      actor: Actor,
      current: UserRow,
      input: DirectoryUserInput,
      now: Date,
    ): Promise<UserRow> {
      const next = directoryColumns(input);
      const changed = (Object.keys(next) as Array<keyof typeof next>).filter(
        (k) => JSON.stringify(next[k]) !== JSON.stringify(current[k]),
      );
      if (changed.length === 0) return current;
      if (changed.includes('email')) await claimEmails(trx, [{ email: next.email, selfId: current.id }]);
      const updated = { ...current, ...next, updated_at: now.toISOString() };
      await updateUser(trx, current.id, { ...next, updated_at: updated.updated_at });
      const statusOnly = changed.length === 1 && changed[0] === 'status';
      const operation = statusOnly ? (input.enabled ? 'user.enabled' : 'user.disabled') : 'user.updated';
      await systemLog.record(trx, [
        {
          operation,
          activity: 'update',
          targetType: 'user',
          targetId: current.id,
          actor,
          occurredAt: now,
          details: { changed },
        },
      ]);
      return updated;
    },

    /**
     * Soft-deletes a user inside the caller's transaction and revokes every grant they hold, with
     * REMOVED history and the actor named in the system log (CONTRACT.md §7.12).
     */
    async deleteInTransaction(trx: Executor, actor: Actor, id: string, now: Date): Promise<void> {
      const at = now.toISOString();
      await updateUser(trx, id, { deleted_at: at, updated_at: at, status: 'DELETED' });
      const revoked = await deps.revokeGrantsOfUser(trx, id, actor, now);
      await systemLog.record(trx, [
        {
          operation: 'user.deleted',
          activity: 'delete',
          targetType: 'user',
          targetId: id,
          actor,
          occurredAt: now,
          details: { revokedGrants: revoked },
        },
      ]);
    },

    async findInTransaction(trx: Executor, id: string): Promise<UserRow | undefined> {
      return findUserById(trx, id);
    },

    findManyInTransaction(trx: Executor, ids: readonly string[]): Promise<UserRow[]> {
      return findUsersByIds(trx, ids);
    },

    async create(actor: Actor, input: UserInput): Promise<UserRow> {
      const now = clock.now();
      checkRoles(input.roleIds);
      const row = newUserRow(input, now);
      await db.transaction().execute((trx) => insertCreated(trx, actor, [row], now));
      return row;
    },

    import: createMany,

    /**
     * Changes the fields given (a Roster extension: ConductorOne users come from directories). A
     * change of roles takes effect on the user's tokens at once in this process, and within the
     * token service's cache time in others.
     */
    async update(actor: Actor, id: string, changes: Partial<UserInput>): Promise<UserRow> {
      checkRoles(changes.roleIds);
      const current = await findUserById(db, id);
      if (!current || current.deleted_at !== null) throw notFound('user', id);
      const next = {
        display_name: changes.displayName ?? current.display_name,
        email: changes.email ?? current.email,
        username: changes.username ?? current.username,
        role_ids: changes.roleIds ? [...new Set(changes.roleIds)] : current.role_ids,
      };
      const changed = (Object.keys(next) as Array<keyof typeof next>).filter((column) =>
        column === 'role_ids'
          ? next.role_ids.join() !== current.role_ids.join()
          : next[column] !== current[column],
      );
      if (changed.length === 0) return current;
      const now = clock.now();
      const updated = { ...current, ...next, updated_at: now.toISOString() };
      await db.transaction().execute(async (trx) => {
        if (changed.includes('email')) await claimEmails(trx, [{ email: next.email, selfId: id }]);
        await updateUser(trx, id, { ...next, updated_at: updated.updated_at });
        await systemLog.record(trx, [
          {
            operation: 'user.updated',
            activity: 'update',
            targetType: 'user',
            targetId: id,
            actor,
            occurredAt: now,
            details: {
              changed,
              ...(changed.includes('role_ids')
                ? { previousRoleIds: current.role_ids, roleIds: next.role_ids }
                : {}),
            },
          },
        ]);
      });
      if (changed.includes('role_ids')) deps.onRolesChanged?.(id);
      return updated;
    },

    async get(id: string): Promise<UserRow> {
      const row = await findUserById(db, id);
      if (!row) throw notFound('user', id);
      return row;
    },

    async list(
      filter: Omit<UserFilter, 'afterId' | 'limit'> & { pageSize?: number | null; pageToken?: string | null },
    ): Promise<Page<UserRow>> {
      return keysetPage(filter, (afterId, limit) => listUsers(db, { ...filter, afterId, limit }));
    },

    /**
     * Emails several live users have, ignoring case, in email order: stored before a live user's
     * email was unique, and reported here (and at start-up) rather than merged.
     */
    listSharedEmails(request: PageRequest): Promise<Page<SharedEmail>> {
      const afterEmail = decodePageToken(request.pageToken ?? undefined);
      return fetchPage(
        pageSize(request.pageSize ?? undefined),
        (limit) => listSharedEmails(db, { afterEmail, limit }),
        (last) => encodePageToken(last.email),
      );
    },

    /** The users a list of emails and user IDs names, and why each other input names no one. */
    resolve(inputs: readonly string[]): Promise<Resolution> {
      return resolvePeople(db, inputs);
    },
  };
}
