import { type ScimPatchOperation, type ScimResource as ScimPatchResource, scimPatch } from 'scim-patch';
import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db, Executor } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { isNotAUser, refusalOf } from '../../lib/user-refusal.js';
import type { DirectoryUserInput, SystemLog, UserRow, UsersService } from './ports.js';
import { checkIfMatch, type ScimContext } from './scim.context.js';
import { invalidValue, ScimError, scimNotFound } from './scim.errors.js';
import { parseFilter } from './scim.filter.js';
import { patchOperations } from './scim.patch.js';
import { indexedEquality, type ListQuery, listOf, project } from './scim.projection.js';
import {
  deleteScimUser,
  insertScimUser,
  listScimUsers,
  type ScimUserLookup,
  updateScimUser,
} from './scim.repository.js';
import { isObject, type ScimResource } from './scim.schemas.js';
import type { ScimUserRecord } from './scim-user.resource.js';

type PatchTarget = ScimPatchResource & Record<string, unknown>;

import { readUserInput, toUserResource, USER_TRAITS, type UserInput } from './scim-user.resource.js';

export interface ScimUsersDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
  readonly users: Pick<
    UsersService,
    | 'createInTransaction'
    | 'replaceInTransaction'
    | 'deleteInTransaction'
    | 'findInTransaction'
    | 'findManyInTransaction'
  >;
}

export type ScimUsersService = ReturnType<typeof createScimUsersService>;

const uniqueness = (userName: string) =>
  new ScimError(
    409,
    `userName ${JSON.stringify(userName)} is already taken in this connection`,
    'uniqueness',
  );

