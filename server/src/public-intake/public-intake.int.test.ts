import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, startTestApp, type TestApp } from '../../test/test-app.js';
import { ensureMunicipalityDefaults } from '../admin/ensure-municipality-defaults.js';
import { answers, submit } from './public-intake.test-support.js';
import { REFERENCE_PATTERN } from './reference-number.js';

let t: TestApp;
const c: Record<string, Client> = {};
const agencyOf: Record<string, string> = {};

type Consultation = { id: string; route: string; receivingAgencyId: string; anonymous: boolean; categories: string[]; summary: string; details: string | null; visitor: { kind: string; relationship: string | null; name: string | null }; receivedBy: { loginName: string }; consent: { status: string } | null };
type Listed = { items: Array<{ id: string; summary: string }> };
type Unowned = { items: Array<{ consultationId: string; summary: string; reasons: string[] }> };

async function consultationOf(referenceNumber: string): Promise<string> {
  const row = await t.database.db.selectFrom('public_submission').select('consultation_id').where('reference_number', '=', referenceNumber).executeTakeFirstOrThrow();
  return row.consultation_id;
}

beforeAll(async () => {
  t = await startTestApp();
  for (const login of ['admin', 'houkatsu1', 'jiritsu', 'minsei1', 'coordinator']) {
    c[login] = await t.signIn(login);
    agencyOf[login] = json<{ agencies: Array<{ id: string }> }>(await c[login]!.get('/api/v1/me')).agencies[0]!.id;
  }
});
afterAll(async () => {
  await t?.close();
});

