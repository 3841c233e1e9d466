import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, startTestApp, type TestApp } from '../../test/test-app.js';
import { DEFAULT_TERMS, ensureDefaultTaxonomy } from './default-taxonomy.js';

let t: TestApp;
const c: Record<string, Client> = {};
type Options = {
  terms: Array<{ id: string; code: string; name: string; taxonomy: string }>;
  areas: Array<{ id: string; code: string; name: string }>;
  organizations: Array<{ id: string; name: string }>;
  canEdit: boolean;
};
type Service = {
  id: string;
  name: string;
  version: number;
  status: string;
  stale: boolean;
  assuredDate: string | null;
  assuredBy: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  capacity: number | null;
  waitlistCount: number | null;
  canEdit: boolean;
  terms: Array<{ code: string }>;
  schedules: Array<{ id: string; freq: string; byday: string; opensAt: string; closesAt: string }>;
  serviceAreas: Array<{ id: string; areaName: string }>;
  locations: Array<{ id: string; serviceAtLocationId: string; address: string; postalCode: string; areaName: string }>;
  languages: Array<{ code: string }>;
  costOptions: Array<{ amount: number }>;
};
type List = { items: Array<{ id: string; name: string; stale: boolean; terms: Array<{ code: string }> }>; total: number; staleTotal: number; canEdit: boolean };
let options: Options;
const term = (code: string) => options.terms.find((x) => x.code === code)!.id;
const area = (code: string) => options.areas.find((x) => x.code === code)!.id;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());

beforeAll(async () => {
  t = await startTestApp();
  for (const login of ['outreach', 'coordinator', 'houkatsu1', 'minsei1', 'admin', 'auditor']) c[login] = await t.signIn(login);
  options = json<Options>(await c.outreach!.get('/api/v1/resources/options'));
});
afterAll(async () => {
  await t?.close();
});

const body = (over: Record<string, unknown> = {}) => ({
  organizationId: options.organizations[0]!.id,
  name: '就労体験「テスト工房」',
  description: '袋詰めの軽作業を体験する。',
  status: 'active',
  minimumAge: 18,
  maximumAge: 64,
  capacity: 2,
  waitlistCount: 1,
  eligibilityDescription: '就労に不安のある人',
  termIds: [term('work_experience')],
  schedules: [{ freq: 'WEEKLY', byday: 'MO,WE', opensAt: '10:00', closesAt: '15:00' }],
  serviceAreas: [{ areaId: area('west') }],
  languages: [{ code: 'ja', name: '日本語' }],
  costOptions: [{ option: '参加費', amount: 0 }],
  locations: [{ name: 'テスト工房', address: 'デモ県デモ市西町9-9-9', postalCode: '９９００２９９', areaId: area('west') }],
  ...over,
});

