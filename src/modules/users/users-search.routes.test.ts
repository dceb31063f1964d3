import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { READ_ONLY_ADMIN_ROLE } from '../../lib/roles.js';

describe.each(DIALECTS)('user search filters on %s', (dialect) => {
  let t: TestApp;
  const w = {} as Record<string, any>;

  const find = async (body: object): Promise<string[]> => {
    const response = await t.request('POST', '/api/v1/search/users', {
      excludeTypes: ['USER_TYPE_SYSTEM'],
      ...body,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.list.map((v: any) => v.user.id).sort();
  };
  const sorted = (...values: string[]) => [...values].sort();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    w.U1 = await createUser(t, { displayName: 'Katherine Johnson', email: 'kj@nasa.example' });
    w.U2 = await createUser(t, { displayName: 'Dorothy Vaughan' });
    w.U3 = await createUser(t, { displayName: 'Mary Jackson' });
    await t.db
      .updateTable('users')
      .set({ role_ids: JSON.stringify([READ_ONLY_ADMIN_ROLE.id]) })
      .where('id', '=', w.U2.id)
      .execute();
    await t.db.updateTable('users').set({ status: 'DISABLED' }).where('id', '=', w.U3.id).execute();
  });
  afterAll(() => t.close());

  it('applies each filter in the database', async () => {
    const mine = [w.U1.id, w.U2.id, w.U3.id];
    expect(await find({ refs: mine.map((id) => ({ id })) })).toEqual(sorted(...mine));
    expect(await find({ query: 'JOHNSON' })).toEqual([w.U1.id]);
    expect(await find({ email: 'KJ@nasa.example' })).toEqual([w.U1.id]);
    expect(await find({ ids: mine, excludeIds: [w.U1.id] })).toEqual(sorted(w.U2.id, w.U3.id));
    expect(await find({ ids: mine, excludeTypes: ['USER_TYPE_HUMAN'] })).toEqual([]);
    expect(await find({ roleIds: [READ_ONLY_ADMIN_ROLE.id] })).toEqual([w.U2.id]);
    expect(await find({ ids: mine, userStatuses: ['DISABLED'] })).toEqual([w.U3.id]);
  });
});
