import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp } from '../../test/test-app.js';
import type { Actor, Role } from '../platform/access/actor.js';
import { can } from '../platform/access/index.js';
import { personFacts } from './person.repo.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function actorOf(login: string): Promise<Actor> {
  const u = await t.database.db.selectFrom('app_user').selectAll().where('login_name', '=', login).executeTakeFirstOrThrow();
  const agencies = await t.database.db.selectFrom('user_agency').select('agency_id').where('user_id', '=', u.user_id).execute();
  return { userId: u.user_id, municipalityId: u.municipality_id, prefectureCode: '99', loginName: login, roles: u.roles as Role[], agencyIds: agencies.map((a) => a.agency_id) };
}

describe('search visibility agrees with the access policy', () => {
  it('lists exactly the persons each user may read, for every demo role', async () => {
    // Persons owned in different ways: by registration, and by living in another agency's household.
    const owners = ['houkatsu1', 'jiritsu', 'soudan1', 'kodomo', 'coordinator'];
    const ids: string[] = [];
    for (const [i, login] of owners.entries()) {
      const c = await t.signIn(login);
      const res = await c.post('/api/v1/persons', { familyName: '共通', givenName: `${i}号`, familyKana: 'きょうつう' });
      expect(res.statusCode).toBe(201);
      ids.push(json<{ id: string }>(res).id);
    }
    const kodomo = await t.signIn('kodomo');
    const jiritsu = await t.signIn('jiritsu');
    // jiritsu's person also lives in a household kodomo registers → kodomo sees them too.
    const viaJiritsu = ids[1]!;
    const shared = json<{ id: string }>(await jiritsu.post('/api/v1/households', { label: '共通世帯', members: [{ personId: viaJiritsu }] }));
    // …and the household's case is handed to soudan1's agency, which accepts: soudan1 leads it now.
    const soudan = await t.signIn('soudan1');
    const soudanAgency = json<{ agencies: Array<{ id: string }> }>(await soudan.get('/api/v1/me')).agencies[0]!.id;
    const kase = json<{ id: string; version: number }>(await jiritsu.post('/api/v1/cases', { householdId: shared.id }));
    await jiritsu.post(`/api/v1/cases/${kase.id}/transfer`, { toAgencyId: soudanAgency, reason: '障害福祉サービスの調整', version: kase.version });
    const transfer = json<{ items: Array<{ transferId: string }> }>(await soudan.get('/api/v1/case-transfers/inbox')).items[0]!;
    expect((await soudan.post(`/api/v1/case-transfers/${transfer.transferId}/accept`)).statusCode).toBe(200);
    const soudanSees = json<{ items: Array<{ id: string }> }>(await soudan.get(`/api/v1/persons?q=${encodeURIComponent('共通')}`)).items.map((h) => h.id);
    expect(soudanSees).toContain(viaJiritsu);
    const house = json<{ id: string }>(await kodomo.post('/api/v1/households', { label: 'こども世帯', members: [] }));
    // kodomo cannot place a person it cannot see…
    expect((await kodomo.post(`/api/v1/households/${house.id}/members`, { personId: viaJiritsu })).statusCode).toBe(404);

    const logins = ['admin', 'coordinator', 'houkatsu1', 'soudan1', 'kodomo', 'jiritsu', 'outreach', 'minsei1', 'auditor', 'pref', 'sysadmin', 'staff-kikan-1'];
    for (const login of logins) {
      const actor = await actorOf(login);
      const allowed: string[] = [];
      for (const id of ids) {
        const facts = (await personFacts(t.database.db, t.municipalityId, id))!;
        if (can(actor, 'read', facts).allowed) allowed.push(id);
      }
      const c = await t.signIn(login);
      const res = await c.get(`/api/v1/persons?q=${encodeURIComponent('共通')}&limit=100`);
      const listed = res.statusCode === 200 ? json<{ items: Array<{ id: string }> }>(res).items.map((h) => h.id) : [];
      expect(listed.sort(), login).toEqual(allowed.sort());
      for (const id of ids) {
        const read = await c.get(`/api/v1/persons/${id}`);
        expect(read.statusCode === 200, `${login} reads ${id}`).toBe(allowed.includes(id));
      }
    }
  });
});