describe('地域資源 directory for staff', () => {
  it('ships the Japanese taxonomy (the 11 codes 参加支援 relies on) once, however often it is ensured', async () => {
    const codes = options.terms.filter((x) => x.taxonomy === 'kasane-ja').map((x) => x.code);
    expect(codes).toEqual(
      expect.arrayContaining(['ibasho', 'salon', 'kayoinoba', 'kodomo_shokudo', 'work_experience', 'volunteer', 'learning_support', 'housing_support', 'mimamori', 'consultation_desk', 'food_bank']),
    );
    await ensureDefaultTaxonomy(t.database.db, t.municipalityId);
    await ensureDefaultTaxonomy(t.database.db, t.municipalityId);
    const again = json<Options>(await c.outreach!.get('/api/v1/resources/options'));
    expect(again.terms.filter((x) => x.taxonomy === 'kasane-ja')).toHaveLength(DEFAULT_TERMS.length);
    expect(options.areas.map((a) => a.name)).toEqual(['東部圏域', '西部圏域', '南部圏域']);
  });

  it('the demo directory has services across the taxonomy, some flagged 要再確認', async () => {
    const all = json<List>(await c.houkatsu1!.get('/api/v1/resources/services?perPage=200'));
    expect(all.total).toBeGreaterThanOrEqual(25);
    expect(all.staleTotal).toBeGreaterThanOrEqual(2);
    const work = json<List>(await c.houkatsu1!.get(`/api/v1/resources/services?termId=${term('work_experience')}`));
    expect(work.total).toBeGreaterThanOrEqual(2);
    expect(work.items.every((i) => i.terms.some((x) => x.code === 'work_experience'))).toBe(true);
  });

  it('a 参加支援員 registers a service with every field; it starts 要再確認 until someone checks it', async () => {
    const res = await c.outreach!.post('/api/v1/resources/services', body());
    expect(res.statusCode).toBe(201);
    const s = json<Service>(res);
    expect(s).toMatchObject({ name: '就労体験「テスト工房」', minimumAge: 18, maximumAge: 64, capacity: 2, waitlistCount: 1, stale: true, assuredDate: null, canEdit: true, version: 1 });
    expect(s.terms.map((x) => x.code)).toEqual(['work_experience']);
    expect(s.schedules[0]).toMatchObject({ freq: 'WEEKLY', byday: 'MO,WE', opensAt: '10:00', closesAt: '15:00' });
    expect(s.serviceAreas[0]!.areaName).toBe('西部圏域');
    expect(s.locations[0]).toMatchObject({ postalCode: '990-0299', areaName: '西部圏域' });
    const events = await t.database.db.selectFrom('audit_event').select(['action', 'basis']).where('target_id', '=', s.id).execute();
    expect(events).toEqual([{ action: 'resource.service.create', basis: expect.any(String) }]);
  });

  it('確認済みにする sets today and the user’s name; edits keep nested ids; a stale version is a conflict', async () => {
    const s = json<Service>(await c.outreach!.post('/api/v1/resources/services', body({ name: '競合テスト' })));
    const assured = json<Service>(await c.outreach!.post(`/api/v1/resources/services/${s.id}/assure`, { version: s.version }));
    expect(assured).toMatchObject({ assuredDate: today(), assuredBy: '訪問 つなぐ', stale: false, version: 2 });

    const edit = (by: Client, version: number, over: Record<string, unknown>) =>
      by.put(`/api/v1/resources/services/${s.id}`, body({ version, ...over, schedules: assured.schedules, serviceAreas: assured.serviceAreas, locations: assured.locations }));
    const first = await edit(c.coordinator!, 2, { name: '競合テスト（改）', capacity: 5 });
    expect(first.statusCode).toBe(200);
    const updated = json<Service>(first);
    expect(updated).toMatchObject({ name: '競合テスト（改）', capacity: 5, version: 3, assuredDate: today() });
    expect(updated.schedules[0]!.id).toBe(assured.schedules[0]!.id);
    expect(updated.locations[0]!.serviceAtLocationId).toBe(assured.locations[0]!.serviceAtLocationId);

    const second = await edit(c.outreach!, 2, { name: '上書きしようとした' });
    expect(second.statusCode).toBe(409);
    expect(json<{ error: { code: string; message: string } }>(second).error).toMatchObject({ code: 'conflict', message: expect.stringContaining('他の人が先に更新しました') });
    expect((await c.outreach!.post(`/api/v1/resources/services/${s.id}/assure`, { version: 2 })).statusCode).toBe(409);
    expect(json<Service>(await c.outreach!.get(`/api/v1/resources/services/${s.id}`)).name).toBe('競合テスト（改）');
  });

  it('refuses invalid input with Japanese messages per field', async () => {
    const res = await c.outreach!.post(
      '/api/v1/resources/services',
      body({ minimumAge: 70, schedules: [{ freq: 'MONTHLY', byday: 'SA', opensAt: '15:00', closesAt: '10:00' }], termIds: ['0194f5a0-0000-7000-8000-000000000999'] }),
    );
    expect(res.statusCode).toBe(400);
    const fields = json<{ error: { details: { fields: Array<{ path: string; message: string }> } } }>(res).error.details.fields;
    expect(fields).toEqual(
      expect.arrayContaining([
        { path: 'maximumAge', message: '対象年齢の上限は下限以上にしてください。' },
        { path: 'schedules.0.byday', message: expect.stringContaining('第1月曜') },
        { path: 'schedules.0.closesAt', message: '終了時刻は開始時刻より後にしてください。' },
        { path: 'termIds.0', message: '分類が見つかりません。' },
      ]),
    );
  });

  it('lists with search, 分類, 圏域 and 要再確認 filters', async () => {
    await c.outreach!.post('/api/v1/resources/services', body({ name: 'ＡＢＣ就労チャレンジ', termIds: [term('volunteer')], serviceAreas: [], locations: [] }));
    const found = json<List>(await c.houkatsu1!.get(`/api/v1/resources/services?q=${encodeURIComponent('abc 就労')}`));
    expect(found.items.map((i) => i.name)).toEqual(['ＡＢＣ就労チャレンジ']);
    const byTerm = json<List>(await c.houkatsu1!.get(`/api/v1/resources/services?termId=${term('volunteer')}&q=ABC`));
    expect(byTerm.total).toBe(1);
    const stale = json<List>(await c.houkatsu1!.get('/api/v1/resources/services?stale=true&perPage=200'));
    expect(stale.items.length).toBe(stale.total);
    expect(stale.items.every((i) => i.stale)).toBe(true);
    expect(stale.items.map((i) => i.name)).toContain('ＡＢＣ就労チャレンジ');
    const fresh = json<List>(await c.houkatsu1!.get('/api/v1/resources/services?stale=false&perPage=200'));
    expect(fresh.items.some((i) => i.stale)).toBe(false);
    const west = json<List>(await c.houkatsu1!.get(`/api/v1/resources/services?areaId=${area('west')}&perPage=200`));
    expect(west.items.map((i) => i.name)).toContain('就労体験「テスト工房」');
    expect(west.items.map((i) => i.name)).not.toContain('ＡＢＣ就労チャレンジ');
  });

  it('manages 提供機関 with optimistic concurrency', async () => {
    const org = json<{ id: string; version: number }>(await c.coordinator!.post('/api/v1/resources/organizations', { name: 'NPO法人 テスト', description: '' }));
    expect((await c.coordinator!.put(`/api/v1/resources/organizations/${org.id}`, { name: 'NPO法人 テスト（改）', version: 1 })).statusCode).toBe(200);
    expect((await c.outreach!.put(`/api/v1/resources/organizations/${org.id}`, { name: '古い版から', version: 1 })).statusCode).toBe(409);
    const list = json<{ items: Array<{ name: string }> }>(await c.houkatsu1!.get('/api/v1/resources/organizations'));
    expect(list.items.map((o) => o.name)).toContain('NPO法人 テスト（改）');
  });
});

