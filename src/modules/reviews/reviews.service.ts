import type { Db, Executor } from '../../db/schema.js';
import { keysetPage, type Page } from '../../http/pagination.js';
import type { Principal } from '../../http/principal.js';
import { planUpdate, type UpdateRules } from '../../http/update-mask.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, invalidArgument, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { type SystemLog, writeUpdate } from '../audit/index.js';
import { requireApp, requireEntitlementInApp } from '../catalog/index.js';
import { requirePolicyOfType } from '../policies/index.js';
import { findUserStates } from '../users/index.js';
import {
  checkAutoClose,
  isSetMessage,
  RUN_CLOSE_DECISIONS,
  required,
  scopeTypeOf,
  scopeV2Of,
  UNRUN_FIELD_RULES,
  unsupported,
} from './review-fields.js';
import {
  type AccessReviewRow,
  findAccessReviewById,
  insertAccessReview,
  listAccessReviews,
  listScopeEntries,
  replaceScopeEntries,
  type ScopeEntry,
  softDeleteAccessReview,
  updateAccessReview,
} from './reviews.repository.js';
import {
  ACCESS_REVIEW_READ_ONLY_FIELDS,
  ACCESS_REVIEW_STATES,
  type AccessReviewPatch,
  type CreateAccessReviewBody,
  MAX_OWNERS,
  type SetScopeBody,
} from './reviews.schemas.js';

export interface ReviewsServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
}

export type ReviewsService = ReturnType<typeof createReviewsService>;

