import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db, Executor } from '../../db/schema.js';
import { keysetPage, type Page } from '../../http/pagination.js';
import { planUpdate, requiredName, type UpdateRules } from '../../http/update-mask.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, invalidArgument, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { type SystemLog, writeUpdate } from '../audit/index.js';
import { findUsersByIds } from '../users/index.js';
import {
  findPoliciesByIds,
  findPolicyById,
  insertPolicy,
  type PolicyRow,
  type PostAction,
  policiesNaming,
  searchPolicies,
  softDeletePolicy,
  updatePolicy,
} from './policies.repository.js';
import {
  type NewPolicy,
  POLICY_READ_ONLY_FIELDS,
  type PolicyPatch,
  type SearchPoliciesBody,
} from './policies.schemas.js';
import { checkSteps, POLICY_TYPES, type PolicyType, type StepReferences } from './policy-steps.js';

/** What the policies module asks of the catalog, which sits above it; the container passes them. */
export interface PolicyCatalogPorts {
  /** True when `appEntitlementId` is a live entitlement of app `appId`. */
  entitlementExists(trx: Executor, appId: string, appEntitlementId: string): Promise<boolean>;
  /** Live apps and entitlements that name the policy, at most a few, for a refusal to list. */
  namedBy(trx: Executor, policyId: string): Promise<Array<{ type: 'app' | 'app_entitlement'; id: string }>>;
}

export interface PoliciesServiceDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
  readonly catalog: PolicyCatalogPorts;
}

export type PoliciesService = ReturnType<typeof createPoliciesService>;

const TARGET = 'policy';

function policyTypeOf(value: string | null | undefined): PolicyType {
  if (POLICY_TYPES.includes(value as PolicyType)) return value as PolicyType;
  throw invalidArgument(
    `policyType must be one of ${POLICY_TYPES.join(', ')}; Roster runs no other kind of policy`,
    'UNSUPPORTED_POLICY_FIELD',
    { field: 'policyType' },
  );
}

/** Refuses the top-level fields Roster does not run. */
function refuseUnsupported(input: Pick<PolicyPatch, 'rules' | 'reassignTasksToDelegates'>): void {
  if ((input.rules?.length ?? 0) > 0) {
    throw invalidArgument(
      'rules: conditional policies (CEL rules) are not supported',
      'UNSUPPORTED_POLICY_FIELD',
      {
        field: 'rules',
      },
    );
  }
  if (input.reassignTasksToDelegates === true) {
    throw invalidArgument(
      'reassignTasksToDelegates: delegation is not supported',
      'UNSUPPORTED_POLICY_FIELD',
      {
        field: 'reassignTasksToDelegates',
      },
    );
  }
}

function postActionsOf(type: PolicyType, actions: PolicyPatch['postActions']): PostAction[] {
  const kept = (actions ?? []).map((action) => ({
    certifyRemediateImmediately: action.certifyRemediateImmediately === true,
  }));
  if (type !== 'POLICY_TYPE_CERTIFY' && kept.some((action) => action.certifyRemediateImmediately)) {
    throw invalidArgument(
      'postActions: certifyRemediateImmediately applies only to a POLICY_TYPE_CERTIFY policy',
      'UNSUPPORTED_POLICY_FIELD',
      { field: 'postActions' },
    );
  }
  return kept;
}

