import type { ScimPatchOperation } from 'scim-patch';
import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db, Executor } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { isNotAUser } from '../../lib/user-refusal.js';
import {
  type BulkActionRunner,
  type CatalogService,
  findUsersByIds,
  type SetMembersService,
} from './ports.js';
import { checkIfMatch, type ScimContext } from './scim.context.js';
import { invalidValue, ScimError, scimNotFound } from './scim.errors.js';
import { parseFilter } from './scim.filter.js';
import { patchOperations } from './scim.patch.js';
import { indexedEquality, type ListQuery, leavesOut, listOf, project } from './scim.projection.js';
import {
  deleteScimGroup,
  insertScimGroup,
  listScimGroups,
  type ScimGroupLookup,
  type ScimGroupRow,
  updateScimGroup,
} from './scim.repository.js';
import { isObject, type ScimResource } from './scim.schemas.js';
import { GROUP_TRAITS, type GroupMember, toGroupResource } from './scim-group.resource.js';
import { MembershipChange, memberFilter, memberIds, selectMembers } from './scim-members.js';
import { attribute } from './scim-user.resource.js';

export interface ScimGroupsDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly catalog: Pick<CatalogService, 'entitlements'>;
  readonly setMembers: Pick<SetMembersService, 'queueChange' | 'classify' | 'getMembers' | 'getVersion'>;
  readonly runner: Pick<BulkActionRunner, 'applyNow'>;
}

export type ScimGroupsService = ReturnType<typeof createScimGroupsService>;

/** Users whose display names are read in one statement. */
const DISPLAY_NAME_CHUNK = 1_000;

interface GroupFields {
  displayName: string;
  externalId: string | null;
}

function displayNameOf(v: unknown): string {
  if (typeof v !== 'string' || v.trim() === '' || v.length > 500) {
    throw invalidValue('displayName must be a non-empty string of at most 500 characters');
  }
  return v;
}

function externalIdOf(v: unknown): string | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string' || v.length > 1_000) throw invalidValue('externalId must be a string');
  return v;
}

function readGroup(body: unknown): GroupFields & { members: string[] } {
  if (!isObject(body)) throw invalidValue('the request body must be a Group resource');
  return {
    displayName: displayNameOf(attribute(body, 'displayName')),
    externalId: externalIdOf(attribute(body, 'externalId')),
    members: memberIds(attribute(body, 'members')),
  };
}