export function createScimUsersService(deps: ScimUsersDeps) {
  const { db, dialect, clock, users, systemLog } = deps;

  const location = (ctx: ScimContext, id: string) => `${ctx.baseUrl}/Users/${id}`;
  const resourceOf = (ctx: ScimContext, record: ScimUserRecord) =>
    toUserResource(record, location(ctx, record.user.id));

  /** The connection's users (mapping and Roster user) a look-up names; deleted users are gone. */
  async function records(
    executor: Executor,
    ctx: ScimContext,
    lookup: ScimUserLookup,
  ): Promise<ScimUserRecord[]> {
    const mappings = await listScimUsers(executor, ctx.connection.id, lookup);
    const users = new Map<string, UserRow>();
    for (let i = 0; i < mappings.length; i += 1_000) {
      const ids = mappings.slice(i, i + 1_000).map((m) => m.user_id);
      for (const u of await deps.users.findManyInTransaction(executor, ids)) users.set(u.id, u);
    }
    return mappings.flatMap((scim) => {
      const user = users.get(scim.user_id);
      return user && user.deleted_at === null ? [{ user, scim }] : [];
    });
  }

  async function find(executor: Executor, ctx: ScimContext, id: string): Promise<ScimUserRecord> {
    const [record] = await records(executor, ctx, { userId: id });
    if (!record) throw scimNotFound('User', id);
    return record;
  }

  /**
   * The Roster user a `manager` reference names: a user's ID (any Roster user; a disabled one may
   * still be a manager), else the one user of this connection with that externalId. `''` while it
   * names nobody yet: identity providers send users in any order, so the reference is kept
   * (`manager_ref`) and linked when that user arrives (`linkReportsOf`), never claimed before.
   */
  async function resolveManager(
    executor: Executor,
    ctx: ScimContext,
    input: UserInput,
    selfId?: string,
  ): Promise<string> {
    const ref = input.managerId;
    if (ref === '') return '';
    if (ref === selfId || ref === input.externalId) {
      throw invalidValue(`manager ${JSON.stringify(ref)} is the user themself`);
    }
    if (!isNotAUser(refusalOf(await users.findInTransaction(executor, ref)))) return ref;
    const named = await records(executor, ctx, { externalId: ref });
    return named.length === 1 && named[0]?.user.id !== selfId ? (named[0]?.user.id ?? '') : '';
  }

  /**
   * Links the connection's users waiting for a manager with this externalId to `manager`, in the
   * caller's transaction (the one that creates `manager` or gives it that externalId). Only while
   * the externalId names one user, and only users with no manager link yet.
   */
  async function linkReportsOf(trx: Executor, ctx: ScimContext, manager: UserRow, externalId: string | null) {
    if (externalId === null) return;
    if ((await records(trx, ctx, { externalId })).length !== 1) return;
    const now = clock.now();
    for (const report of await records(trx, ctx, { managerRef: externalId })) {
      if (report.user.id === manager.id || report.user.manager_ids.length > 0) continue;
      await users.replaceInTransaction(
        trx,
        ctx.actor,
        report.user,
        { ...directoryFieldsOf(report.user), managerIds: [manager.id] },
        now,
      );
    }
  }

  /**
   * Makes transactions that read or write the same manager references run one at a time, so a
   * manager and a user waiting for them, sent at once, still end linked.
   */
  const serializeManagerRefs = (trx: Executor, ctx: ScimContext, refs: Array<string | null>) =>
    dialect.serializeEach(
      trx,
      [...new Set(refs.filter((r): r is string => !!r))].map((r) => `scim-manager:${ctx.connection.id}:${r}`),
    );

  async function directoryInput(
    executor: Executor,
    ctx: ScimContext,
    input: UserInput,
    selfId?: string,
  ): Promise<DirectoryUserInput> {
    const managerId = await resolveManager(executor, ctx, input, selfId);
    return {
      displayName: input.displayName,
      email: input.email,
      username: input.userName,
      enabled: input.active,
      department: input.department,
      managerIds: managerId ? [managerId] : [],
      employeeIds: input.employeeNumber ? [input.employeeNumber] : [],
    };
  }

  async function checkUnique(trx: Executor, ctx: ScimContext, userName: string, selfId?: string) {
    const [taken] = await records(trx, ctx, { userNameKey: userName.toLowerCase() });
    if (taken && taken.user.id !== selfId) throw uniqueness(userName);
  }

  /**
   * Runs a write; a unique-index race lost to a concurrent create is the same 409. An email another
   * live Roster user has is a 409 too: a connection never takes over a user it did not create (the
   * user may be an administrator), and the answer does not name users outside the connection.
   */
  async function writing<T>(userName: () => string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof AppError && error.reason === 'EMAIL_TAKEN') {
        throw new ScimError(
          409,
          `email ${JSON.stringify(error.metadata.email)} already belongs to another live Roster user; a user's email is unique in Roster, ignoring case`,
          'uniqueness',
        );
      }
      if (dialect.isUniqueViolation(error)) throw uniqueness(userName());
      throw error;
    }
  }

  /** Replaces a user with `input` (PUT, and PATCH once applied), checking If-Match against what is stored. */
  async function replace(
    ctx: ScimContext,
    id: string,
    build: (current: ScimResource) => UserInput,
    ifMatch?: string,
  ) {
    const now = clock.now();
    let userName = '';
    const record = await writing(
      () => userName,
      () =>
        db.transaction().execute(async (trx) => {
          await dialect.serialize(trx, `scim-user:${id}`);
          const current = await find(trx, ctx, id);
          const resource = resourceOf(ctx, current);
          checkIfMatch(ifMatch, versionIn(resource));
          const input = build(resource);
          userName = input.userName;
          if (input.userName.toLowerCase() !== current.scim.user_name_key)
            await checkUnique(trx, ctx, input.userName, id);
          await serializeManagerRefs(trx, ctx, [
            current.scim.manager_ref,
            current.scim.external_id,
            input.managerId,
            input.externalId,
          ]);
          const user: UserRow = await users.replaceInTransaction(
            trx,
            ctx.actor,
            current.user,
            await directoryInput(trx, ctx, input, id),
            now,
          );
          const scim = {
            ...current.scim,
            user_name: input.userName,
            user_name_key: input.userName.toLowerCase(),
            external_id: input.externalId,
            manager_ref: input.managerId,
            attributes: input.attributes,
          };
          const changed = (['user_name', 'external_id', 'manager_ref', 'attributes'] as const).filter(
            (k) => JSON.stringify(scim[k]) !== JSON.stringify(current.scim[k]),
          );
          if (changed.length > 0) {
            scim.updated_at = now.toISOString();
            await updateScimUser(trx, ctx.connection.id, id, scim);
            if (scim.external_id !== current.scim.external_id)
              await linkReportsOf(trx, ctx, user, scim.external_id);
          }
          // The SCIM-only part (userName, externalId, name parts, typed emails, a manager reference
          // that names nobody yet) is logged on its own; a new manager link is in user.updated.
          const managerLinked = JSON.stringify(user.manager_ids) !== JSON.stringify(current.user.manager_ids);
          const scimOnly = changed.filter((k) => k !== 'manager_ref' || !managerLinked);
          if (scimOnly.length > 0) {
            await systemLog.record(trx, [
              {
                operation: 'scim_user.updated',
                activity: 'update',
                targetType: 'user',
                targetId: id,
                actor: ctx.actor,
                occurredAt: now,
                details: { changed: scimOnly },
              },
            ]);
          }
          return { user, scim };
        }),
    );
    return resourceOf(ctx, record);
  }

  return {
    async create(ctx: ScimContext, body: unknown): Promise<ScimResource> {
      const input = readUserInput(body);
      const now = clock.now();
      const at = now.toISOString();
      const record = await writing(
        () => input.userName,
        () =>
          db.transaction().execute(async (trx) => {
            await dialect.serialize(
              trx,
              `scim-user-name:${ctx.connection.id}:${input.userName.toLowerCase()}`,
            );
            await checkUnique(trx, ctx, input.userName);
            await serializeManagerRefs(trx, ctx, [input.managerId, input.externalId]);
            const user = await users.createInTransaction(
              trx,
              ctx.actor,
              await directoryInput(trx, ctx, input),
              now,
            );
            const scim = {
              connection_id: ctx.connection.id,
              user_id: user.id,
              user_name: input.userName,
              user_name_key: input.userName.toLowerCase(),
              external_id: input.externalId,
              manager_ref: input.managerId,
              attributes: input.attributes,
              created_at: at,
              updated_at: at,
            };
            await insertScimUser(trx, scim);
            // A user who was sent before their manager is linked now, in this transaction.
            await linkReportsOf(trx, ctx, user, input.externalId);
            return { user, scim };
          }),
      );
      return resourceOf(ctx, record);
    },

    async get(ctx: ScimContext, id: string, query: ListQuery = {}): Promise<ScimResource> {
      return project(resourceOf(ctx, await find(db, ctx, id)), query);
    },

    replace(ctx: ScimContext, id: string, body: unknown, ifMatch?: string): Promise<ScimResource> {
      const input = readUserInput(body);
      return replace(ctx, id, () => input, ifMatch);
    },

    /** RFC 7644 §3.5.2: the operations apply in order to the stored resource, then it is saved as a PUT would. */
    async patch(
      ctx: ScimContext,
      id: string,
      body: unknown,
      ifMatch?: string,
      query: ListQuery = {},
    ): Promise<ScimResource> {
      const operations = patchOperations(body);
      const saved = await replace(
        ctx,
        id,
        (current) => {
          const patched = applyPatch(current, operations);
          if (patched.id !== current.id) throw new ScimError(400, 'id cannot be changed', 'mutability');
          return readUserInput(patched);
        },
        ifMatch,
      );
      return project(saved, query);
    },

    /** Soft-deletes the user and revokes everything they hold; their userName is free again. */
    async delete(ctx: ScimContext, id: string, ifMatch?: string): Promise<void> {
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await dialect.serialize(trx, `scim-user:${id}`);
        const current = await find(trx, ctx, id);
        checkIfMatch(ifMatch, versionIn(resourceOf(ctx, current)));
        await users.deleteInTransaction(trx, ctx.actor, id, now);
        await deleteScimUser(trx, ctx.connection.id, id);
      });
    },

    async list(ctx: ScimContext, query: ListQuery) {
      const filter = query.filter === undefined ? undefined : parseFilter(query.filter);
      const key = indexedEquality(filter, USER_TRAITS, ['userName', 'externalId', 'id']);
      const lookup: ScimUserLookup =
        key?.attribute === 'userName'
          ? { userNameKey: key.value.toLowerCase() }
          : key?.attribute === 'externalId'
            ? { externalId: key.value }
            : key?.attribute === 'id'
              ? { userId: key.value }
              : {};
      return listOf(await records(db, ctx, lookup), query, filter, USER_TRAITS, (r) => resourceOf(ctx, r));
    },
  };
}