const TARGET = 'access_review';
const CERTIFY = 'POLICY_TYPE_CERTIFY';
export function createReviewsService(deps: ReviewsServiceDeps) {
  const { db, clock, systemLog } = deps;

  const canReadAll = (caller: Principal) => caller.permissions.has('access_reviews:read');
  const canWriteAll = (caller: Principal) => caller.permissions.has('access_reviews:write');
  const owns = (caller: Principal, row: AccessReviewRow) => row.owner_ids.includes(caller.userId);

  /** The campaign, if the caller may see it: Read-Only and Super Admins see all, owners theirs. */
  async function visible(trx: Executor, caller: Principal, id: string): Promise<AccessReviewRow> {
    const row = await findAccessReviewById(trx, id);
    if (!row || !(canReadAll(caller) || owns(caller, row))) throw notFound('access review', id);
    return row;
  }

  /** The campaign, if the caller may change it: Super Admins any, owners theirs. */
  async function changeable(trx: Executor, caller: Principal, id: string): Promise<AccessReviewRow> {
    const row = await visible(trx, caller, id);
    if (!(canWriteAll(caller) || owns(caller, row))) {
      throw new AppError(
        'PERMISSION_DENIED',
        'only a Super Admin or an owner of the access review may change it',
        'PERMISSION_DENIED',
      );
    }
    return row;
  }

  /** At least one owner; each a live user (not deleted, not disabled). Duplicates count once. */
  async function checkOwners(trx: Executor, ids: readonly string[] | null | undefined): Promise<string[]> {
    const unique = [...new Set(ids ?? [])].sort();
    if (unique.length === 0) throw required('ownerIds', 'an access review needs at least one owner');
    const states = await findUserStates(trx, unique, MAX_OWNERS + 10);
    for (const id of unique) {
      const state = states.get(id);
      if (!state)
        throw invalidArgument(`owner ${JSON.stringify(id)} is not a user`, 'OWNER_NOT_FOUND', { id });
      if (state.deleted)
        throw invalidArgument(`owner ${JSON.stringify(id)} is a deleted user`, 'OWNER_DELETED', { id });
      if (state.disabled)
        throw invalidArgument(`owner ${JSON.stringify(id)} is a disabled user`, 'OWNER_DISABLED', { id });
    }
    return unique;
  }

  function futureDate(value: string, field: string): string {
    const at = new Date(value);
    if (!(at.getTime() > clock.now().getTime())) {
      throw invalidArgument(`${field} must be in the future`, 'COMPLETION_DATE_NOT_IN_FUTURE', { field });
    }
    return at.toISOString();
  }

  /** Live entries for `entitlements`, each checked in the catalog; an unknown app or entitlement is 404. */
  async function scopeEntries(
    trx: Executor,
    id: string,
    entitlements: SetScopeBody['entitlements'],
    at: string,
  ): Promise<ScopeEntry[]> {
    const entries = new Map<string, ScopeEntry>();
    for (const [index, input] of (entitlements ?? []).entries()) {
      const appId = input.appId ?? '';
      const appEntitlementId = input.appEntitlementId ?? '';
      if (appId === '') throw required(`entitlements[${index}].appId`, 'each entry names its app');
      const key = `${appId}\u0000${appEntitlementId}`;
      if (entries.has(key)) continue;
      let typeId = '';
      let resourceId = '';
      if (appEntitlementId === '') await requireApp(trx, appId);
      else {
        const entitlement = await requireEntitlementInApp(trx, appId, appEntitlementId);
        typeId = entitlement.app_resource_type_id;
        resourceId = entitlement.app_resource_id;
      }
      entries.set(key, {
        access_review_id: id,
        app_id: appId,
        app_entitlement_id: appEntitlementId,
        app_resource_type_id: typeId,
        app_resource_id: resourceId,
        created_at: at,
      });
    }
    return [...entries.values()];
  }

  return {
    get: (caller: Principal, id: string) => visible(db, caller, id),

    async scope(caller: Principal, id: string) {
      const row = await visible(db, caller, id);
      return { row, entries: await listScopeEntries(db, id) };
    },

    list(
      caller: Principal,
      paging: { pageSize?: number; pageToken?: string },
    ): Promise<Page<AccessReviewRow>> {
      const filter = canReadAll(caller) ? {} : { ownerId: caller.userId };
      return keysetPage(paging, (afterId, limit) => listAccessReviews(db, filter, afterId, limit));
    },

    async create(actor: Actor, input: CreateAccessReviewBody): Promise<AccessReviewRow> {
      const scopeType = scopeTypeOf(input.scopeType);
      if (isSetMessage(input.notificationConfig)) {
        throw unsupported(
          'notificationConfig',
          'reminders go to every reviewer with open items and are not configured per campaign (CONTRACT.md §7.28)',
        );
      }
      const now = clock.now();
      const at = now.toISOString();
      const id = newId(now.getTime());
      const row = await db.transaction().execute(async (trx) => {
        let source: AccessReviewRow | undefined;
        let sourceEntries: ScopeEntry[] = [];
        if (input.duplicateFrom) {
          source = await findAccessReviewById(trx, input.duplicateFrom);
          if (!source) throw notFound('access review', input.duplicateFrom);
          sourceEntries = await listScopeEntries(trx, source.id);
        }
        const displayName = input.displayName || (source ? `${source.display_name} (copy)` : '');
        if (!displayName) throw required('displayName', 'name the campaign');
        const policyId = input.policyId || source?.policy_id || '';
        if (!policyId) throw required('policyId', 'name the CERTIFY policy that decides who reviews');
        await requirePolicyOfType(trx, policyId, CERTIFY, 'policyId');
        const ownerIds = await checkOwners(trx, input.ownerIds?.length ? input.ownerIds : source?.owner_ids);
        const row: AccessReviewRow = {
          id,
          display_name: displayName,
          description: input.description ?? source?.description ?? '',
          state: ACCESS_REVIEW_STATES.draft,
          policy_id: policyId,
          scope_type: source && input.scopeType == null ? source.scope_type : scopeType,
          scope_v2: input.scopeV2 || !source ? scopeV2Of(input.scopeV2) : source.scope_v2,
          completion_date: input.completionDate ? futureDate(input.completionDate, 'completionDate') : null,
          auto_close_campaign: false,
          auto_close_decision: 'CLOSE_DECISION_UNSPECIFIED',
          created_by_user_id: actor.userId,
          started_at: null,
          closed_at: null,
          population_position: '',
          population_size: 0,
          start_job_state: '',
          start_cursor: '',
          tasks_created: 0,
          close_remaining: '',
          created_at: at,
          updated_at: at,
          deleted_at: null,
          owner_ids: ownerIds,
        };
        await insertAccessReview(trx, row);
        // A copy keeps the apps and entitlements of its source that are still live.
        const copied: ScopeEntry[] = [];
        for (const entry of sourceEntries) {
          const live = await scopeEntries(
            trx,
            id,
            [{ appId: entry.app_id, appEntitlementId: entry.app_entitlement_id }],
            at,
          ).catch((error: unknown) => {
            if (error instanceof AppError && error.code === 'NOT_FOUND') return [];
            throw error;
          });
          copied.push(...live);
        }
        await replaceScopeEntries(trx, id, copied);
        await systemLog.record(trx, [
          {
            operation: `${TARGET}.created`,
            activity: 'create',
            targetType: TARGET,
            targetId: id,
            actor,
            occurredAt: now,
            details: {
              displayName,
              policyId,
              ownerIds,
              ...(source ? { duplicateFrom: source.id, entitlementCount: copied.length } : {}),
            },
          },
        ]);
        return row;
      });
      return row;
    },

    async update(
      caller: Principal,
      actor: Actor,
      id: string,
      patch: AccessReviewPatch | null | undefined,
      mask: string[] | undefined,
    ): Promise<AccessReviewRow> {
      await db.transaction().execute(async (trx) => {
        const current = await changeable(trx, caller, id);
        const draft = current.state === ACCESS_REVIEW_STATES.draft;
        const draftOnly = (field: string, changes: boolean) => {
          if (changes && !draft) {
            throw new AppError(
              'FAILED_PRECONDITION',
              `${field} changes only while the access review is a draft; it is ${current.state}`,
              'ACCESS_REVIEW_NOT_DRAFT',
              { id, field, state: current.state },
            );
          }
        };
        let policyToCheck: string | undefined;
        let ownersToCheck: readonly string[] | undefined;
        const rules: UpdateRules<AccessReviewPatch, AccessReviewRow> = {
          displayName: (value) => {
            if (!value) throw required('displayName', 'a campaign keeps a name');
            return { display_name: value };
          },
          description: (value) => ({ description: value ?? '' }),
          ownerIds: (value) => {
            ownersToCheck = value ?? [];
            return { owner_ids: [...new Set(value ?? [])].sort() };
          },
          policyId: (value) => {
            if (!value) throw required('policyId', 'a campaign is decided by a CERTIFY policy');
            draftOnly('policyId', value !== current.policy_id);
            if (value !== current.policy_id) policyToCheck = value;
            return { policy_id: value };
          },
          scopeType: (value) => {
            const type = scopeTypeOf(value);
            draftOnly('scopeType', type !== current.scope_type);
            return { scope_type: type };
          },
          scopeV2: (value) => {
            const scope = scopeV2Of(value);
            const same = JSON.stringify(scope) === JSON.stringify(current.scope_v2);
            draftOnly('scopeV2', !same);
            return { scope_v2: same ? current.scope_v2 : scope };
          },
          completionDate: (value) => {
            if (!value) return { completion_date: null };
            const at = new Date(value).toISOString();
            return {
              completion_date: at === current.completion_date ? at : futureDate(value, 'completionDate'),
            };
          },
          autoCloseCampaign: (value) => ({ auto_close_campaign: value === true }),
          autoCloseDecision: (value) => {
            const decision = value || 'CLOSE_DECISION_UNSPECIFIED';
            if (!RUN_CLOSE_DECISIONS.includes(decision)) {
              throw unsupported(
                'autoCloseDecision',
                `Roster closes with ${RUN_CLOSE_DECISIONS.slice(1).join(' or ')}`,
              );
            }
            return { auto_close_decision: decision };
          },
          ...UNRUN_FIELD_RULES,
        };
        const plan = planUpdate('AccessReview', current, patch, mask, rules, ACCESS_REVIEW_READ_ONLY_FIELDS);
        if (plan.fields.length > 0 && current.state === ACCESS_REVIEW_STATES.closed) {
          throw new AppError(
            'FAILED_PRECONDITION',
            'a closed access review cannot change',
            'ACCESS_REVIEW_CLOSED',
            {
              id,
            },
          );
        }
        checkAutoClose({ ...current, ...plan.changes });
        if (policyToCheck !== undefined) await requirePolicyOfType(trx, policyToCheck, CERTIFY, 'policyId');
        if (ownersToCheck !== undefined && 'owner_ids' in plan.changes) await checkOwners(trx, ownersToCheck);
        await writeUpdate(trx, deps, plan, (changes) => updateAccessReview(trx, id, changes), {
          operation: `${TARGET}.updated`,
          targetType: TARGET,
          targetId: id,
          actor,
          details: {},
        });
      });
      return visible(db, caller, id);
    },

    /** Sets the campaign's apps and entitlements (replacing them) and its scopeV2, while a draft. */
    async setScope(caller: Principal, actor: Actor, id: string, body: SetScopeBody) {
      return db.transaction().execute(async (trx) => {
        const current = await changeable(trx, caller, id);
        if (current.state !== ACCESS_REVIEW_STATES.draft) {
          throw new AppError(
            'FAILED_PRECONDITION',
            `the scope changes only while the access review is a draft; it is ${current.state}`,
            'ACCESS_REVIEW_NOT_DRAFT',
            { id, field: 'entitlements', state: current.state },
          );
        }
        const scope = body.scopeV2 ? scopeV2Of(body.scopeV2) : current.scope_v2;
        const now = clock.now();
        const at = now.toISOString();
        const entries = await scopeEntries(trx, id, body.entitlements, at);
        await replaceScopeEntries(trx, id, entries);
        await updateAccessReview(trx, id, { scope_v2: scope, updated_at: at });
        await systemLog.record(trx, [
          {
            operation: `${TARGET}.scope_updated`,
            activity: 'update',
            targetType: TARGET,
            targetId: id,
            actor,
            occurredAt: now,
            details: {
              apps: entries.filter((e) => e.app_entitlement_id === '').map((e) => e.app_id),
              entitlements: entries
                .filter((e) => e.app_entitlement_id !== '')
                .map((e) => ({ appId: e.app_id, appEntitlementId: e.app_entitlement_id })),
            },
          },
        ]);
        return {
          row: { ...current, scope_v2: scope, updated_at: at },
          entries: await listScopeEntries(trx, id),
        };
      });
    },

    /** Deletes a draft campaign; Super Admins only (the route's permission). */
    async delete(caller: Principal, actor: Actor, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const current = await visible(trx, caller, id);
        if (current.state !== ACCESS_REVIEW_STATES.draft) {
          throw new AppError(
            'FAILED_PRECONDITION',
            `only a draft access review may be deleted; it is ${current.state}`,
            'ACCESS_REVIEW_NOT_DRAFT',
            { id, state: current.state },
          );
        }
        const now = clock.now();
        if (!(await softDeleteAccessReview(trx, id, now.toISOString()))) throw notFound('access review', id);
        await systemLog.record(trx, [
          {
            operation: `${TARGET}.deleted`,
            activity: 'delete',
            targetType: TARGET,
            targetId: id,
            actor,
            occurredAt: now,
            details: { displayName: current.display_name },
          },
        ]);
      });
    },
  };
}