export function createScimGroupsService(deps: ScimGroupsDeps) {
  const { db, dialect, clock } = deps;
  const entitlements = deps.catalog.entitlements;

  async function resourceOf(
    ctx: ScimContext,
    group: ScimGroupRow,
    withMembers: boolean,
  ): Promise<ScimResource> {
    const appId = ctx.connection.app_id;
    if (!withMembers) {
      const version = await deps.setMembers.getVersion(appId, group.entitlement_id);
      return toGroupResource(group, version, ctx.baseUrl, undefined);
    }
    const { version, userIds } = await deps.setMembers.getMembers(appId, group.entitlement_id);
    return toGroupResource(group, version, ctx.baseUrl, await withDisplayNames(userIds));
  }

  /** Each member with the user's display name (RFC 7643 §4.2 `members.display`). */
  async function withDisplayNames(userIds: readonly string[]): Promise<GroupMember[]> {
    const names = new Map<string, string>();
    for (let i = 0; i < userIds.length; i += DISPLAY_NAME_CHUNK) {
      for (const user of await findUsersByIds(db, userIds.slice(i, i + DISPLAY_NAME_CHUNK))) {
        names.set(user.id, user.display_name);
      }
    }
    return userIds.map((id) => ({ id, display: names.get(id) }));
  }

  async function find(executor: Executor, ctx: ScimContext, id: string): Promise<ScimGroupRow> {
    const [group] = await listScimGroups(executor, ctx.connection.id, { entitlementId: id });
    if (!group) throw scimNotFound('Group', id);
    return group;
  }

  async function checkUnique(executor: Executor, ctx: ScimContext, displayName: string, selfId?: string) {
    const [taken] = await listScimGroups(executor, ctx.connection.id, {
      displayNameKey: displayName.toLowerCase(),
    });
    if (taken && taken.entitlement_id !== selfId) {
      throw new ScimError(
        409,
        `a group named ${JSON.stringify(displayName)} exists in this connection`,
        'uniqueness',
      );
    }
  }

  /**
   * Writes the group's fields and membership change together, then applies the membership change
   * before returning: one SET_MEMBERS bulk action, granted and revoked in batches by the same code
   * as add-manual-user, so history, audit and the grant feed are the same. Adding IDs that are not
   * users, or disabled users, refuses the whole request (nothing changes).
   */
  async function write(
    ctx: ScimContext,
    group: ScimGroupRow,
    fields: GroupFields,
    change: MembershipChange,
    ifMatch?: string,
  ): Promise<ScimGroupRow> {
    const entitlementId = group.entitlement_id;
    if (ifMatch !== undefined) checkIfMatch(ifMatch, await versionIn(ctx, group));
    const current = change.isEmpty
      ? []
      : (await deps.setMembers.getMembers(ctx.connection.app_id, entitlementId)).userIds;
    const after = change.apply(current);
    const held = new Set(current);
    const addUserIds = [...after].filter((id) => !held.has(id));
    const removeUserIds = current.filter((id) => !after.has(id));
    const { accepted, failed } = await deps.setMembers.classify(addUserIds);
    const notUsers = [...failed].filter(([, reason]) => isNotAUser(reason)).map(([id]) => id);
    if (notUsers.length > 0) {
      throw invalidValue(`members name IDs that are not users: ${listed(notUsers)}`);
    }
    // A disabled user cannot hold a grant: answering 2xx would let the identity provider believe
    // they are a member. The whole request is refused instead, as for a non-user.
    if (failed.size > 0) {
      throw invalidValue(
        `members name disabled users, who cannot be members until enabled: ${listed([...failed.keys()])}`,
      );
    }
    const now = clock.now();
    const renamed = fields.displayName !== group.display_name;
    const updated: ScimGroupRow = {
      ...group,
      display_name: fields.displayName,
      display_name_key: fields.displayName.toLowerCase(),
      external_id: fields.externalId,
    };
    const actionId = await db.transaction().execute(async (trx) => {
      if (renamed) await checkUnique(trx, ctx, fields.displayName, entitlementId);
      const queued = await deps.setMembers.queueChange(
        trx,
        ctx.actor,
        { appId: ctx.connection.app_id, entitlementId },
        // A replace or remove-all also ends grants of app users linked to no Roster user.
        { addUserIds: accepted, removeUserIds, removeUnlinked: change.fromEmpty, refused: failed },
        { scimConnectionId: ctx.connection.id },
      );
      // meta.lastModified moves with the fields and with the members.
      if (renamed || fields.externalId !== group.external_id || queued !== undefined) {
        updated.updated_at = now.toISOString();
        await updateScimGroup(trx, entitlementId, updated);
      }
      return queued;
    });
    if (renamed) {
      await entitlements.update(
        ctx.actor,
        ctx.connection.app_id,
        entitlementId,
        { displayName: fields.displayName },
        ['displayName'],
      );
    }
    if (actionId !== undefined) await deps.runner.applyNow(actionId);
    return updated;
  }

  async function versionIn(ctx: ScimContext, group: ScimGroupRow): Promise<string> {
    const resource = await resourceOf(ctx, group, false);
    return (resource.meta as { version: string }).version;
  }

  return {
    async create(ctx: ScimContext, body: unknown): Promise<ScimResource> {
      const input = readGroup(body);
      await checkUnique(db, ctx, input.displayName);
      // The connection owns the entitlement: the ConductorOne API refuses to change it or its members.
      const entitlement = await entitlements.create(
        ctx.actor,
        ctx.connection.app_id,
        {
          displayName: input.displayName,
          description: `SCIM group of connection ${ctx.connection.display_name}`,
        },
        ctx.connection.id,
      );
      const at = clock.now().toISOString();
      const group: ScimGroupRow = {
        entitlement_id: entitlement.id,
        connection_id: ctx.connection.id,
        display_name: input.displayName,
        display_name_key: input.displayName.toLowerCase(),
        external_id: input.externalId,
        created_at: at,
        updated_at: at,
      };
      try {
        await db.transaction().execute(async (trx) => {
          await dialect.serialize(trx, `scim-group-name:${ctx.connection.id}:${group.display_name_key}`);
          await checkUnique(trx, ctx, input.displayName);
          await insertScimGroup(trx, group);
        });
      } catch (error) {
        // The entitlement is made first (the catalog owns its transaction): undo it when the group lost a race.
        await entitlements.delete(ctx.actor, ctx.connection.app_id, entitlement.id);
        if (dialect.isUniqueViolation(error)) {
          throw new ScimError(
            409,
            `a group named ${JSON.stringify(input.displayName)} exists in this connection`,
            'uniqueness',
          );
        }
        throw error;
      }
      if (input.members.length > 0) {
        const change = new MembershipChange();
        change.add(input.members);
        try {
          await write(ctx, group, input, change);
        } catch (error) {
          await entitlements.delete(ctx.actor, ctx.connection.app_id, entitlement.id);
          await deleteScimGroup(db, entitlement.id);
          throw error;
        }
      }
      return resourceOf(ctx, group, true);
    },

    async get(ctx: ScimContext, id: string, query: ListQuery = {}): Promise<ScimResource> {
      const group = await find(db, ctx, id);
      return project(await resourceOf(ctx, group, !leavesOut(query, 'members')), query);
    },

    async replace(ctx: ScimContext, id: string, body: unknown, ifMatch?: string): Promise<ScimResource> {
      const input = readGroup(body);
      const group = await find(db, ctx, id);
      const change = new MembershipChange();
      change.replace(input.members);
      return resourceOf(ctx, await write(ctx, group, input, change, ifMatch), true);
    },

    async patch(ctx: ScimContext, id: string, body: unknown, ifMatch?: string, query: ListQuery = {}) {
      const operations = patchOperations(body);
      const group = await find(db, ctx, id);
      const fields: GroupFields = { displayName: group.display_name, externalId: group.external_id };
      const change = new MembershipChange();
      let current: string[] | undefined;
      const currentMembers = async () => {
        current ??= (await deps.setMembers.getMembers(ctx.connection.app_id, id)).userIds;
        return change.apply(current);
      };
      for (const op of operations) await applyOperation(op, { id, fields, change, currentMembers });
      const updated = await write(ctx, group, fields, change, ifMatch);
      // The answer shows the members after the change, unless `excludedAttributes=members`.
      return project(await resourceOf(ctx, updated, !leavesOut(query, 'members')), query);
    },

    /** Deletes the entitlement, revoking every membership with REMOVED history. */
    async delete(ctx: ScimContext, id: string, ifMatch?: string): Promise<void> {
      const group = await find(db, ctx, id);
      checkIfMatch(ifMatch, await versionIn(ctx, group));
      await entitlements.delete(ctx.actor, ctx.connection.app_id, id);
      await deleteScimGroup(db, id);
    },

    async list(ctx: ScimContext, query: ListQuery) {
      const filter = query.filter === undefined ? undefined : parseFilter(query.filter);
      const key = indexedEquality(filter, GROUP_TRAITS, ['displayName', 'externalId', 'id']);
      const lookup: ScimGroupLookup =
        key?.attribute === 'displayName'
          ? { displayNameKey: key.value.toLowerCase() }
          : key?.attribute === 'externalId'
            ? { externalId: key.value }
            : key?.attribute === 'id'
              ? { entitlementId: key.value }
              : {};
      const groups = await listScimGroups(db, ctx.connection.id, lookup);
      // Members are read when shown or filtered on; `excludedAttributes=members` skips them.
      const needMembers =
        !leavesOut(query, 'members') || (query.filter ?? '').toLowerCase().includes('members');
      return listOf(groups, query, filter, GROUP_TRAITS, (g) => resourceOf(ctx, g, needMembers));
    },
  };
}

