import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, startTestApp, type TestApp } from '../../test/test-app.js';
import { caseWithTeam, insertArea, insertServices } from './participation.fixtures.js';

let t: TestApp;
const c: Record<string, Client> = {};
const agencyOf: Record<string, string> = {};
const userOf: Record<string, string> = {};
let north: string;
let svc: Record<string, string>;
let personId: string;
let caseId: string;

type Reason = { tone: string; text: string };
type Match = { kind: string; id: string; name: string; score: number; full: boolean; remaining: number | null; reasons: Reason[] };
type Followup = { id: string; version: number; label: string; dueOn: string; doneOn: string | null; condition: string | null; overdue: boolean };
type Placement = { id: string; version: number; targetId: string; status: string; remaining: number | null; matchReasons: string[]; followups: Followup[]; hostSupport: Array<{ note: string }> };
type Need = { id: string; version: number; status: string; person: { age: number | null }; placements: Placement[] };

const day = (offset: number) => new Date(Date.now() + 9 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const needBody = (over: Record<string, unknown> = {}) => ({
  personId,
  caseId,
  wishCodes: ['work_experience'],
  personWords: '人と話すのは苦手だけど、パンを焼くのは好き',
  preferredAreaIds: [north],
  availableDays: ['SU'],
  availableFrom: '06:00',
  availableTo: '07:30',
  needCodes: ['small_group'],
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  for (const login of ['outreach', 'houkatsu1', 'jiritsu', 'kodomo', 'admin', 'pref']) {
    c[login] = await t.signIn(login);
    const me = json<{ user: { id: string }; agencies: Array<{ id: string }> }>(await c[login]!.get('/api/v1/me'));
    agencyOf[login] = me.agencies[0]!.id;
    userOf[login] = me.user.id;
  }
  north = await insertArea(t.database.db, t.municipalityId, 'north-test', '北部圏域（テスト）');
  svc = await insertServices(t.database.db, t.municipalityId, north, '社会福祉法人 北町会', [
    { name: '就労体験 北町ベーカリー', codes: ['work_experience'], days: 'SU', opensAt: '06:00', closesAt: '08:00', minAge: 18, maxAge: 64, capacity: 2 },
    { name: '就労体験 北町農園', codes: ['work_experience'], days: 'SA', opensAt: '09:00', closesAt: '12:00', capacity: 5 },
    { name: '北町 若者の居場所', codes: ['ibasho'], days: 'SU', opensAt: '06:00', closesAt: '08:00' },
    { name: '就労体験 休止中の工房', codes: ['work_experience'], status: 'temporarily closed', days: 'SU', opensAt: '06:00', closesAt: '08:00' },
    { name: '就労体験 北町カフェ（満員）', codes: ['work_experience'], days: 'SU', opensAt: '06:00', closesAt: '08:00', capacity: 0, waitlist: 3 },
    { name: '就労体験 シニア農園', codes: ['work_experience'], days: 'SU', opensAt: '06:00', closesAt: '08:00', minAge: 65 },
  ]);
  const s = await caseWithTeam(t.database.db, t.municipalityId, c.houkatsu1!, { agencyIds: [agencyOf.outreach!, agencyOf.jiritsu!], addedBy: userOf.houkatsu1! }, { familyName: '参加', givenName: '太郎', birthDate: '1990-05-01' });
  personId = s.personId;
  caseId = s.caseId;
});
afterAll(async () => {
  await t?.close();
});

describe('参加支援: need, ranked matches with reasons, placement, 定着支援, KPIs', () => {
  const o = () => c.outreach!;
  let need: Need;

  it('refuses a need without a wish, with an unknown wish or with times out of order, in Japanese', async () => {
    const empty = await o().post('/api/v1/participation/needs', needBody({ wishCodes: [] }));
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('希望を1つ以上選んでください。');
    expect((await o().post('/api/v1/participation/needs', needBody({ wishCodes: ['no_such'] }))).body).toContain('希望は一覧から選んでください。');
    expect((await o().post('/api/v1/participation/needs', needBody({ availableFrom: '10:00', availableTo: '09:00' }))).body).toContain('終わりの時刻は始まりより後にしてください。');
  });

  it('the 参加支援員 records a need on the case; the age comes from the birth date', async () => {
    const res = await o().post('/api/v1/participation/needs', needBody());
    expect(res.statusCode, res.body).toBe(201);
    need = json<Need>(res);
    expect(need.status).toBe('active');
    expect(need.person.age).toBeGreaterThanOrEqual(35);
  });

  it('ranks the 就労体験 that fits first, with the reasons in Japanese; inactive, unrelated, full and age-barred ones are not proposed', async () => {
    const res = await o().get(`/api/v1/participation/needs/${need.id}/matches`);
    expect(res.statusCode, res.body).toBe(200);
    const m = json<{ matches: Match[]; excluded: Match[] }>(res);
    expect(m.matches[0]).toMatchObject({ id: svc['就労体験 北町ベーカリー'], score: 97, remaining: 2 });
    expect(m.matches[0]!.reasons.map((r) => r.text)).toEqual(['希望: 就労体験に一致', '北部圏域（テスト）', '日の午前に開催', '年齢条件 18–64歳 に該当', '少人数は要確認', '受入枠 残り2']);
    const farm = m.matches.find((x) => x.id === svc['就労体験 北町農園'])!;
    expect(farm.reasons.map((r) => r.text)).toContain('都合の合う曜日・時間の開催なし');
    const ids = m.matches.map((x) => x.id);
    for (const name of ['北町 若者の居場所', '就労体験 休止中の工房', '就労体験 北町カフェ（満員）', '就労体験 シニア農園']) expect(ids).not.toContain(svc[name]);
    const excluded = Object.fromEntries(m.excluded.map((x) => [x.id, x.reasons.at(-1)!.text]));
    expect(excluded[svc['就労体験 北町カフェ（満員）']!]).toBe('満員（待機 3人）・待機は希望しない');
    expect(m.excluded.find((x) => x.id === svc['就労体験 シニア農園'])!.reasons.map((r) => r.text)).toContain('年齢条件 65歳以上 に該当しない');
  });

  it('accepting a waitlist lists the full service, lower and flagged', async () => {
    const res = await o().put(`/api/v1/participation/needs/${need.id}`, { ...needBody({ acceptsWaitlist: true }), personId: undefined, version: need.version });
    expect(res.statusCode, res.body).toBe(200);
    need = json<Need>(res);
    const m = json<{ matches: Match[] }>(await o().get(`/api/v1/participation/needs/${need.id}/matches`));
    const full = m.matches.find((x) => x.id === svc['就労体験 北町カフェ（満員）'])!;
    expect(full).toMatchObject({ full: true });
    expect(full.reasons.at(-1)!.text).toBe('満員（待機 3人）');
    expect(m.matches[0]!.id).toBe(svc['就労体験 北町ベーカリー']);
    expect((await o().put(`/api/v1/participation/needs/${need.id}`, { ...needBody(), personId: undefined, version: need.version - 1 })).statusCode).toBe(409);
  });

  it('placing the person holds a place, keeps the reasons and generates 1週間後・1か月後・3か月後', async () => {
    const start = day(3);
    const res = await o().post(`/api/v1/participation/needs/${need.id}/placements`, { targetKind: 'service', targetId: svc['就労体験 北町ベーカリー'], startOn: start, hostContact: '店長 北村 090-0000-0000' });
    expect(res.statusCode, res.body).toBe(201);
    need = json<Need>(res);
    const p = need.placements[0]!;
    expect(p).toMatchObject({ status: 'arranging', remaining: 1 });
    expect(p.matchReasons[0]).toBe('希望: 就労体験に一致');
    expect(p.followups.map((f) => f.label)).toEqual(['1週間後', '1か月後', '3か月後']);
    expect(p.followups[0]!.dueOn).toBe(day(10));
    const again = await o().post(`/api/v1/participation/needs/${need.id}/placements`, { targetKind: 'service', targetId: svc['就労体験 北町ベーカリー'], startOn: start });
    expect(again.statusCode).toBe(409);
    const full = await o().post(`/api/v1/participation/needs/${need.id}/placements`, { targetKind: 'service', targetId: svc['就労体験 北町カフェ（満員）'], startOn: start });
    expect(full.body).toContain('受入枠に空きがありません。');
    const closed = await o().post(`/api/v1/participation/needs/${need.id}/placements`, { targetKind: 'service', targetId: svc['就労体験 休止中の工房'], startOn: start });
    expect(closed.body).toContain('休止・廃止中のサービスには受け入れを決められません。');
    const m = json<{ matches: Match[] }>(await o().get(`/api/v1/participation/needs/${need.id}/matches`));
    expect(m.matches[0]!.reasons.at(-1)!.text).toBe('受入枠 残り1');
  });

  it('follow-ups: 完了 with how the person is doing (once), an overdue one is flagged, status steps are checked', async () => {
    const p = need.placements[0]!;
    const first = p.followups[0]!;
    const future = await o().post(`/api/v1/participation/followups/${first.id}/done`, { version: first.version, condition: 'good', doneOn: day(5) });
    expect(future.body).toContain('実施日に未来の日付は入力できません。');
    const res = await o().post(`/api/v1/participation/followups/${first.id}/done`, { version: first.version, condition: 'good', note: '休まず通えている' });
    expect(res.statusCode, res.body).toBe(200);
    need = json<Need>(res);
    expect(need.placements[0]!.followups[0]).toMatchObject({ doneOn: day(0), condition: 'good', overdue: false });
    expect((await o().post(`/api/v1/participation/followups/${first.id}/done`, { version: first.version + 1, condition: 'good' })).statusCode).toBe(409);

    expect((await o().post(`/api/v1/participation/placements/${p.id}/status`, { version: p.version, status: 'ended', reason: 'x' })).body).toContain('調整中から終了には変更できません。');
    const started = await o().post(`/api/v1/participation/placements/${p.id}/status`, { version: p.version, status: 'active' });
    expect(started.statusCode, started.body).toBe(200);
    need = json<Need>(started);
    const added = await o().post(`/api/v1/participation/placements/${p.id}/followups`, { label: '先月分', dueOn: day(-1) });
    expect(added.statusCode, added.body).toBe(400);
    const noted = await o().post(`/api/v1/participation/placements/${p.id}/host-support`, { kind: 'visit', note: '店長に本人の得意なことを伝えた' });
    expect(noted.statusCode, noted.body).toBe(201);
    expect(json<Need>(noted).placements[0]!.hostSupport[0]!.note).toBe('店長に本人の得意なことを伝えた');

    // A placement that started 20 days ago: its 1週間後 follow-up is overdue.
    const old = await o().post(`/api/v1/participation/needs/${need.id}/placements`, { targetKind: 'service', targetId: svc['就労体験 北町農園'], startOn: day(-20) });
    need = json<Need>(old);
    const farm = need.placements.find((x) => x.targetId === svc['就労体験 北町農園'])!;
    expect(farm.followups.map((f) => f.overdue)).toEqual([true, false, false]);
    const list = json<{ items: Array<{ id: string; overdueFollowups: number; runningPlacements: number }> }>(await o().get('/api/v1/participation/needs?scope=mine'));
    expect(list.items.find((i) => i.id === need.id)).toMatchObject({ overdueFollowups: 1, runningPlacements: 2 });
  });

  it('KPIs come from the records, per 年度 and month, for the municipality; the prefecture sees small counts hidden', async () => {
    type Counts = { personsSupported: number | null; placementsStarted: number | null; followupsDone: number | null; followupsOverdue: number | null };
    const res = await c.admin!.get('/api/v1/participation/kpis');
    expect(res.statusCode, res.body).toBe(200);
    const k = json<{ fiscalYear: number; year: Counts; months: Array<Counts & { month: string }>; suppressedBelow: number | null }>(res);
    expect(k.suppressedBelow).toBeNull();
    expect(k.months).toHaveLength(12);
    expect(k.year.personsSupported).toBeGreaterThanOrEqual(1);
    expect(k.year.followupsDone).toBeGreaterThanOrEqual(1);
    const thisMonth = k.months.find((m) => m.month === day(0).slice(0, 7))!;
    expect(thisMonth.personsSupported).toBeGreaterThanOrEqual(1);
    expect(res.body).not.toContain('参加');
    const pref = json<{ year: Counts; suppressedBelow: number }>(await c.pref!.get('/api/v1/participation/kpis'));
    expect(pref.suppressedBelow).toBe(10);
    expect(pref.year.personsSupported).toBeNull();
    for (const login of ['outreach', 'kodomo']) expect((await c[login]!.get('/api/v1/participation/kpis')).statusCode, login).toBe(403);
  });

  it('a need with running placements cannot be closed; once they end it can', async () => {
    const closeEarly = await o().post(`/api/v1/participation/needs/${need.id}/close`, { version: need.version, reason: '就労に移行' });
    expect(closeEarly.body).toContain('調整中または利用中の受け入れがあります。');
    for (const p of need.placements) {
      const status = p.status === 'arranging' ? 'interrupted' : 'ended';
      need = json<Need>(await o().post(`/api/v1/participation/placements/${p.id}/status`, { version: p.version, status, reason: '一般就労へ' }));
    }
    // 中断 can be resumed (再開) while a place is free, then ended.
    const paused = need.placements.find((p) => p.status === 'interrupted')!;
    need = json<Need>(await o().post(`/api/v1/participation/placements/${paused.id}/status`, { version: paused.version, status: 'active' }));
    const resumed = need.placements.find((p) => p.id === paused.id)!;
    expect(resumed.status).toBe('active');
    need = json<Need>(await o().post(`/api/v1/participation/placements/${resumed.id}/status`, { version: resumed.version, status: 'ended', reason: '一般就労へ' }));
    const res = await o().post(`/api/v1/participation/needs/${need.id}/close`, { version: need.version, reason: '一般就労へ移行' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Need>(res).status).toBe('closed');
  });
});
