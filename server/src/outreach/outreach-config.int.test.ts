import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, startTestApp, type TestApp } from '../../test/test-app.js';
import { ensureMunicipalityDefaults } from '../admin/ensure-municipality-defaults.js';
import { ensureDefaultTrustStages } from './trust-stage.repo.js';

type Stages = { version: number; stages: Array<{ id: string; code: string; name: string; retired: boolean }> };
type Lead = { id: string; version: number; status: string; stageName: string; closeReason: string | null; cadence: { intervalDays: number; lapsed: boolean; dueOn: string } | null; caseId: string | null };
type Lapses = { watched: number; items: Array<{ kind: string; id: string; label: string; daysOverdue: number; dueOn: string }> };

let t: TestApp;
const c: Record<string, Client> = {};
const day = (offset: number) => new Date(Date.now() + 9 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp();
  for (const login of ['houkatsu1', 'staff-houkatsu1-1', 'jiritsu', 'admin', 'minsei1', 'auditor', 'outreach']) c[login] = await t.signIn(login);
});
afterAll(async () => {
  await t?.close();
});
const h = () => c.houkatsu1!;
const newLead = async (client: Client, body: Record<string, unknown> = {}) =>
  json<Lead>(await client.post('/api/v1/outreach/leads', { source: 'neighbour', personDescription: '60代男性', concern: '最近見かけない', ...body }));

describe('信頼関係の段階 (municipal configuration)', () => {
  it('every municipality has the default stages, once (idempotent)', async () => {
    const before = json<Stages>(await h().get('/api/v1/outreach/trust-stages'));
    expect(before.stages.map((s) => s.name)).toEqual(['未接触', '接触できた', '話ができる', '相談につながる', '支援開始']);
    await ensureDefaultTrustStages(t.database.db, t.municipalityId);
    await ensureMunicipalityDefaults(t.database.db);
    expect(json<Stages>(await h().get('/api/v1/outreach/trust-stages')).stages).toHaveLength(5);
  });

  it('the 市町村管理者 renames, reorders, adds and retires stages; a stale version conflicts; others are refused', async () => {
    const cur = json<Stages>(await c.admin!.get('/api/v1/outreach/trust-stages'));
    const [a, b, cc, d, e] = cur.stages;
    const body = {
      version: cur.version,
      stages: [{ id: a!.id, name: '未接触' }, { id: b!.id, name: '顔が見えた' }, { name: '手紙のやりとり' }, { id: cc!.id, name: '話ができる' }, { id: d!.id, name: '相談につながる', retired: true }, { id: e!.id, name: '支援開始' }],
    };
    for (const login of ['houkatsu1', 'minsei1', 'auditor']) expect((await c[login]!.put('/api/v1/admin/trust-stages', body)).statusCode, login).toBe(403);
    const res = await c.admin!.put('/api/v1/admin/trust-stages', body);
    expect(res.statusCode, res.body).toBe(200);
    const saved = json<Stages>(res);
    expect(saved.stages.map((s) => `${s.name}${s.retired ? '×' : ''}`)).toEqual(['未接触', '顔が見えた', '手紙のやりとり', '話ができる', '相談につながる×', '支援開始']);
    expect((await c.admin!.put('/api/v1/admin/trust-stages', body)).statusCode).toBe(409);
    const dropped = await c.admin!.put('/api/v1/admin/trust-stages', { version: saved.version, stages: saved.stages.slice(1).map((s) => ({ id: s.id, name: s.name })) });
    expect(dropped.statusCode).toBe(400);
    // A retired stage cannot be chosen for a lead any more.
    const lead = await newLead(h());
    expect(lead.stageName).toBe('未接触');
    expect((await h().post(`/api/v1/outreach/leads/${lead.id}/stage`, { stageId: d!.id, version: lead.version })).statusCode).toBe(400);
    const audit = await t.database.db.selectFrom('audit_event').select(['action', 'actor_login']).where('action', '=', 'trust_stage.update').where('outcome', '=', 'success').execute();
    expect(audit).toEqual([{ action: 'trust_stage.update', actor_login: 'admin' }]);
    expect((await c.minsei1!.get('/api/v1/outreach/trust-stages')).statusCode).toBe(403);
  });
});