describe('住民のオンライン相談: the public form', () => {
  let referenceNumber: string;
  let consultationId: string;

  it('the start-up step gives the municipality its setting once: 市町村 (municipal_office) receives, through a disabled system user with no role', async () => {
    await ensureMunicipalityDefaults(t.database.db);
    await ensureMunicipalityDefaults(t.database.db);
    const settings = await t.database.db.selectFrom('public_intake_setting').selectAll().execute();
    expect(settings).toHaveLength(1);
    expect(settings[0]).toMatchObject({ designated_agency_id: agencyOf.admin, enabled: true, version: 1 });
    const user = await t.database.db.selectFrom('app_user').selectAll().where('user_id', '=', settings[0]!.system_user_id).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ login_name: 'public-intake:990001', status: 'disabled', roles: [] });
    expect(await t.database.db.selectFrom('user_agency').select('agency_id').where('user_id', '=', user.user_id).execute()).toEqual([]);
    const created = await t.database.db.selectFrom('audit_event').select(['actor_login']).where('action', '=', 'public_intake_setting.create').execute();
    expect(created).toEqual([{ actor_login: '(system)' }]);
  });

  it('opens without sign-in with a token and the municipality name, and nothing else', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/consultation-form?lang=en', remoteAddress: '198.51.100.10' });
    expect(res.statusCode, res.body).toBe(200);
    const body = json(res);
    expect(Object.keys(body).sort()).toEqual(['formToken', 'municipalityName', 'open']);
    expect(body).toMatchObject({ open: true, municipalityName: 'デモ市' });
    expect(String(body.formToken)).toMatch(/^pf1\./);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('a submission lands in the designated agency (市町村 by default) as an online consultation; the answer is the 受付番号 only', async () => {
    const sent = answers(t);
    const res = await submit(t, sent);
    expect(res.statusCode, res.body).toBe(201);
    const body = json<{ referenceNumber: string }>(res);
    expect(Object.keys(body)).toEqual(['referenceNumber']);
    expect(body.referenceNumber).toMatch(REFERENCE_PATTERN);
    // Nothing the resident wrote comes back.
    for (const secret of ['相談 花子', '090-1111-2222', 'かいご', 'money', 'family', 'unsure']) expect(res.body).not.toContain(secret);
    referenceNumber = body.referenceNumber;
    consultationId = await consultationOf(referenceNumber);

    const view = json<Consultation>(await c.admin!.get(`/api/v1/consultations/${consultationId}`));
    expect(view).toMatchObject({
      route: 'online',
      receivingAgencyId: agencyOf.admin,
      anonymous: false,
      categories: ['living_costs', 'family'],
      visitor: { kind: 'other', relationship: '家族', name: '相談 花子' },
      consent: { status: 'unknown' },
    });
    expect(view.receivedBy.loginName).toMatch(/^public-intake:/);
    expect(view.summary).toContain(`オンライン相談（${referenceNumber}）`);
    expect(view.details).toContain('連絡方法: 電話 090-1111-2222');
    expect(view.details).toContain('連絡してよい時間: 午前（9時〜12時）');
    expect(view.details).toContain(String(sent.text));
  });

  it('the designated agency finds it in its consultation list and in 誰も担当していない相談', async () => {
    const list = json<Listed>(await c.admin!.get('/api/v1/consultations'));
    expect(list.items.map((i) => i.id)).toContain(consultationId);
    const unowned = json<Unowned>(await c.admin!.get('/api/v1/unowned'));
    const row = unowned.items.find((i) => i.consultationId === consultationId);
    expect(row?.reasons).toContain('no_owner');
    expect(row?.summary).toContain(referenceNumber);
  });

  it('other agencies and 民生委員 cannot see it (by id, in lists, in 誰も担当していない相談)', async () => {
    for (const login of ['houkatsu1', 'jiritsu', 'coordinator', 'minsei1']) {
      expect((await c[login]!.get(`/api/v1/consultations/${consultationId}`)).statusCode, login).toBe(404);
      const list = await c[login]!.get('/api/v1/consultations');
      if (list.statusCode === 200) expect(json<Listed>(list).items.map((i) => i.id), login).not.toContain(consultationId);
      const unowned = await c[login]!.get('/api/v1/unowned');
      if (unowned.statusCode === 200) expect(json<Unowned>(unowned).items.map((i) => i.consultationId), login).not.toContain(consultationId);
    }
  });

  it('the public side has no way back to case records: no GET of a submission, and the staff API needs a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/consultations/${consultationId}` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/consultations' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/unowned' })).statusCode).toBe(401);
    for (const url of [`/api/public/consultations/${consultationId}`, `/api/public/consultations/${referenceNumber}`, '/api/public/consultations']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
    // The system user the consultation is recorded under cannot sign in.
    const login = (await t.database.db.selectFrom('app_user').select('login_name').where('login_name', 'like', 'public-intake:%').executeTakeFirstOrThrow()).login_name;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { loginName: login, password: 'whatever-password-1' } });
    expect(res.statusCode).toBe(401);
  });

  it('an audit event records the submission by (public), with no personal data and no network address', async () => {
    const events = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'public_submission.create').where('target_id', '=', consultationId).execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_login: '(public)', actor_user_id: null, outcome: 'success', target_type: 'consultation', client_addr: null });
    const details = JSON.stringify(events[0]!.details);
    for (const secret of ['相談 花子', '090', 'かいご']) expect(details).not.toContain(secret);
    const row = await t.database.db.selectFrom('public_submission').selectAll().where('reference_number', '=', referenceNumber).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ language: 'ja-easy', contact_method: 'phone', agency_id: agencyOf.admin });
    expect(row.client_hash).toMatch(/^[0-9a-f]{32}$/);
    expect(row.client_hash).not.toContain('198.51.100');
  });

  it('anonymous is fine: no name, no contact, consent given; 本人 as visitor', async () => {
    const res = await submit(t, answers(t, { name: null, who: 'self', topics: [], contact: { method: 'none' }, consent: 'yes', lang: 'en', text: 'I have no food.' }), { lang: 'en', ip: '198.51.100.2' });
    expect(res.statusCode, res.body).toBe(201);
    const id = await consultationOf(json<{ referenceNumber: string }>(res).referenceNumber);
    const view = json<Consultation>(await c.admin!.get(`/api/v1/consultations/${id}`));
    expect(view).toMatchObject({ anonymous: true, categories: [], visitor: { kind: 'self', relationship: null, name: null }, consent: { status: 'given' } });
    expect(view.details).toContain('言語: 英語');
    // Lists stay own-agency only, whatever the consent says.
    expect(json<Listed>(await c.houkatsu1!.get('/api/v1/consultations')).items.map((i) => i.id)).not.toContain(id);
    expect((await c.minsei1!.get(`/api/v1/consultations/${id}`)).statusCode).toBe(404);
  });
});