describe('who may use the staff directory', () => {
  it('a caseworker reads but cannot edit, import or export', async () => {
    const list = json<List>(await c.houkatsu1!.get('/api/v1/resources/services'));
    expect(list.canEdit).toBe(false);
    const id = list.items[0]!.id;
    const view = json<Service>(await c.houkatsu1!.get(`/api/v1/resources/services/${id}`));
    expect(view.canEdit).toBe(false);
    expect((await c.houkatsu1!.post('/api/v1/resources/services', body())).statusCode).toBe(403);
    expect((await c.houkatsu1!.put(`/api/v1/resources/services/${id}`, body({ version: view.version }))).statusCode).toBe(404);
    expect((await c.houkatsu1!.post(`/api/v1/resources/services/${id}/assure`, { version: view.version })).statusCode).toBe(404);
    expect((await c.houkatsu1!.get('/api/v1/resources/export/hsds.json')).statusCode).toBe(404);
    expect((await c.houkatsu1!.post('/api/v1/resources/import/hsds-json', [])).statusCode).toBe(403);
  });

  it('a 民生委員 (and the auditor) get nothing of the staff directory', async () => {
    const id = json<List>(await c.outreach!.get('/api/v1/resources/services')).items[0]!.id;
    for (const login of ['minsei1', 'auditor']) {
      const who = c[login]!;
      expect((await who.get('/api/v1/resources/services')).statusCode).toBe(403);
      expect((await who.get('/api/v1/resources/options')).statusCode).toBe(403);
      expect((await who.get(`/api/v1/resources/services/${id}`)).statusCode).toBe(404);
      expect((await who.post('/api/v1/resources/services', body())).statusCode).toBe(403);
      expect((await who.get('/api/v1/resources/organizations')).statusCode).toBe(403);
    }
    const denied = await t.database.db.selectFrom('audit_event').select('action').where('outcome', '=', 'denied').where('actor_login', '=', 'minsei1').execute();
    expect(denied.map((d) => d.action)).toEqual(expect.arrayContaining(['resource.list', 'resource.read', 'resource.service.create']));
  });

  it('without sign-in the staff API says to sign in', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/resources/services' })).statusCode).toBe(401);
  });
});