export function createPoliciesService(deps: PoliciesServiceDeps) {
  const { db, clock, systemLog, catalog } = deps;

  /** Checks, in the writing transaction, that everything the steps name exists. */
  async function checkReferences(trx: Executor, type: PolicyType, refs: StepReferences, selfId: string) {
    const userIds = [...refs.userIds];
    const live = new Set(
      (await findUsersByIds(trx, userIds)).filter((user) => user.deleted_at === null).map((user) => user.id),
    );
    const missingUser = userIds.find((id) => !live.has(id));
    if (missingUser !== undefined) {
      throw invalidArgument(
        `user ${JSON.stringify(missingUser)} named by the policy is not a live user`,
        'POLICY_REFERENCE_INVALID',
        {
          id: missingUser,
        },
      );
    }
    for (const { appId, appEntitlementId, path } of refs.entitlements) {
      if (!(await catalog.entitlementExists(trx, appId, appEntitlementId))) {
        throw invalidArgument(
          `${path} names entitlement ${JSON.stringify(appEntitlementId)} of app ${JSON.stringify(appId)}, which does not exist`,
          'POLICY_REFERENCE_INVALID',
          { field: path, id: appEntitlementId },
        );
      }
    }
    const policies = new Map(
      (
        await findPoliciesByIds(
          trx,
          refs.policyIds.map((p) => p.id),
        )
      ).map((p) => [p.id, p]),
    );
    for (const { id, path } of refs.policyIds) {
      const policy = policies.get(id);
      if (id === selfId || policy?.policy_type !== type) {
        throw invalidArgument(`${path} must name another live ${type} policy`, 'POLICY_REFERENCE_INVALID', {
          field: path,
          id,
        });
      }
    }
  }

  function stepsOf(type: PolicyType, policySteps: PolicyPatch['policySteps']) {
    const refs: StepReferences = { userIds: new Set(), entitlements: [], policyIds: [] };
    const steps = checkSteps(type, policySteps, refs);
    return { steps, refs };
  }

  async function get(id: string): Promise<PolicyRow> {
    const row = await findPolicyById(db, id);
    if (!row) throw notFound('policy', id);
    return row;
  }

  return {
    get,

    async create(actor: Actor, input: NewPolicy): Promise<PolicyRow> {
      const type = policyTypeOf(input.policyType);
      refuseUnsupported(input);
      const { steps, refs } = stepsOf(type, input.policySteps);
      const now = clock.now();
      const at = now.toISOString();
      const row: PolicyRow = {
        id: newId(now.getTime()),
        display_name: input.displayName,
        description: input.description ?? '',
        policy_type: type,
        steps,
        post_actions: postActionsOf(type, input.postActions),
        system_builtin: false,
        generation: 1,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      };
      await db.transaction().execute(async (trx) => {
        await checkReferences(trx, type, refs, row.id);
        await insertPolicy(trx, row);
        await systemLog.record(trx, [
          {
            operation: `${TARGET}.created`,
            activity: 'create',
            targetType: TARGET,
            targetId: row.id,
            actor,
            occurredAt: now,
            details: { policyType: type, displayName: row.display_name },
          },
        ]);
      });
      return row;
    },

    list(paging: { pageSize?: number; pageToken?: string }): Promise<Page<PolicyRow>> {
      return keysetPage(paging, (afterId, limit) => searchPolicies(db, {}, afterId, limit));
    },

    search(body: SearchPoliciesBody): Promise<Page<PolicyRow>> {
      const refIds = (body.refs ?? []).map((ref) => ref.id ?? '').filter(Boolean);
      if ((body.refs?.length ?? 0) > 0 && refIds.length === 0)
        return Promise.resolve({ items: [], nextPageToken: '' });
      const filter = {
        ids: refIds,
        excludeIds: body.excludePolicyIds ?? [],
        types: body.policyTypes ?? [],
        displayName: body.displayName ?? '',
        query: body.query ?? '',
        includeDeleted: body.includeDeleted ?? false,
      };
      return keysetPage(
        { pageSize: body.pageSize ?? undefined, pageToken: body.pageToken ?? undefined },
        (afterId, limit) => searchPolicies(db, filter, afterId, limit),
      );
    },

    async update(
      actor: Actor,
      id: string,
      patch: PolicyPatch | null | undefined,
      mask: string[] | undefined,
    ): Promise<PolicyRow> {
      await db.transaction().execute(async (trx) => {
        const current = await findPolicyById(trx, id);
        if (!current) throw notFound('policy', id);
        const type = current.policy_type as PolicyType;
        let refs: StepReferences | undefined;
        const rules: UpdateRules<PolicyPatch, PolicyRow> = {
          displayName: requiredName('policy'),
          description: (value) => ({ description: value ?? '' }),
          policyType: (value) => {
            if (value !== undefined && value !== type) {
              throw invalidArgument(
                'policyType cannot be changed; make a new policy',
                'FIELD_NOT_CHANGEABLE',
                {
                  field: 'policyType',
                },
              );
            }
            return {};
          },
          policySteps: (value) => {
            const checked = stepsOf(type, value);
            refs = checked.refs;
            // The same steps sent again change nothing (and start no new generation).
            const same = JSON.stringify(checked.steps) === JSON.stringify(current.steps);
            return { steps: same ? current.steps : checked.steps };
          },
          postActions: (value) => {
            const actions = postActionsOf(type, value);
            const same = JSON.stringify(actions) === JSON.stringify(current.post_actions);
            return { post_actions: same ? current.post_actions : actions };
          },
          rules: (value) => {
            refuseUnsupported({ rules: value });
            return {};
          },
          reassignTasksToDelegates: (value) => {
            refuseUnsupported({ reassignTasksToDelegates: value });
            return {};
          },
        };
        const plan = planUpdate('Policy', current, patch, mask, rules, POLICY_READ_ONLY_FIELDS);
        if (plan.fields.length > 0 && current.system_builtin) {
          throw new AppError(
            'FAILED_PRECONDITION',
            'a built-in policy cannot be changed',
            'BUILTIN_POLICY_IMMUTABLE',
            {
              id,
            },
          );
        }
        if (refs) await checkReferences(trx, type, refs, id);
        const changes =
          'steps' in plan.changes ? { ...plan.changes, generation: current.generation + 1 } : plan.changes;
        await writeUpdate(trx, deps, { ...plan, changes }, (c) => updatePolicy(trx, id, c), {
          operation: `${TARGET}.updated`,
          targetType: TARGET,
          targetId: id,
          actor,
          details: {},
        });
      });
      return get(id);
    },

    /** Deletes a policy nothing names; a built-in policy is never deleted. */
    async delete(actor: Actor, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const current = await findPolicyById(trx, id);
        if (!current) throw notFound('policy', id);
        if (current.system_builtin) {
          throw new AppError(
            'FAILED_PRECONDITION',
            'a built-in policy cannot be deleted',
            'BUILTIN_POLICY_IMMUTABLE',
            {
              id,
            },
          );
        }
        const namers = [
          ...(await catalog.namedBy(trx, id)),
          ...(await policiesNaming(trx, id)).map((policyId) => ({ type: 'policy' as const, id: policyId })),
        ];
        const first = namers[0];
        if (first) {
          throw new AppError(
            'FAILED_PRECONDITION',
            `policy ${id} is still named by ${first.type} ${first.id}${namers.length > 1 ? ` and ${namers.length - 1} more` : ''}; point them elsewhere first`,
            'POLICY_IN_USE',
            { id, namedByType: first.type, namedById: first.id },
          );
        }
        const now = clock.now();
        if (!(await softDeletePolicy(trx, id, now.toISOString()))) throw notFound('policy', id);
        await systemLog.record(trx, [
          {
            operation: `${TARGET}.deleted`,
            activity: 'delete',
            targetType: TARGET,
            targetId: id,
            actor,
            occurredAt: now,
            details: { policyType: current.policy_type },
          },
        ]);
      });
    },
  };
}

/**
 * Refuses `id` unless it names a live policy of `type`; the catalog calls it for the policies an app
 * or entitlement names (grantPolicyId and the rest), `field` being the wire field that names it.
 */
export async function requirePolicyOfType(
  trx: Executor,
  id: string,
  type: PolicyType,
  field: string,
): Promise<void> {
  const policy = await findPolicyById(trx, id);
  if (policy?.policy_type !== type) {
    throw invalidArgument(
      `${field} must name a live ${type} policy; ${JSON.stringify(id)} ${policy ? `is a ${policy.policy_type} policy` : 'is no policy'}`,
      'POLICY_REFERENCE_INVALID',
      { field, id },
    );
  }
}
