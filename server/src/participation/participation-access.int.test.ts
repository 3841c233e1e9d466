import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, startTestApp, type TestApp } from '../../test/test-app.js';
import { caseWithTeam, insertArea, insertServices } from './participation.fixtures.js';

let t: TestApp;
const c: Record<string, Client> = {};
const agencyOf: Record<string, string> = {};
const userOf: Record<string, string> = {};
let serviceId: string;
let caseId: string;
let personId: string;
let need: { id: string; version: number; placements: Array<{ id: string; version: number; followups: Array<{ id: string; version: number }> }> };

const LOGINS = ['outreach', 'houkatsu1', 'jiritsu', 'kodomo', 'soudan1', 'coordinator', 'admin', 'minsei1', 'auditor', 'sysadmin', 'pref'];

beforeAll(async () => {
  t = await startTestApp();
  for (const login of LOGINS) {
    c[login] = await t.signIn(login);
    const me = json<{ user: { id: string }; agencies: Array<{ id: string }> }>(await c[login]!.get('/api/v1/me'));
    agencyOf[login] = me.agencies[0]?.id ?? '';
    userOf[login] = me.user.id;
  }
  const area = await insertArea(t.database.db, t.municipalityId, 'access-test', 'テスト圏域');
  serviceId = (await insertServices(t.database.db, t.municipalityId, area, 'テスト法人', [{ name: '就労体験 テスト', codes: ['work_experience'], capacity: 3 }]))['就労体験 テスト']!;
  const s = await caseWithTeam(t.database.db, t.municipalityId, c.houkatsu1!, { agencyIds: [agencyOf.outreach!, agencyOf.jiritsu!], addedBy: userOf.houkatsu1! }, { familyName: '秘密', givenName: '花子', birthDate: '1985-01-01' });
  caseId = s.caseId;
  personId = s.personId;
  const res = await c.outreach!.post('/api/v1/participation/needs', { personId, caseId, wishCodes: ['work_experience'], personWords: '外に出るきっかけがほしい' });
  expect(res.statusCode, res.body).toBe(201);
  need = json(res);
  need = json(await c.outreach!.post(`/api/v1/participation/needs/${need.id}/placements`, { targetKind: 'service', targetId: serviceId, startOn: '2026-04-01' }));
});
afterAll(async () => {
  await t?.close();
});

describe('who sees a participation need', () => {
  it('WHO MUST NOT SEE: an unrelated agency, a 民生委員, the auditor and the system administrator get 404 everywhere', async () => {
    const p = need.placements[0]!;
    const f = p.followups[0]!;
    for (const login of ['kodomo', 'soudan1', 'minsei1', 'auditor', 'sysadmin', 'pref']) {
      const x = c[login]!;
      const codes = [
        (await x.get(`/api/v1/participation/needs/${need.id}`)).statusCode,
        (await x.get(`/api/v1/participation/needs/${need.id}/matches`)).statusCode,
        (await x.put(`/api/v1/participation/needs/${need.id}`, { version: need.version, wishCodes: ['volunteer'] })).statusCode,
        (await x.post(`/api/v1/participation/needs/${need.id}/close`, { version: need.version, reason: 'x' })).statusCode,
        (await x.post(`/api/v1/participation/needs/${need.id}/placements`, { targetKind: 'service', targetId: serviceId, startOn: '2026-04-01' })).statusCode,
        (await x.post(`/api/v1/participation/placements/${p.id}/status`, { version: p.version, status: 'active' })).statusCode,
        (await x.post(`/api/v1/participation/placements/${p.id}/host-support`, { kind: 'phone', note: 'x' })).statusCode,
        (await x.post(`/api/v1/participation/followups/${f.id}/done`, { version: f.version, condition: 'good' })).statusCode,
      ];
      expect(codes, login).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
      const list = await x.get('/api/v1/participation/needs');
      if (list.statusCode === 200) expect(list.body, login).not.toContain(need.id);
      else expect(list.statusCode, login).toBe(403);
    }
    const denied = await t.database.db.selectFrom('audit_event').select(['action', 'actor_login']).where('outcome', '=', 'denied').where('target_id', '=', need.id).execute();
    expect(new Set(denied.map((d) => d.actor_login))).toEqual(new Set(['kodomo', 'soudan1', 'minsei1', 'auditor', 'sysadmin', 'pref']));
  });

  it('a need for a person the actor may not read cannot be recorded (404)', async () => {
    const other = json<{ id: string }>(await c.kodomo!.post('/api/v1/persons', { familyName: '他機関', givenName: '次郎' }));
    const res = await c.outreach!.post('/api/v1/participation/needs', { personId: other.id, wishCodes: ['volunteer'] });
    expect(res.statusCode).toBe(404);
  });

  it('the keeping agency, the case lead and its 支援チーム read it; each read is audited with its basis', async () => {
    for (const login of ['outreach', 'houkatsu1', 'jiritsu']) {
      const res = await c[login]!.get(`/api/v1/participation/needs/${need.id}`);
      expect(res.statusCode, login).toBe(200);
      const list = json<{ items: Array<{ id: string }> }>(await c[login]!.get('/api/v1/participation/needs?scope=agency'));
      expect(list.items.map((i) => i.id), login).toContain(need.id);
      const ofPerson = json<{ items: Array<{ id: string }> }>(await c[login]!.get(`/api/v1/participation/needs?personId=${personId}`));
      expect(ofPerson.items.map((i) => i.id), login).toContain(need.id);
    }
    const reads = await t.database.db.selectFrom('audit_event').select(['actor_login', 'basis']).where('action', '=', 'participation.read').where('target_id', '=', need.id).where('outcome', '=', 'success').execute();
    const basis = Object.fromEntries(reads.map((r) => [r.actor_login, r.basis]));
    expect(basis.outreach).toMatch(/自機関|所属/);
    expect(basis.houkatsu1).toMatch(/支援チーム/);
    expect(basis.jiritsu).toMatch(/支援チーム/);
  });

  it('the 支援チーム may record a follow-up; once it leaves the team it sees nothing', async () => {
    const f = need.placements[0]!.followups[0]!;
    const done = await c.jiritsu!.post(`/api/v1/participation/followups/${f.id}/done`, { version: f.version, condition: 'some_concerns', note: '朝が起きづらい' });
    expect(done.statusCode, done.body).toBe(200);
    await t.database.db.updateTable('support_team_member').set({ left_on: '2026-01-01' }).where('case_id', '=', caseId).where('agency_id', '=', agencyOf.jiritsu!).execute();
    expect((await c.jiritsu!.get(`/api/v1/participation/needs/${need.id}`)).statusCode).toBe(404);
    const list = json<{ items: Array<{ id: string }> }>(await c.jiritsu!.get('/api/v1/participation/needs'));
    expect(list.items.map((i) => i.id)).not.toContain(need.id);
  });

  it('a 秘匿指定 person: the need is still seen by its own agency and team only', async () => {
    await t.database.db.updateTable('person').set({ confidential: true }).where('person_id', '=', personId).execute();
    expect((await c.outreach!.get(`/api/v1/participation/needs/${need.id}`)).statusCode).toBe(200);
    expect((await c.kodomo!.get(`/api/v1/participation/needs/${need.id}`)).statusCode).toBe(404);
  });
});