describe('オンライン相談の設定 (municipal_admin)', () => {
  it('shows the default receiving agency; only a 市町村管理者 may change it; the next submission goes there', async () => {
    const setting = json<{ designatedAgencyId: string; enabled: boolean; version: number; agencies: Array<{ id: string; kind: string }> }>(await c.admin!.get('/api/v1/admin/public-intake-setting'));
    expect(setting).toMatchObject({ designatedAgencyId: agencyOf.admin, enabled: true });
    expect(setting.agencies.map((a) => a.kind)).not.toContain('minsei_council');
    expect((await c.houkatsu1!.put('/api/v1/admin/public-intake-setting', { enabled: true, designatedAgencyId: agencyOf.houkatsu1, version: setting.version })).statusCode).toBe(403);
    // 民生委員協議会 cannot receive: its users never see personal records.
    expect((await c.admin!.put('/api/v1/admin/public-intake-setting', { enabled: true, designatedAgencyId: agencyOf.minsei1, version: setting.version })).statusCode).toBe(400);

    const saved = await c.admin!.put('/api/v1/admin/public-intake-setting', { enabled: true, designatedAgencyId: agencyOf.jiritsu, version: setting.version });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(json(saved)).toMatchObject({ designatedAgencyId: agencyOf.jiritsu, version: setting.version + 1 });
    expect((await c.admin!.put('/api/v1/admin/public-intake-setting', { enabled: true, designatedAgencyId: agencyOf.jiritsu, version: setting.version })).statusCode).toBe(409);

    const res = await submit(t, answers(t), { ip: '198.51.100.3' });
    expect(res.statusCode, res.body).toBe(201);
    const id = await consultationOf(json<{ referenceNumber: string }>(res).referenceNumber);
    expect(json<Listed>(await c.jiritsu!.get('/api/v1/consultations')).items.map((i) => i.id)).toContain(id);
    expect(json<Unowned>(await c.jiritsu!.get('/api/v1/unowned')).items.map((i) => i.consultationId)).toContain(id);
    expect((await c.admin!.get(`/api/v1/consultations/${id}`)).statusCode).toBe(404);
    const audit = await t.database.db.selectFrom('audit_event').select('action').where('action', '=', 'public_intake_setting.update').execute();
    expect(audit).toHaveLength(1);
  });

  it('closing the form: the page is told it is closed, and a submission is refused in the chosen language', async () => {
    const setting = json<{ designatedAgencyId: string; version: number }>(await c.admin!.get('/api/v1/admin/public-intake-setting'));
    expect((await c.admin!.put('/api/v1/admin/public-intake-setting', { enabled: false, designatedAgencyId: setting.designatedAgencyId, version: setting.version })).statusCode).toBe(200);
    const form = json(await t.app.inject({ method: 'GET', url: '/api/public/consultation-form', remoteAddress: '198.51.100.4' }));
    expect(form).toEqual({ open: false, municipalityName: 'デモ市', formToken: null });
    const res = await submit(t, answers(t, { lang: 'en' }), { ip: '198.51.100.4', lang: 'en' });
    expect(res.statusCode).toBe(403);
    expect(json<{ error: { message: string; details: { reason: string } } }>(res).error).toMatchObject({ message: 'Online consultation is not open now. Please call us.', details: { reason: 'closed' } });
    expect((await c.admin!.put('/api/v1/admin/public-intake-setting', { enabled: true, designatedAgencyId: setting.designatedAgencyId, version: setting.version + 1 })).statusCode).toBe(200);
  });

  it('a closed receiving agency closes the form until another is chosen', async () => {
    const setting = json<{ designatedAgencyId: string }>(await c.admin!.get('/api/v1/admin/public-intake-setting'));
    const db = t.database.db;
    await db.updateTable('agency').set({ status: 'closed' }).where('agency_id', '=', setting.designatedAgencyId).execute();
    try {
      const form = json(await t.app.inject({ method: 'GET', url: '/api/public/consultation-form', remoteAddress: '198.51.100.5' }));
      expect(form).toMatchObject({ open: false, formToken: null });
      expect((await submit(t, answers(t), { ip: '198.51.100.5' })).statusCode).toBe(403);
    } finally {
      await db.updateTable('agency').set({ status: 'active' }).where('agency_id', '=', setting.designatedAgencyId).execute();
    }
    expect(json(await t.app.inject({ method: 'GET', url: '/api/public/consultation-form', remoteAddress: '198.51.100.5' }))).toMatchObject({ open: true });
  });
});
