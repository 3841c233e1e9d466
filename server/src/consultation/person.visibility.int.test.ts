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
  it('lists exactly the persons each user may list, and opens exactly those they may read, for every demo role', async () => {
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

    // つなぐ: houkatsu1 refers its person to 自立相談 (legal basis) → jiritsu finds and reads them.
    const houkatsu = await t.signIn('houkatsu1');
    const jiritsuAgency = json<{ agencies: Array<{ id: string }> }>(await jiritsu.get('/api/v1/me')).agencies[0]!.id;
    const kodomoAgency = json<{ agencies: Array<{ id: string }> }>(await kodomo.get('/api/v1/me')).agencies[0]!.id;
    const legal = { reason: '就労支援', urgency: 'normal', basis: 'legal', legalBasis: 'support_meeting_106_6', attachments: [], send: true };
    expect((await houkatsu.post('/api/v1/referrals', { ...legal, toAgencyId: jiritsuAgency, personId: ids[0] })).statusCode).toBe(201);
    // 秘匿指定 (DV): referred to こども家庭センター, who may open it by id but never finds it in search.
    const hidden = json<{ id: string }>(await houkatsu.post('/api/v1/persons', { familyName: '共通', givenName: '秘匿', familyKana: 'きょうつう', confidential: true })).id;
    ids.push(hidden);
    expect((await houkatsu.post('/api/v1/referrals', { ...legal, toAgencyId: kodomoAgency, personId: hidden })).statusCode).toBe(201);

    // 支援チーム: houkatsu1's person in a household whose case has 社協 (coordinator, outreach) on its team.
    const teamHouse = json<{ id: string }>(await houkatsu.post('/api/v1/households', { label: 'チーム世帯', members: [{ personId: ids[0] }] }));
    const teamCase = json<{ id: string }>(await houkatsu.post('/api/v1/cases', { householdId: teamHouse.id }));
    const shakyo = json<{ agencies: Array<{ id: string }> }>(await (await t.signIn('coordinator')).get('/api/v1/me')).agencies[0]!.id;
    expect((await houkatsu.post(`/api/v1/cases/${teamCase.id}/team`, { agencyId: shakyo, role: '見守り' })).statusCode).toBe(201);

    const logins = ['admin', 'coordinator', 'houkatsu1', 'soudan1', 'kodomo', 'jiritsu', 'outreach', 'minsei1', 'auditor', 'pref', 'sysadmin', 'staff-kikan-1'];
    for (const login of logins) {
      const actor = await actorOf(login);
      const allowed: string[] = [];
      const listable: string[] = [];
      for (const id of ids) {
        const facts = (await personFacts(t.database.db, t.municipalityId, id))!;
        if (can(actor, 'read', facts).allowed) allowed.push(id);
        if (can(actor, 'list', facts).allowed) listable.push(id);
      }
      const c = await t.signIn(login);
      const res = await c.get(`/api/v1/persons?q=${encodeURIComponent('共通')}&limit=100`);
      const listed = res.statusCode === 200 ? json<{ items: Array<{ id: string }> }>(res).items.map((h) => h.id) : [];
      expect(listed.sort(), login).toEqual(listable.sort());
      for (const id of ids) {
        const read = await c.get(`/api/v1/persons/${id}`);
        expect(read.statusCode === 200, `${login} reads ${id}`).toBe(allowed.includes(id));
      }
    }
  });
});

describe('referral and 秘匿指定 in search', () => {
  it('the referral receiver finds a referred person, but never a confidential one it may still open', async () => {
    const kodomo = await t.signIn('kodomo');
    const res = json<{ items: Array<{ id: string; givenName?: string }> }>(await kodomo.get(`/api/v1/persons?q=${encodeURIComponent('共通')}&limit=100`));
    const hidden = await t.database.db.selectFrom('person').select('person_id').where('given_name', '=', '秘匿').executeTakeFirstOrThrow();
    expect(res.items.map((i) => i.id)).not.toContain(hidden.person_id);
    expect((await kodomo.get(`/api/v1/persons/${hidden.person_id}`)).statusCode).toBe(200);
    const jiritsu = await t.signIn('jiritsu');
    const referred = await t.database.db.selectFrom('referral').select('person_id').where('legal_basis', '=', 'support_meeting_106_6').orderBy('created_at').executeTakeFirstOrThrow();
    const found = json<{ items: Array<{ id: string }> }>(await jiritsu.get(`/api/v1/persons?q=${encodeURIComponent('共通')}&limit=100`)).items.map((i) => i.id);
    expect(found).toContain(referred.person_id);
  });
});
