import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let houkatsu: Client;
let jiritsu: Client;
let jiritsuAgency: string;
type View = { id: string; version: number; receivedOn: string; personId: string | null; personName: string | null; anonymous: boolean; consent: { status: string; recordedBy: string } | null; consentHistory: unknown[] };

beforeAll(async () => {
  t = await startTestApp();
  houkatsu = await t.signIn('houkatsu1');
  jiritsu = await t.signIn('jiritsu');
  jiritsuAgency = json<{ agencies: Array<{ id: string }> }>(await jiritsu.get('/api/v1/me')).agencies[0]!.id;
});
afterAll(async () => {
  await t?.close();
});

async function take(body: Record<string, unknown>) {
  const res = await houkatsu.post('/api/v1/consultations', body);
  expect(res.statusCode, res.body).toBe(201);
  return json<View>(res);
}

describe('相談受付 (never refuse)', () => {
  it('saves a consultation with nothing but a summary: today, own agency, consent 未確認 recorded by the worker', async () => {
    const v = await take({ route: 'phone', visitor: { kind: 'self' }, summary: '生活が苦しいという電話' });
    expect(v.receivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(v.personId).toBeNull();
    expect(v.consent).toMatchObject({ status: 'unknown', recordedBy: '東 包括' });
  });

  it('takes an anonymous 民生委員 concern, then links the person once identified', async () => {
    const v = await take({
      receivedOn: '令和8年11月20日',
      route: 'meeting',
      visitor: { kind: 'other', relationship: '民生委員', name: '見守 一郎' },
      anonymous: true,
      categories: ['withdrawal', 'care'],
      primaryCategory: 'withdrawal',
      summary: '近所の50代男性を長く見かけない。母親は80代。',
    });
    expect(v.receivedOn).toBe('2026-11-20');
    expect(v.anonymous).toBe(true);
    const person = json<{ id: string }>(await houkatsu.post('/api/v1/persons', { familyName: '特定', givenName: '太郎', familyKana: 'とくてい' }));
    const linked = await houkatsu.post(`/api/v1/consultations/${v.id}/person`, { personId: person.id, version: v.version });
    expect(linked.statusCode).toBe(200);
    expect(json<View>(linked)).toMatchObject({ personId: person.id, personName: '特定 太郎', anonymous: false });
    const list = json<{ items: Array<{ id: string }> }>(await houkatsu.get(`/api/v1/consultations?personId=${person.id}`));
    expect(list.items.map((i) => i.id)).toEqual([v.id]);
  });

  it('explains every form problem in Japanese and saves nothing', async () => {
    const before = (await t.database.db.selectFrom('consultation').select('consultation_id').execute()).length;
    const res = await houkatsu.post('/api/v1/consultations', {
      route: 'visit',
      visitor: { kind: 'other' },
      categories: ['debt'],
      primaryCategory: 'housing',
      summary: '家賃滞納',
      receivedOn: '2月30日',
    });
    expect(res.statusCode).toBe(400);
    const after = (await t.database.db.selectFrom('consultation').select('consultation_id').execute()).length;
    expect(after).toBe(before);
    const empty = await houkatsu.post('/api/v1/consultations', { route: 'visit', visitor: { kind: 'self' }, summary: '   ' });
    expect(empty.statusCode).toBe(400);
    const bad = await houkatsu.post('/api/v1/consultations', { route: 'visit', visitor: { kind: 'other' }, categories: ['debt'], primaryCategory: 'housing', summary: 'x' });
    const paths = (JSON.parse(bad.body) as { error: { details: { fields: Array<{ path: string }> } } }).error.details.fields.map((f) => f.path).sort();
    expect(paths).toEqual(['primaryCategory', 'visitor.relationship']);
  });

  it('lets another agency read only while the person’s consent covers it, and audits the basis', async () => {
    const v = await take({ route: 'visit', visitor: { kind: 'self' }, categories: ['living_costs'], primaryCategory: 'living_costs', summary: '収入が途絶えた', consentStatus: 'unknown' });
    expect((await jiritsu.get(`/api/v1/consultations/${v.id}`)).statusCode).toBe(404);
    expect(json<{ items: Array<{ id: string }> }>(await jiritsu.get('/api/v1/consultations')).items.map((i) => i.id)).not.toContain(v.id);

    const given = json<View>(await houkatsu.post(`/api/v1/consultations/${v.id}/consent`, { status: 'given', agencyScope: [jiritsuAgency], validUntil: '2099-03-31', version: v.version }));
    expect(given.consentHistory).toHaveLength(2);
    const read = await jiritsu.get(`/api/v1/consultations/${v.id}`);
    expect(read.statusCode).toBe(200);
    const event = await t.database.db.selectFrom('audit_event').select('basis').where('action', '=', 'consultation.read').where('actor_login', '=', 'jiritsu').where('target_id', '=', v.id).where('outcome', '=', 'success').executeTakeFirstOrThrow();
    expect(event.basis).toMatch(/同意/);
    // jiritsu may read, but not change it.
    expect((await jiritsu.post(`/api/v1/consultations/${v.id}/consent`, { status: 'given', version: given.version })).statusCode).toBe(404);
    // Another agency outside the scope still sees nothing.
    expect((await (await t.signIn('kodomo')).get(`/api/v1/consultations/${v.id}`)).statusCode).toBe(404);

    const stale = await houkatsu.post(`/api/v1/consultations/${v.id}/consent`, { status: 'withdrawn', version: v.version });
    expect(stale.statusCode).toBe(409);
    const withdrawn = await houkatsu.post(`/api/v1/consultations/${v.id}/consent`, { status: 'withdrawn', version: given.version });
    expect(json<View>(withdrawn).consent?.status).toBe('withdrawn');
    expect((await jiritsu.get(`/api/v1/consultations/${v.id}`)).statusCode).toBe(404);
  });

  it.each(['minsei1', 'auditor', 'sysadmin', 'pref'])('refuses intake and the list to %s', async (login) => {
    const c = await t.signIn(login);
    expect((await c.post('/api/v1/consultations', { route: 'phone', visitor: { kind: 'self' }, summary: 'x' })).statusCode).toBe(403);
    expect((await c.get('/api/v1/consultations')).statusCode).toBe(403);
  });
});