describe('leads filed by workers; close and reopen', () => {
  it('records the source, area and 担当者 (a colleague of the agency only)', async () => {
    const options = json<{ areas: Array<{ id: string; name: string }>; workers: Array<{ id: string; name: string }> }>(await h().get('/api/v1/outreach/options'));
    const east = options.areas.find((a) => a.name === '東部圏域')!;
    const colleague = options.workers.find((w) => w.name !== '東 包括')!;
    const lead = await newLead(h(), { source: 'agency', sourceDetail: '水道局', areaId: east.id, assignedUserId: colleague.id, urgency: 'urgent' });
    expect(lead).toMatchObject({ status: 'open' });
    const jiritsuUser = await t.database.db.selectFrom('app_user').select('user_id').where('login_name', '=', 'jiritsu').executeTakeFirstOrThrow();
    expect((await h().post('/api/v1/outreach/leads', { source: 'other', personDescription: 'x', concern: 'y', assignedUserId: jiritsuUser.user_id })).statusCode).toBe(400);
    expect((await h().post('/api/v1/outreach/leads', { source: 'volunteer', personDescription: 'x', concern: 'y' })).statusCode).toBe(400);
    // The colleague sees it in "mine"; houkatsu1 does not.
    const mine = json<{ items: Array<{ id: string }> }>(await c['staff-houkatsu1-1']!.get('/api/v1/outreach/leads?mine=true'));
    expect(mine.items.map((i) => i.id)).toContain(lead.id);
    expect(json<{ items: Array<{ id: string }> }>(await h().get('/api/v1/outreach/leads?mine=true')).items.map((i) => i.id)).not.toContain(lead.id);
  });

  it('closes with a reason (その他 needs a note) and reopens', async () => {
    const lead = await newLead(h());
    expect((await h().post(`/api/v1/outreach/leads/${lead.id}/close`, { reason: 'other', version: lead.version })).statusCode).toBe(400);
    const closed = json<Lead>(await h().post(`/api/v1/outreach/leads/${lead.id}/close`, { reason: 'moved', note: '転居', version: lead.version }));
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'moved' });
    expect((await h().post(`/api/v1/outreach/leads/${lead.id}/attempts`, { kind: 'visit', outcome: 'absent' })).statusCode).toBe(400);
    const closedList = json<{ items: Array<{ id: string }> }>(await h().get('/api/v1/outreach/leads?filter=closed'));
    expect(closedList.items.map((i) => i.id)).toContain(lead.id);
    const reopened = json<Lead>(await h().post(`/api/v1/outreach/leads/${lead.id}/reopen`, { version: closed.version }));
    expect(reopened).toMatchObject({ status: 'open', closeReason: null });
  });
});