/** Up to ten IDs, quoted, for an error's detail. */
function listed(ids: readonly string[]): string {
  const shown = ids.slice(0, 10).map((id) => JSON.stringify(id));
  return ids.length > 10 ? `${shown.join(', ')} and ${ids.length - 10} more` : shown.join(', ');
}

/** One PATCH operation on a group (RFC 7644 §3.5.2.1–3), applied to the pending fields and change. */
async function applyOperation(
  op: ScimPatchOperation,
  target: {
    id: string;
    fields: GroupFields;
    change: MembershipChange;
    currentMembers: () => Promise<Set<string>>;
  },
): Promise<void> {
  const { fields, change, currentMembers } = target;
  const path = op.path;
  if (path === undefined) {
    // No path: the value's attributes are each added or replaced (Entra sends these, with the id).
    if (!isObject(op.value)) throw invalidValue('without a path the value must be an object');
    for (const [key, value] of Object.entries(op.value)) {
      if (key.toLowerCase() === 'id' && value === target.id) continue;
      if (op.op === 'remove') throw new ScimError(400, 'remove needs a path', 'noTarget');
      await applyOperation({ op: op.op, path: key, value }, target);
    }
    return;
  }
  const relative = path.replace(/^urn:ietf:params:scim:schemas:core:2\.0:Group:/i, '');
  const lower = relative.toLowerCase();
  const filter = memberFilter(relative);
  if (filter) {
    if (op.op !== 'remove') {
      throw new ScimError(400, 'only remove takes a members[...] filter path', 'invalidPath');
    }
    change.remove(selectMembers(filter, await currentMembers()));
    return;
  }
  switch (lower) {
    case 'displayname':
      if (op.op === 'remove') throw new ScimError(400, 'displayName is required', 'mutability');
      fields.displayName = displayNameOf(op.value);
      return;
    case 'externalid':
      fields.externalId = op.op === 'remove' ? null : externalIdOf(op.value);
      return;
    case 'members':
      if (op.op === 'add') change.add(memberIds(op.value));
      else if (op.op === 'replace') change.replace(memberIds(op.value));
      else if (op.value === undefined) change.removeAll();
      else change.remove(memberIds(op.value));
      return;
    case 'id':
    case 'schemas':
    case 'meta':
      throw new ScimError(400, `${path} cannot be changed`, 'mutability');
    default:
      throw new ScimError(400, `${path} is not an attribute of a Group`, 'invalidPath');
  }
}
