import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, startTestApp, type TestApp } from '../../test/test-app.js';
import { newId } from '../platform/db/ids.js';
import { addFixtureAgencies } from './analytics.fixtures.js';
import { activityByJigyo } from './activity-check.js';
import { resolveScope } from './analytics-scope.js';
import { CaseworkFixture } from './casework.fixtures.js';

/**
 * A 圏域 of its own (検証圏域) in the demo municipality with agencies a and b in it and c outside,
 * 年度 2024 (2024-04-01 … 2025-03-31), every count worked out by hand (the dashboard is filtered to the 圏域):
 *
 * consultations (a unless noted): p1 05-01 介護・ひきこもり; p2 05-10 ひきこもり・収入; p3 06-01 介護 (b);
 *   p4 04-10 介護・収入; p5 2024-03-20 債務 (previous 年度); p6 07-01 介護・債務 (c, outside); p5 08-01 online.
 *   p7 06-15 債務 (p7 left H1 on 2024-04-01: counts for no household).
 *   → 相談受付件数 6 (April 1, May 2, June 2, August 1). Households H1 {p1,p2} H2 {p3} H3 {p4} H4 {p5} H5 {p6}.
 * co-occurrence (households): 介護 3 (H1 H2 H3), 介護×収入 2, 介護×ひきこもり 1, 収入 2, 収入×ひきこもり 1, ひきこもり 1.
 * cases: K1 H1 05-11 (a), K2 H2 06-03 (b), K3 H3 04-30 (a), K4 H4 08-01 (a), K5 H5 (c, outside),
 *   K6 of a household without consultations 04-01, closed 12-01.
 *   days to owner: K1 10, K2 2, K3 20, K4 134 (H4's first consultation is 2024-03-20) → median 15, p90 99.8.
 *   plans: K1 05-20 (19 days; approved 05-25, evaluated 09-01, 終結 10-01), K3 05-10 (30 days; 中断 2025-02-01)
 *   → median 24.5, p90 28.9; 作成 2, 承認 1, 評価 1, 終結 1, 中断 1.
 * 多機関協働: E1 K1 requested 05-12 by a, started 05-15; E2 K3 2023-12-05 … ended 2024-04-20; E3 K5 (c) → 2 running, 1 started, 1 ended.
 * meetings by a: 支援会議 06-10 [K1 K3], 09-10 [K1]; 重層会議 07-01 [K2], 2025-04-02 [K1] (next 年度); by c 06-11 → 支援 2/3, 重層 1/1.
 * referrals: a→b 05-02 completed, a→b 04-15 accepted, b→a 06-02 rejected, a→c 07-01 requested, a→b draft, a→b 2025-04-01 → 4.
 * leads in the 圏域: L1 04-05 open, L2 2023-10-01…2024-05-01, L3 2023-01-01…2024-02-01; L4 (c, no 圏域) → 2 open, 1 new;
 *   attempts L1 04-06 05-06, L2 04-20, L3 2024-01-10 → 3.
 * no contact at 2025-03-31: K1 interview 2025-03-15; K2 phone 2025-01-10 and a meeting note 03-20; K3 nothing;
 *   K4 a note on 2025-04-10 (later) → 30 days: 3 of 4 (a 2/3, b 1/1); 90 days: 2.
 * 参加支援: p1 need by a from 09-01 → 1 person; a host in the 圏域 registered 06-01 → 1.
 * 地域づくり: a place in the 圏域 opened 04-01, a session 05-05 子4 現1 with one partner → 1 / 5 / 1.
 * March 2025: notes only (K1, K2) → no records of 多機関協働, アウトリーチ, 参加支援, 地域づくり.
 */
let t: TestApp;
let admin: Client;
let areaId: string;
let ag: Record<string, string>;

type Dashboard = {
  statutory: Array<{ code: string; value: number; months: Array<{ month: string; value: number }> }>;
  collaboration: Record<string, number> | null;
  meetings: Array<{ name: string; meetings: number; cases: number; casesPerMeeting: number }> | null;
  outreach: Record<string, number> | null;
  referrals: { total: number; byStatus: Array<{ status: string; count: number }>; pairs: Array<{ fromName: string; toName: string; count: number }> } | null;
  timings: { toOwner: Record<string, number | null>; toPlan: Record<string, number | null> } | null;
  cooccurrence: { cells: Array<{ a: string; b: string; households: number }> } | null;
  noContact: { openCases: number; noContact: number; byAgency: Array<{ name: string; openCases: number; noContact: number }> } | null;
  activity: Array<{ jigyo: string; records: number }>;
  zeroActivity: string[];
};