describe('つながり続ける: contact cadence and lapses', () => {
  let lapsedLead: Lead;
  let freshLead: Lead;
  let caseId: string;

  it('a lead and a case get a cadence; lapses are listed oldest first, for the worker and the agency', async () => {
    lapsedLead = await newLead(h(), { personDescription: '途絶えた人' });
    freshLead = await newLead(h(), { personDescription: '連絡している人' });
    expect(json<Lead>(await h().put(`/api/v1/outreach/leads/${lapsedLead.id}/cadence`, { intervalDays: 14 })).cadence).toMatchObject({ intervalDays: 14, lapsed: false });
    await h().put(`/api/v1/outreach/leads/${freshLead.id}/cadence`, { intervalDays: 7 });
    // A case in ongoing support with a 30-day cadence and no contact for 40 days.
    const person = json<{ id: string }>(await h().post('/api/v1/persons', { familyName: '伴走', givenName: '花子' }));
    const hh = json<{ id: string }>(await h().post('/api/v1/households', { label: '伴走さん世帯', members: [{ personId: person.id }] }));
    caseId = json<{ id: string }>(await h().post('/api/v1/cases', { householdId: hh.id })).id;
    const set = await h().put(`/api/v1/cases/${caseId}/cadence`, { intervalDays: 30 });
    expect(set.statusCode, set.body).toBe(200);
    // Time passes: the cadences started long ago.
    await t.database.db.updateTable('contact_cadence').set({ starts_on: day(-20) }).where('lead_id', '=', lapsedLead.id).execute();
    await t.database.db.updateTable('contact_cadence').set({ starts_on: day(-20) }).where('lead_id', '=', freshLead.id).execute();
    await t.database.db.updateTable('contact_cadence').set({ starts_on: day(-40) }).where('case_id', '=', caseId).execute();
    await h().post(`/api/v1/outreach/leads/${freshLead.id}/attempts`, { kind: 'phone', outcome: 'no_answer' });

    const lapses = json<Lapses>(await h().get('/api/v1/outreach/lapses?scope=mine'));
    const ours = lapses.items.filter((i) => [lapsedLead.id, freshLead.id, caseId].includes(i.id));
    expect(ours.map((i) => [i.kind, i.label, i.daysOverdue])).toEqual([
      ['case', '伴走さん世帯', 10],
      ['lead', '途絶えた人', 6],
    ]);
    const dues = lapses.items.map((i) => i.dueOn);
    expect(dues).toEqual([...dues].sort());
    const agency = json<Lapses>(await c['staff-houkatsu1-1']!.get('/api/v1/outreach/lapses?scope=agency'));
    expect(agency.items.map((i) => i.id)).toEqual(expect.arrayContaining([lapsedLead.id, caseId]));
    expect(json<Lapses>(await c['staff-houkatsu1-1']!.get('/api/v1/outreach/lapses?scope=mine')).items.map((i) => i.id)).not.toContain(lapsedLead.id);
    expect(json<Lapses>(await c.jiritsu!.get('/api/v1/outreach/lapses?scope=agency')).items.map((i) => i.id)).not.toContain(lapsedLead.id);
  });

  it('a contact attempt or a 支援経過記録 ends the lapse; closing the lead stops watching it', async () => {
    await h().post(`/api/v1/outreach/leads/${lapsedLead.id}/attempts`, { kind: 'visit', outcome: 'absent' });
    const note = await h().post(`/api/v1/cases/${caseId}/progress-notes`, { occurredOn: day(0), kind: 'phone', subject: '定期連絡', body: '電話で様子を確認した。' });
    expect(note.statusCode, note.body).toBe(201);
    const ids = json<Lapses>(await h().get('/api/v1/outreach/lapses?scope=agency')).items.map((i) => i.id);
    expect(ids).not.toContain(lapsedLead.id);
    expect(ids).not.toContain(caseId);
    const cadence = json<{ cadence: { lastContactOn: string; lapsed: boolean }; canEdit: boolean }>(await h().get(`/api/v1/cases/${caseId}/cadence`));
    expect(cadence).toMatchObject({ canEdit: true, cadence: { lastContactOn: day(0), lapsed: false } });
    const current = json<Lead>(await h().get(`/api/v1/outreach/leads/${freshLead.id}`));
    await h().post(`/api/v1/outreach/leads/${freshLead.id}/close`, { reason: 'no_need', version: current.version });
    expect((await h().put(`/api/v1/outreach/leads/${freshLead.id}/cadence`, { intervalDays: 3 })).statusCode).toBe(400);
    const cleared = json<Lead>(await h().put(`/api/v1/outreach/leads/${lapsedLead.id}/cadence`, { intervalDays: null }));
    expect(cleared.cadence).toBeNull();
  });

  it('the demo seed has lapsed cadences on the home card of houkatsu1, and reads of lists are audited', async () => {
    const lapses = json<Lapses>(await h().get('/api/v1/outreach/lapses'));
    expect(lapses.items.length).toBeGreaterThan(0);
    const events = await t.database.db.selectFrom('audit_event').select(['action', 'basis']).where('actor_login', '=', 'houkatsu1').where('action', 'in', ['contact_cadence.lapses', 'outreach_lead.list', 'contact_cadence.read']).execute();
    expect(new Set(events.map((e) => e.action))).toEqual(new Set(['contact_cadence.lapses', 'outreach_lead.list', 'contact_cadence.read']));
    expect(events.every((e) => e.basis)).toBe(true);
    expect((await c.auditor!.get('/api/v1/outreach/lapses')).statusCode).toBe(403);
    expect((await c.minsei1!.get(`/api/v1/cases/${caseId}/cadence`)).statusCode).toBe(404);
  });
});
