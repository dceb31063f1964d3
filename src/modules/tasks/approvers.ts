import { heldAt } from '../../db/live-grants.js';
import type { Executor } from '../../db/schema.js';
import { jsonArrayContains } from '../../db/text-match.js';
import { SUPER_ADMIN_ROLE } from '../../lib/roles.js';
import { type Approval, approvalKindOf } from '../policies/index.js';
import { findUserById } from '../users/index.js';

/** Who a task is about, for resolving the approvers of its steps. */
export interface TaskSubject {
  readonly appId: string;
  readonly appEntitlementId: string;
  /** The person the access is for. */
  readonly userId: string;
  /** Who opened the task. */
  readonly openerId: string;
}

/** An approval step's kind in words, for the audit trail. */
const STEP_WORDS = {
  users: 'named approvers',
  appOwners: "app owners'",
  entitlementOwners: "entitlement owners'",
  manager: "manager's",
  self: 'self-approval',
  group: "group members'",
} as const;

export interface ResolvedApprovers {
  readonly approverIds: string[];
  /** Set when the step named nobody who may act and Roster fell back: to whom, and why. */
  readonly fallback: {
    readonly to: 'fallback_users' | 'app_owners' | 'super_admins';
    readonly why: string;
  } | null;
}

/** Those of `ids` who exist, are not deleted and not disabled, in the order given. */
export async function liveUserIds(db: Executor, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .where('status', '!=', 'DISABLED')
    .execute();
  const live = new Set(rows.map((row) => row.id));
  return ids.filter((id) => live.has(id));
}

/** The live, enabled owners of an app or an entitlement. */
export async function ownersOf(
  db: Executor,
  type: 'app' | 'entitlement',
  targetId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('owners')
    .innerJoin('users', 'users.id', 'owners.user_id')
    .select('owners.user_id')
    .where('owners.target_type', '=', type)
    .where('owners.target_id', '=', targetId)
    .where('users.deleted_at', 'is', null)
    .where('users.status', '!=', 'DISABLED')
    .orderBy('owners.user_id')
    .execute();
  return rows.map((row) => row.user_id);
}

async function superAdmins(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('deleted_at', 'is', null)
    .where('status', '!=', 'DISABLED')
    .where(jsonArrayContains('role_ids', SUPER_ADMIN_ROLE.id))
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/** The people holding an entitlement now: the approvers of a `group` step. */
export async function membersOf(db: Executor, appEntitlementId: string, now: string): Promise<string[]> {
  const rows = await db
    .selectFrom('grants')
    .innerJoin('app_users', 'app_users.id', 'grants.app_user_id')
    .select('app_users.identity_user_id')
    .where('grants.app_entitlement_id', '=', appEntitlementId)
    .where(heldAt(now))
    .where('app_users.identity_user_id', '!=', '')
    .orderBy('app_users.identity_user_id')
    .limit(1_000)
    .execute();
  return liveUserIds(db, [...new Set(rows.map((row) => row.identity_user_id))]);
}

/** Whether the step lets the requester (subject or opener) decide it: a `self` step always does. */
export function allowsSelfApproval(approval: Approval): boolean {
  const kind = approvalKindOf(approval);
  if (kind === 'self') return true;
  return (approval[kind] as { allowSelfApproval?: boolean } | null | undefined)?.allowSelfApproval === true;
}

/**
 * The people who may decide an approval step. A requester never approves their own request unless
 * the step allows self-approval (a `self` step is for the person themself); with
 * `requireDistinctApprovers`, nobody who approved an earlier step of the task. A step that resolves
 * to nobody falls back to its fallback users when it has them, then to the app's owners, then to the
 * Super Admins, and says so (issue 19).
 */
export async function resolveApprovers(
  db: Executor,
  approval: Approval,
  subject: TaskSubject,
  earlierApprovers: ReadonlySet<string>,
  now: string,
): Promise<ResolvedApprovers> {
  const kind = approvalKindOf(approval);
  let named: string[];
  const allowSelf = allowsSelfApproval(approval);
  switch (kind) {
    case 'users':
      named = await liveUserIds(db, approval.users?.userIds ?? []);
      break;
    case 'appOwners':
      named = await ownersOf(db, 'app', subject.appId);
      break;
    case 'entitlementOwners':
      named = await ownersOf(db, 'entitlement', subject.appEntitlementId);
      break;
    case 'manager': {
      named = await liveUserIds(db, (await findUserById(db, subject.userId))?.manager_ids ?? []);
      break;
    }
    case 'self':
      named = await liveUserIds(db, [subject.userId]);
      break;
    case 'group':
      named = await membersOf(db, approval.group?.appGroupId ?? '', now);
      break;
  }
  const requesters = new Set([subject.userId, subject.openerId]);
  const eligible = (ids: readonly string[], self = allowSelf) =>
    ids.filter(
      (id) =>
        (self || !requesters.has(id)) &&
        !(approval.requireDistinctApprovers === true && earlierApprovers.has(id)),
    );
  const chosen = eligible(named);
  if (chosen.length > 0) return { approverIds: chosen, fallback: null };

  const why = `the ${STEP_WORDS[kind]} step names nobody else who may approve`;
  const kindOptions = approval[kind] as { fallback?: boolean; fallbackUserIds?: string[] } | null | undefined;
  if (kindOptions?.fallback === true) {
    const fallbackUsers = eligible(await liveUserIds(db, kindOptions.fallbackUserIds ?? []), false);
    if (fallbackUsers.length > 0)
      return { approverIds: fallbackUsers, fallback: { to: 'fallback_users', why } };
  }
  const owners = eligible(await ownersOf(db, 'app', subject.appId), false);
  if (owners.length > 0) return { approverIds: owners, fallback: { to: 'app_owners', why } };
  // Super Admins are the last resort: a request must always reach someone who can decide it.
  const admins = eligible(await superAdmins(db), false);
  // Never the requester: with no one else, the task waits for an administrator to reassign or close it.
  return { approverIds: admins, fallback: { to: 'super_admins', why } };
}

/**
 * The live, enabled owners of many apps or entitlements at once, by target: one statement for a
 * whole batch of certify tasks.
 */
export async function ownersOfMany(
  db: Executor,
  type: 'app' | 'entitlement',
  targetIds: readonly string[],
): Promise<Map<string, string[]>> {
  const owners = new Map<string, string[]>(targetIds.map((id) => [id, []]));
  if (targetIds.length === 0) return owners;
  const rows = await db
    .selectFrom('owners')
    .innerJoin('users', 'users.id', 'owners.user_id')
    .select(['owners.target_id', 'owners.user_id'])
    .where('owners.target_type', '=', type)
    .where('owners.target_id', 'in', [...new Set(targetIds)])
    .where('users.deleted_at', 'is', null)
    .where('users.status', '!=', 'DISABLED')
    .orderBy('owners.target_id')
    .orderBy('owners.user_id')
    .execute();
  for (const row of rows) owners.get(row.target_id)?.push(row.user_id);
  return owners;
}
