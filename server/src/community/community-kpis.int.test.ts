import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, startTestApp, type TestApp } from '../../test/test-app.js';

/**
 * A fixed fixture in 年度 2024 (April 2024 – March 2025) in a 圏域 of its own, counted by hand:
 *
 * place A サロン, opened 2024-06-01 — activity A1 weekly on Wednesdays from 2024-06-05
 *   2024-06-05  子3 高7        = 10  multi   partners P1 P2
 *   2024-06-12  現2 不1        =  3          partners P1
 *   2024-06-19  cancelled
 *   2025-03-26  現1 高5        =  6  multi   partners P3
 * place B 子ども食堂, opened 2023-01-01, closed 2024-09-30 — B1 on the 2nd Saturday
 *   2024-03-09  子20           (previous 年度)
 *   2024-04-13  子8            =  8
 *   2024-05-11  子12 高2       = 14  multi   partners P2
 * place C 居場所, being prepared (no opening day): never counted.
 *
 * 年度 2024: 拠点 2, 開催 5, 参加者 41 (子23 現3 高14 不1), 参加団体 3, 多世代 3.
 */
let t: TestApp;
let co: Client;
let areaId: string;

type KpiNumbers = { places: number; sessions: number; participants: number; partners: number; multiGenerationalSessions: number; byBand: Record<string, number> };
type Kpis = { fiscalYear: number; from: string; to: string; total: KpiNumbers; months: Array<KpiNumbers & { month: string }> };

const counts = (child: number, adult: number, elderly: number, unknown = 0) => ({ child, adult, elderly, unknown });

async function post<T = { id: string }>(url: string, body: unknown): Promise<T> {
  const res = await co.post(url, body);
  expect(res.statusCode, res.body).toBe(201);
  return json<T>(res);
}
async function record(activityId: string, day: string, body: Record<string, unknown>) {
  const res = await co.put(`/api/v1/community/activities/${activityId}/sessions/${day}`, body);
  expect(res.statusCode, res.body).toBe(200);
  return json<{ version: number }>(res);
}

beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.signIn('admin');
  co = await t.signIn('coordinator');
  areaId = json<{ id: string }>(await admin.post('/api/v1/areas', { code: 'kpi-fixture', name: '指標検証地区', kind: 'district' })).id;
  const P1 = (await post('/api/v1/community/partners', { name: '検証自治会', kind: 'neighbourhood' })).id;
  const P2 = (await post('/api/v1/community/partners', { name: '検証NPO', kind: 'npo' })).id;
  const P3 = (await post('/api/v1/community/partners', { name: '検証小学校', kind: 'school' })).id;
  const A = (await post('/api/v1/community/places', { name: '検証サロン', kind: 'salon', areaId, openedOn: '2024-06-01' })).id;
  const B = (await post('/api/v1/community/places', { name: '検証子ども食堂', kind: 'kodomo_shokudo', areaId, openedOn: '2023-01-01', closedOn: '2024-09-30', status: 'closed' })).id;
  await post('/api/v1/community/places', { name: '検証居場所', kind: 'ibasho', areaId, status: 'preparing' });
  const A1 = (await post(`/api/v1/community/places/${A}/activities`, { name: '水曜サロン', schedule: { freq: 'weekly', weekdays: [3] }, startsAt: '13:30', endsAt: '15:30', validFrom: '2024-06-05' })).id;
  const B1 = (await post(`/api/v1/community/places/${B}/activities`, {
    name: '第2土曜の食堂',
    schedule: { freq: 'monthly_nth', weekdays: [6], nths: [2] },
    startsAt: '11:00',
    endsAt: '14:00',
    validFrom: '2023-01-01',
    validTo: '2024-09-30',
  })).id;
  await record(A1, '2024-06-05', { counts: counts(3, 0, 7), partnerIds: [P1, P2] });
  const june12 = await record(A1, '2024-06-12', { counts: counts(0, 0, 9), partnerIds: [] });
  // A past session corrected later: the KPIs count what is recorded now.
  await record(A1, '2024-06-12', { version: june12.version, counts: counts(0, 2, 0, 1), partnerIds: [P1] });
  await record(A1, '2024-06-19', { status: 'cancelled', counts: counts(0, 0, 0), partnerIds: [] });
  await record(A1, '2025-03-26', { counts: counts(0, 1, 5), partnerIds: [P3] });
  await record(B1, '2024-03-09', { counts: counts(20, 0, 0), partnerIds: [P2] });
  await record(B1, '2024-04-13', { counts: counts(8, 0, 0), partnerIds: [] });
  await record(B1, '2024-05-11', { counts: counts(12, 0, 2), partnerIds: [P2] });
});
afterAll(async () => {
  await t?.close();
});

