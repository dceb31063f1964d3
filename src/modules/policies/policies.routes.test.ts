import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApp,
  createEntitlement,
  createUser,
  expectError,
  expectNotFound,
} from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { createCaller, ROLES } from '../../../test/identity-fixtures.js';
import { DEFAULT_GRANT_POLICY_ID } from './builtin-policies.js';

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** A grant policy: the named users approve, then the named person provisions. */
const grantPolicy = (approverId: string, provisionerId: string) => ({
  displayName: 'Finance apps',
  description: 'Approver, then the finance team creates the account',
  policyType: 'POLICY_TYPE_GRANT',
  policySteps: {
    grant: {
      steps: [
        { approval: { users: { userIds: [approverId] }, requireApprovalReason: true } },
        {
          provision: {
            provisionPolicy: { manual: { instructions: 'Create the account', userIds: [provisionerId] } },
          },
        },
      ],
    },
  },
});

describe.each(DIALECTS)('policy routes on %s', (dialect) => {
  let t: TestApp;
  let approver: any;
  let provisioner: any;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    approver = await createUser(t);
    provisioner = await createUser(t);
  });
  afterAll(() => t.close());

  const policyRow = (id: string) =>
    t.db.selectFrom('policies').selectAll().where('id', '=', id).executeTakeFirst();
  const policyCount = async () => (await t.db.selectFrom('policies').select('id').execute()).length;
  const logged = async (targetId: string) =>
    (
      await t.db
        .selectFrom('system_log_events')
        .select('activity')
        .where('target_id', '=', targetId)
        .execute()
    ).map((e) => e.activity);

  it('lists the built-in default grant policy, which asks the app owners and cannot change', async () => {
    const response = await t.request('GET', `/api/v1/policies/${DEFAULT_GRANT_POLICY_ID}`);
    expect(response.status).toBe(200);
    expect(response.body.policy).toMatchObject({
      id: DEFAULT_GRANT_POLICY_ID,
      policyType: 'POLICY_TYPE_GRANT',
      systemBuiltin: true,
      policySteps: { grant: { steps: [{ approval: { appOwners: { allowSelfApproval: false } } }] } },
    });
    expectError(
      await t.request('POST', `/api/v1/policies/${DEFAULT_GRANT_POLICY_ID}`, {
        policy: { displayName: 'Mine now' },
        updateMask: 'displayName',
      }),
      400,
      9,
      'BUILTIN_POLICY_IMMUTABLE',
    );
    expectError(
      await t.request('DELETE', `/api/v1/policies/${DEFAULT_GRANT_POLICY_ID}`),
      400,
      9,
      'BUILTIN_POLICY_IMMUTABLE',
    );
    expect((await policyRow(DEFAULT_GRANT_POLICY_ID))?.display_name).toBe('Default grant policy');
  });

  it('creates a grant policy, stores its steps in order and answers every field', async () => {
    const response = await t.request('POST', '/api/v1/policies', grantPolicy(approver.id, provisioner.id));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const policy = response.body.policy;
    expect(policy).toMatchObject({
      id: expect.stringMatching(/^[0-9A-Za-z]{27}$/),
      displayName: 'Finance apps',
      policyType: 'POLICY_TYPE_GRANT',
      systemBuiltin: false,
      rules: [],
      postActions: [],
      createdAt: expect.stringMatching(TIMESTAMP),
      deletedAt: null,
    });
    const [approval, provision] = policy.policySteps.grant.steps;
    expect(approval).toMatchObject({
      approval: {
        users: { userIds: [approver.id], allowSelfApproval: false },
        requireApprovalReason: true,
        requireDenialReason: false,
        escalation: null,
      },
    });
    // Unset members of a oneof are left out, as protojson does.
    expect(Object.keys(approval)).toEqual(['approval']);
    expect(approval.approval).not.toHaveProperty('appOwners');
    expect(provision.provision.provisionPolicy.manual).toEqual({
      instructions: 'Create the account',
      userIds: [provisioner.id],
    });
    const stored = await policyRow(policy.id);
    expect(stored).toMatchObject({ policy_type: 'POLICY_TYPE_GRANT', generation: 1, system_builtin: 0 });
    expect(JSON.parse(stored?.steps ?? '[]')).toHaveLength(2);
    expect(await logged(policy.id)).toEqual(['policy.created']);
    expect((await t.request('GET', `/api/v1/policies/${policy.id}`)).body.policy).toEqual(policy);
  });

  it.each([
    ['rules', { rules: [{ condition: 'subject.department == "x"', policyKey: 'a' }] }, 'rules'],
    ['an expression approver', { step: { approval: { expression: { expressions: ['x'] } } } }, 'expression'],
    ['a webhook approver', { step: { approval: { webhook: { webhookId: 'w' } } } }, 'webhook'],
    [
      'step-up approval',
      { step: { approval: { appOwners: {}, requiresStepUpProviderId: 'p' } } },
      'requiresStepUpProviderId',
    ],
    ['connector provisioning', { step: { provision: { provisionPolicy: { connector: {} } } } }, 'connector'],
    [
      'a wait condition',
      { step: { wait: { condition: { condition: 'true' }, timeoutDuration: '60s' } } },
      'condition',
    ],
    ['a form step', { step: { form: { form: {} } } }, 'form'],
    ['two approver kinds', { step: { approval: { appOwners: {}, manager: {} } } }, 'approval'],
    ['a step with no kind', { step: {} }, 'steps[0]'],
    ['an ACCESS_REQUEST policy', { policyType: 'POLICY_TYPE_ACCESS_REQUEST' }, 'policyType'],
    ['steps under another type', { policySteps: { revoke: { steps: [] } } }, 'policySteps.revoke'],
    ['accept before another step', { steps: [{ accept: {} }, { approval: { appOwners: {} } }] }, 'steps[0]'],
    ['a wait without a duration', { step: { wait: { name: 'cool off' } } }, 'timeoutDuration'],
    [
      'an escalation without minutes',
      {
        step: {
          approval: {
            appOwners: {},
            escalationEnabled: true,
            escalation: { reassignToApprovers: { approverIds: ['x'] } },
          },
        },
      },
      'expiration',
    ],
  ])('refuses %s with 400 naming the field, and stores nothing', async (_name, change, field) => {
    const before = await policyCount();
    const { step, steps, ...rest } = change as Record<string, any>;
    const body = {
      displayName: 'Refused',
      policyType: 'POLICY_TYPE_GRANT',
      policySteps: { grant: { steps: steps ?? [step ?? { approval: { appOwners: {} } }] } },
      ...rest,
    };
    const response = await t.request('POST', '/api/v1/policies', body);
    expectError(response, 400, 3, 'UNSUPPORTED_POLICY_FIELD');
    expect(response.body.details[0].metadata.field).toContain(field);
    expect(await policyCount()).toBe(before);
  });

  it('refuses steps naming users, entitlements or policies that do not exist', async () => {
    const before = await policyCount();
    const deleted = await createUser(t);
    // As SCIM deprovisioning leaves a user.
    await t.db
      .updateTable('users')
      .set({ deleted_at: new Date().toISOString(), status: 'DELETED' })
      .where('id', '=', deleted.id)
      .execute();
    for (const userId of ['no-such-user', deleted.id]) {
      expectError(
        await t.request('POST', '/api/v1/policies', grantPolicy(userId, provisioner.id)),
        400,
        3,
        'POLICY_REFERENCE_INVALID',
        { id: userId },
      );
    }
    const app = await createApp(t);
    expectError(
      await t.request('POST', '/api/v1/policies', {
        displayName: 'Group',
        policyType: 'POLICY_TYPE_GRANT',
        policySteps: { grant: { steps: [{ approval: { group: { appId: app.id, appGroupId: 'nope' } } }] } },
      }),
      400,
      3,
      'POLICY_REFERENCE_INVALID',
      { id: 'nope' },
    );
    const revoke = (
      await t.request('POST', '/api/v1/policies', { displayName: 'Revoke', policyType: 'POLICY_TYPE_REVOKE' })
    ).body.policy;
    const escalateTo = (policyId: string) => ({
      displayName: 'Escalating',
      policyType: 'POLICY_TYPE_GRANT',
      policySteps: {
        grant: {
          steps: [
            {
              approval: {
                appOwners: {},
                escalationEnabled: true,
                escalation: { expiration: '60', replacePolicy: { policyId } },
              },
            },
          ],
        },
      },
    });
    // An escalation replaces a grant policy by another grant policy only.
    expectError(
      await t.request('POST', '/api/v1/policies', escalateTo(revoke.id)),
      400,
      3,
      'POLICY_REFERENCE_INVALID',
    );
    expect(await policyCount()).toBe(before + 1);
    const escalating = await t.request('POST', '/api/v1/policies', escalateTo(DEFAULT_GRANT_POLICY_ID));
    expect(escalating.status, JSON.stringify(escalating.body)).toBe(200);
    expect(escalating.body.policy.policySteps.grant.steps[0].approval.escalation).toEqual({
      escalationComment: '',
      expiration: '60',
      replacePolicy: { policyId: DEFAULT_GRANT_POLICY_ID },
    });
  });

  it('updates what the mask names, counts step generations, and refuses a type change', async () => {
    const created = (await t.request('POST', '/api/v1/policies', grantPolicy(approver.id, provisioner.id)))
      .body.policy;
    const renamed = await t.request('POST', `/api/v1/policies/${created.id}`, {
      policy: { displayName: 'Renamed', description: 'ignored: not in the mask' },
      updateMask: 'displayName',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.policy).toMatchObject({ displayName: 'Renamed', description: created.description });
    expect((await policyRow(created.id))?.generation).toBe(1);

    const stepsChanged = await t.request('POST', `/api/v1/policies/${created.id}`, {
      policy: {
        policySteps: {
          grant: { steps: [{ approval: { manager: { fallback: true, fallbackUserIds: [approver.id] } } }] },
        },
      },
      updateMask: 'policySteps',
    });
    expect(stepsChanged.status, JSON.stringify(stepsChanged.body)).toBe(200);
    expect(stepsChanged.body.policy.policySteps.grant.steps[0].approval.manager).toEqual({
      allowSelfApproval: false,
      assignedUserIds: [],
      fallback: true,
      fallbackUserIds: [approver.id],
    });
    expect((await policyRow(created.id))?.generation).toBe(2);

    expectError(
      await t.request('POST', `/api/v1/policies/${created.id}`, {
        policy: { policyType: 'POLICY_TYPE_REVOKE' },
        updateMask: 'policyType',
      }),
      400,
      3,
      'FIELD_NOT_CHANGEABLE',
      { field: 'policyType' },
    );
    expect((await policyRow(created.id))?.policy_type).toBe('POLICY_TYPE_GRANT');
    expect((await logged(created.id)).sort()).toEqual(['policy.created', 'policy.updated', 'policy.updated']);
  });

  it('lets entitlements and apps name policies of the right type only, and keeps a named policy from deletion', async () => {
    const policy = (await t.request('POST', '/api/v1/policies', grantPolicy(approver.id, provisioner.id)))
      .body.policy;
    const revoke = (
      await t.request('POST', '/api/v1/policies', {
        displayName: 'Revoke at once',
        policyType: 'POLICY_TYPE_REVOKE',
      })
    ).body.policy;
    const app = await createApp(t);
    expectError(
      await t.request('POST', `/api/v1/apps/${app.id}/entitlements`, {
        displayName: 'Admin',
        grantPolicyId: revoke.id,
      }),
      400,
      3,
      'POLICY_REFERENCE_INVALID',
      { field: 'grantPolicyId', id: revoke.id },
    );
    expectError(
      await t.request('POST', `/api/v1/apps/${app.id}`, {
        app: { certifyPolicyId: 'missing' },
        updateMask: 'certifyPolicyId',
      }),
      400,
      3,
      'POLICY_REFERENCE_INVALID',
      { field: 'certifyPolicyId' },
    );
    const entitlement = await createEntitlement(t, app.id, {
      grantPolicyId: policy.id,
      revokePolicyId: revoke.id,
    });
    expect(entitlement).toMatchObject({ grantPolicyId: policy.id, revokePolicyId: revoke.id });

    expectError(await t.request('DELETE', `/api/v1/policies/${policy.id}`), 400, 9, 'POLICY_IN_USE', {
      namedByType: 'app_entitlement',
      namedById: entitlement.id,
    });
    expect((await policyRow(policy.id))?.deleted_at).toBeNull();

    const moved = await t.request('POST', `/api/v1/apps/${app.id}/entitlements/${entitlement.id}`, {
      appEntitlement: { grantPolicyId: '' },
      updateMask: 'grantPolicyId',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((await t.request('DELETE', `/api/v1/policies/${policy.id}`)).status).toBe(200);
    expect((await policyRow(policy.id))?.deleted_at).toMatch(TIMESTAMP);
    expectNotFound(await t.request('GET', `/api/v1/policies/${policy.id}`), 'POLICY_NOT_FOUND', policy.id);
    expectNotFound(await t.request('DELETE', `/api/v1/policies/${policy.id}`), 'POLICY_NOT_FOUND', policy.id);
  });

  it('searches by type, text, reference and exclusion, keyset-paged', async () => {
    const certify = [];
    for (const name of ['Quarterly review', 'Yearly review', 'Quarterly SOX review']) {
      const made = await t.request('POST', '/api/v1/policies', {
        displayName: name,
        policyType: 'POLICY_TYPE_CERTIFY',
      });
      expect(made.status, JSON.stringify(made.body)).toBe(200);
      certify.push(made.body.policy);
    }
    const search = async (body: Record<string, unknown>) => {
      const response = await t.request('POST', '/api/v1/search/policies', body);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body;
    };
    const names = (body: any) => body.list.map((p: any) => p.displayName);
    expect(names(await search({ policyTypes: ['POLICY_TYPE_CERTIFY'] }))).toEqual(
      certify.map((p) => p.displayName),
    );
    expect(names(await search({ policyTypes: ['POLICY_TYPE_CERTIFY'], query: 'QUARTERLY' }))).toEqual([
      'Quarterly review',
      'Quarterly SOX review',
    ]);
    expect(names(await search({ displayName: 'yearly review' }))).toEqual(['Yearly review']);
    expect(names(await search({ refs: [{ id: certify[1].id }] }))).toEqual(['Yearly review']);
    expect(
      names(
        await search({
          policyTypes: ['POLICY_TYPE_CERTIFY'],
          excludePolicyIds: [certify[0].id, certify[2].id],
        }),
      ),
    ).toEqual(['Yearly review']);
    // Pages hold at least 10 (CONTRACT.md §1): eleven certify policies make two pages.
    for (let i = 0; i < 8; i++) {
      certify.push(
        (
          await t.request('POST', '/api/v1/policies', {
            displayName: `Filler ${i}`,
            policyType: 'POLICY_TYPE_CERTIFY',
          })
        ).body.policy,
      );
    }
    const first = await search({ policyTypes: ['POLICY_TYPE_CERTIFY'], pageSize: 10 });
    expect(first.list.map((p: any) => p.id)).toEqual(certify.slice(0, 10).map((p) => p.id));
    const second = await search({
      policyTypes: ['POLICY_TYPE_CERTIFY'],
      pageSize: 10,
      pageToken: first.nextPageToken,
    });
    expect(second.list.map((p: any) => p.id)).toEqual([certify[10].id]);
    expect(second.nextPageToken).toBe('');
  });

  it('lets Read-Only and App Admins read policies and only Super Admins change them', async () => {
    const readOnly = await createCaller(t, [ROLES.readOnlyAdmin]);
    const appAdmin = await createCaller(t, [ROLES.appAdmin]);
    const nobody = await createCaller(t, []);
    for (const caller of [readOnly, appAdmin]) {
      expect((await t.request('GET', '/api/v1/policies', undefined, { token: caller.token })).status).toBe(
        200,
      );
      const before = await policyCount();
      expectError(
        await t.request('POST', '/api/v1/policies', grantPolicy(approver.id, provisioner.id), {
          token: caller.token,
        }),
        403,
        7,
        'PERMISSION_DENIED',
      );
      expect(await policyCount()).toBe(before);
    }
    expectError(
      await t.request('GET', '/api/v1/policies', undefined, { token: nobody.token }),
      403,
      7,
      'PERMISSION_DENIED',
    );
  });
});