/** A stored user's directory fields, to write them back with one changed. */
function directoryFieldsOf(user: UserRow): DirectoryUserInput {
  return {
    displayName: user.display_name,
    email: user.email,
    username: user.username,
    enabled: user.status === 'ENABLED',
    department: user.department,
    managerIds: user.manager_ids,
    employeeIds: user.employee_ids,
  };
}

function versionIn(resource: ScimResource): string {
  const meta = resource.meta;
  return isObject(meta) && typeof meta.version === 'string' ? meta.version : '';
}

/** scim-patch over a copy; its errors carry their scimType. */
function applyPatch(current: ScimResource, operations: ScimPatchOperation[]): ScimResource {
  const { meta: _meta, ...body } = current;
  const target: PatchTarget = {
    ...structuredClone(body),
    schemas: Array.isArray(body.schemas) ? body.schemas.map(String) : [],
    meta: { created: new Date(0), lastModified: new Date(0) },
  };
  try {
    const { meta: _patchedMeta, ...patched } = scimPatch(target, operations, {
      mutateDocument: false,
      treatMissingAsAdd: true,
    });
    return patched;
  } catch (error) {
    const code = (error as { scimCode?: string }).scimCode;
    const scimType =
      code === 'noTarget' ? 'noTarget' : code === 'invalidPath' ? 'invalidPath' : 'invalidValue';
    throw new ScimError(400, (error as Error).message, scimType);
  }
}