describe('地域づくりの指標 against a hand count', () => {
  it('the 年度 total of the 圏域', async () => {
    const k = json<Kpis>(await co.get(`/api/v1/community/kpis?fiscalYear=2024&areaId=${areaId}`));
    expect(k).toMatchObject({ fiscalYear: 2024, from: '2024-04-01', to: '2025-03-31' });
    expect(k.total).toEqual({ places: 2, sessions: 5, participants: 41, partners: 3, multiGenerationalSessions: 3, byBand: counts(23, 3, 14, 1) });
  });

  it('each month', async () => {
    const k = json<Kpis>(await co.get(`/api/v1/community/kpis?fiscalYear=2024&areaId=${areaId}`));
    const month = (m: string) => {
      const { byBand: _b, month: _m, ...rest } = k.months.find((x) => x.month === m)!;
      return rest;
    };
    expect(k.months.map((m) => m.month)).toEqual(['2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03']);
    expect(month('2024-04')).toEqual({ places: 1, sessions: 1, participants: 8, partners: 0, multiGenerationalSessions: 0 });
    expect(month('2024-05')).toEqual({ places: 1, sessions: 1, participants: 14, partners: 1, multiGenerationalSessions: 1 });
    expect(month('2024-06')).toEqual({ places: 2, sessions: 2, participants: 13, partners: 2, multiGenerationalSessions: 1 });
    expect(month('2024-09')).toEqual({ places: 2, sessions: 0, participants: 0, partners: 0, multiGenerationalSessions: 0 });
    expect(month('2024-10')).toEqual({ places: 1, sessions: 0, participants: 0, partners: 0, multiGenerationalSessions: 0 });
    expect(month('2025-03')).toEqual({ places: 1, sessions: 1, participants: 6, partners: 1, multiGenerationalSessions: 1 });
  });

  it('the previous 年度 holds the March 2024 session only; the whole municipality counts the same sessions for 2024', async () => {
    const prev = json<Kpis>(await co.get(`/api/v1/community/kpis?fiscalYear=2023&areaId=${areaId}`));
    expect(prev.total).toMatchObject({ places: 1, sessions: 1, participants: 20, partners: 1, multiGenerationalSessions: 0 });
    const all = json<Kpis>(await co.get('/api/v1/community/kpis?fiscalYear=2024'));
    expect(all.total).toMatchObject({ sessions: 5, participants: 41, partners: 3, multiGenerationalSessions: 3 });
    expect(all.total.places).toBeGreaterThanOrEqual(2);
  });

  it('an unknown 圏域 is refused', async () => {
    const res = await co.get('/api/v1/community/kpis?fiscalYear=2024&areaId=00000000-0000-7000-8000-000000000000');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('登録されていない圏域です。');
  });
});

describe('the demo seed', () => {
  it('gives each of the three 圏域 places and about three months of attendance with multi-generational sessions', async () => {
    const areas = json<{ items: Array<{ id: string; code: string }> }>(await co.get('/api/v1/areas')).items.filter((a) => ['east', 'west', 'south'].includes(a.code));
    const places = json<{ items: Array<{ areaId: string | null; status: string }> }>(await co.get('/api/v1/community/places')).items;
    expect(places.filter((p) => areas.some((a) => a.id === p.areaId))).toHaveLength(12);
    for (const area of areas) {
      const k = json<Kpis>(await co.get(`/api/v1/community/kpis?areaId=${area.id}`));
      expect(k.total.places, area.code).toBeGreaterThanOrEqual(3);
      expect(k.total.sessions, area.code).toBeGreaterThan(10);
      expect(k.total.partners, area.code).toBeGreaterThan(0);
    }
    const all = json<Kpis>(await co.get('/api/v1/community/kpis'));
    expect(all.total.multiGenerationalSessions).toBeGreaterThan(0);
    expect(json<{ items: unknown[] }>(await co.get('/api/v1/community/log')).items.length).toBeGreaterThanOrEqual(5);
  });
});