async function dashboard(query: string, client = admin): Promise<Dashboard> {
  const res = await client.get(`/api/v1/analytics/dashboard?fiscalYear=2024&areaId=${areaId}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<Dashboard>(res);
}
const values = (d: Dashboard) => Object.fromEntries(d.statutory.map((s) => [s.code, s.value]));

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn('admin');
  const db = t.database.db;
  const base = await addFixtureAgencies(db, t.municipalityId, { a: '検証圏域', b: '検証圏域', c: null });
  ag = base.agency;
  const [a, b, c] = [ag.a!, ag.b!, ag.c!];
  areaId = newId();
  await db.insertInto('municipal_area').values({ municipality_id: t.municipalityId, area_id: areaId, code: 'fx-area', name: '検証圏域', responsible_agency_id: a }).execute();
  const f = new CaseworkFixture(db, base);

  const p = [] as string[];
  for (let i = 0; i < 6; i++) p.push(await f.person(a));
  const [p1, p2, p3, p4, p5, p6] = p as [string, string, string, string, string, string];
  await f.consultation(a, '2024-05-01', { personId: p1, categories: ['care', 'withdrawal'] });
  await f.consultation(a, '2024-05-10', { personId: p2, categories: ['withdrawal', 'living_costs'] });
  await f.consultation(b, '2024-06-01', { personId: p3, categories: ['care'] });
  await f.consultation(a, '2024-04-10', { personId: p4, categories: ['care', 'living_costs'] });
  await f.consultation(a, '2024-03-20', { personId: p5, categories: ['debt'] });
  await f.consultation(c, '2024-07-01', { personId: p6, categories: ['care', 'debt'] });
  await f.consultation(a, '2024-08-01', { personId: p5, route: 'online' });
  const [h1, h2, h3, h4, h5] = [await f.household(a, [p1, p2]), await f.household(a, [p3]), await f.household(a, [p4]), await f.household(a, [p5]), await f.household(c, [p6])];

  const p7 = await f.person(a);
  await f.formerMember(h1, p7, '2020-01-01', '2024-04-01');
  await f.consultation(a, '2024-06-15', { personId: p7, categories: ['debt'] });

  const k1 = await f.supportCase(h1, a, '2024-05-11');
  const k2 = await f.supportCase(h2, b, '2024-06-03');
  const k3 = await f.supportCase(h3, a, '2024-04-30');
  const k4 = await f.supportCase(h4, a, '2024-08-01');
  const k5 = await f.supportCase(h5, c, '2024-05-01');
  await f.supportCase(await f.household(a, []), a, '2024-04-01', '2024-12-01');

  const pl1 = await f.plan(k1, a, '2024-05-20', { approvedOn: '2024-05-25', status: 'closed', outcomeOn: '2024-10-01' });
  await f.evaluation(pl1, '2024-09-01');
  await f.plan(k3, a, '2024-05-10', { status: 'suspended', outcomeOn: '2025-02-01' });

  await f.episode(k1, a, '2024-05-12', { coordinator: c, startedOn: '2024-05-15' });
  await f.episode(k3, a, '2023-12-01', { coordinator: c, startedOn: '2023-12-05', endedOn: '2024-04-20' });
  await f.episode(k5, c, '2024-05-02', { coordinator: c, startedOn: '2024-05-03' });

  const [t1, t2] = [await f.meetingType('検証支援会議'), await f.meetingType('検証重層会議')];
  await f.meeting(t1, a, '2024-06-10', [k1, k3]);
  await f.meeting(t1, a, '2024-09-10', [k1]);
  await f.meeting(t2, a, '2024-07-01', [k2]);
  await f.meeting(t2, a, '2025-04-02', [k1]);
  await f.meeting(t1, c, '2024-06-11', [k5]);

  await f.referral(a, b, h1, '2024-05-02', 'completed');
  await f.referral(a, b, h3, '2024-04-15', 'accepted');
  await f.referral(b, a, h2, '2024-06-02', 'rejected');
  await f.referral(a, c, h1, '2024-07-01', 'requested');
  await f.referral(a, b, h1, null, 'draft');
  await f.referral(a, b, h1, '2025-04-01', 'requested');

  const l1 = await f.lead(a, areaId, '2024-04-05');
  const l2 = await f.lead(a, areaId, '2023-10-01', { closedOn: '2024-05-01' });
  const l3 = await f.lead(a, areaId, '2023-01-01', { closedOn: '2024-02-01' });
  await f.lead(c, null, '2024-06-01');
  await f.attempt(l1, a, '2024-04-06');
  await f.attempt(l1, a, '2024-05-06');
  await f.attempt(l2, a, '2024-04-20');
  await f.attempt(l3, a, '2024-01-10');

  await f.note(k1, a, '2025-03-15', 'interview');
  await f.note(k2, b, '2025-01-10', 'phone');
  await f.note(k2, b, '2025-03-20', 'meeting');
  await f.note(k4, a, '2025-04-10', 'visit');

  await f.need(p1, a, '2024-09-01');
  await f.host('2024-06-01', areaId);
  const partner = await f.partner('検証自治会');
  const place = await f.place('2024-04-01', null, areaId);
  await f.session(place, '2024-05-05', { child: 4, adult: 1 }, [partner]);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('見える化 dashboard: counts on a fixed fixture', () => {
  it('counts the statutory indicators for the 年度 and by month', async () => {
    const d = await dashboard('');
    expect(values(d)).toEqual({ consultations: 6, participation_persons: 1, participation_hosts: 1, community_places: 1, community_participants: 5, community_organizations: 1 });
    const consultations = d.statutory.find((s) => s.code === 'consultations')!;
    expect(consultations.months.slice(0, 5).map((m) => m.value)).toEqual([1, 2, 2, 0, 1]);
    expect(consultations.months.map((m) => m.month)[0]).toBe('2024-04');
  });

  it('counts 多機関協働, plans, meetings and outreach', async () => {
    const d = await dashboard('');
    expect(d.collaboration).toEqual({ episodesActive: 2, episodesStarted: 1, episodesEnded: 1, plansCreated: 2, plansApproved: 1, evaluations: 1, plansClosed: 1, plansSuspended: 1 });
    expect(d.meetings?.map((m) => [m.name, m.meetings, m.cases, m.casesPerMeeting])).toEqual([
      ['検証支援会議', 2, 3, 1.5],
      ['検証重層会議', 1, 1, 1],
    ]);
    expect(d.outreach).toEqual({ leadsActive: 2, leadsNew: 1, leadsConsented: 0, attempts: 3 });
  });

  it('counts referrals by state and agency pair', async () => {
    const d = await dashboard('');
    expect(d.referrals?.total).toBe(4);
    expect(d.referrals?.byStatus).toEqual([
      { status: 'accepted', count: 1 },
      { status: 'completed', count: 1 },
      { status: 'rejected', count: 1 },
      { status: 'requested', count: 1 },
    ]);
    expect(d.referrals?.pairs.map((p) => `${p.fromName}>${p.toName}:${p.count}`)).toEqual(['検証a>検証b:2', '検証a>検証c:1', '検証b>検証a:1']);
  });

  it('measures the days to the first owner and the first plan', async () => {
    const d = await dashboard('');
    expect(d.timings).toEqual({ toOwner: { cases: 4, medianDays: 15, p90Days: 99.8 }, toPlan: { cases: 2, medianDays: 24.5, p90Days: 28.9 } });
  });

  it('counts households with concern categories together', async () => {
    const d = await dashboard('');
    expect(d.cooccurrence?.cells).toEqual([
      { a: 'care', b: 'care', households: 3 },
      { a: 'care', b: 'living_costs', households: 2 },
      { a: 'care', b: 'withdrawal', households: 1 },
      { a: 'living_costs', b: 'living_costs', households: 2 },
      { a: 'living_costs', b: 'withdrawal', households: 1 },
      { a: 'withdrawal', b: 'withdrawal', households: 1 },
    ]);
  });

  it('counts open cases without contact for N days (counts only)', async () => {
    const d30 = await dashboard('');
    expect(d30.noContact).toMatchObject({ openCases: 4, noContact: 3 });
    expect(d30.noContact?.byAgency.map((a) => [a.name, a.openCases, a.noContact])).toEqual([
      ['検証a', 3, 2],
      ['検証b', 1, 1],
    ]);
    expect((await dashboard('&noContactDays=90')).noContact).toMatchObject({ openCases: 4, noContact: 2 });
  });

  it('filters by agency and by 事業', async () => {
    const d = await dashboard(`&agencyId=${ag.b}`);
    expect(values(d).consultations).toBe(1);
    expect(d.referrals?.total).toBe(3);
    const only = await dashboard('&jigyo=chiiki');
    expect(only.statutory.map((s) => s.code)).toEqual(['community_places', 'community_participants', 'community_organizations']);
    expect(only.referrals).toBeNull();
    expect(only.collaboration).toBeNull();
  });

  it('warns of each 事業 with no records in the period', async () => {
    expect((await dashboard('')).zeroActivity).toEqual([]);
    const march = await dashboard('&month=2025-03');
    expect(march.zeroActivity).toEqual(['tajikan', 'outreach', 'sanka', 'chiiki']);
    expect(march.activity.find((a) => a.jigyo === 'soudan')?.records).toBe(2);
    expect(values(march).consultations).toBe(0);
  });

  it('shows the same activity as counting every 事業 afresh (the consultations and sessions it reuses)', async () => {
    const db = t.database.db;
    const scope = await resolveScope(db, t.municipalityId, { areaId });
    for (const [query, period] of [
      ['', { from: '2024-04-01', to: '2025-03-31' }],
      ['&month=2024-05', { from: '2024-05-01', to: '2024-05-31' }],
      ['&month=2025-03', { from: '2025-03-01', to: '2025-03-31' }],
    ] as const) {
      const shown = (await dashboard(query)).activity.map((a) => ({ jigyo: a.jigyo, records: a.records }));
      expect(shown, query).toEqual((await activityByJigyo(db, scope, period)).map((a) => ({ jigyo: a.jigyo, records: a.records })));
    }
    const year = (await dashboard('')).activity;
    expect(year.find((a) => a.jigyo === 'soudan')!.records).toBeGreaterThan(values(await dashboard('')).consultations!);
    expect(year.find((a) => a.jigyo === 'chiiki')!.records).toBeGreaterThan(0);
  });

  it('refuses a month outside the 年度 and an unknown 圏域', async () => {
    expect((await admin.get(`/api/v1/analytics/dashboard?fiscalYear=2024&month=2024-03`)).statusCode).toBe(400);
    expect((await admin.get(`/api/v1/analytics/dashboard?areaId=${newId()}`)).statusCode).toBe(400);
  });
});

describe('見える化 dashboard: who may see it', () => {
  it('lets the 市町村管理者 and the 多機関協働事業者 see it and audits each view', async () => {
    const co = await t.signIn('coordinator');
    expect((await co.get('/api/v1/analytics/dashboard')).statusCode).toBe(200);
    const events = await t.database.db.selectFrom('audit_event').select(['actor_login', 'target_type']).where('action', '=', 'analytics.dashboard').where('outcome', '=', 'success').execute();
    expect(events.some((e) => e.actor_login === 'coordinator' && e.target_type === 'aggregate')).toBe(true);
    expect(events.some((e) => e.actor_login === 'admin')).toBe(true);
  });

  it.each(['houkatsu1', 'soudan1', 'outreach', 'minsei1', 'pref', 'auditor'])('refuses %s (403) and audits the refusal', async (login) => {
    const client = await t.signIn(login);
    const res = await client.get('/api/v1/analytics/dashboard');
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('検証');
    const denied = await t.database.db.selectFrom('audit_event').select('event_id').where('action', '=', 'analytics.dashboard').where('actor_login', '=', login).where('outcome', '=', 'denied').execute();
    expect(denied.length).toBeGreaterThan(0);
  });
});
