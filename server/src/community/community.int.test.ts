import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
const c: Record<string, Client> = {};
let eastId: string;

type Place = { id: string; name: string; areaName: string | null; version: number; canEdit: boolean; today: string; activities: Activity[] };
type Activity = { id: string; name: string; nextSessions: string[]; partners: Array<{ id: string; name: string }>; version: number; schedule: { weekdays: number[] } };
type Session = { id: string; heldOn: string; total: number; multiGenerational: boolean; partnerIds: string[]; version: number; counts: Record<string, number> };
type Slots = { today: string; items: Array<{ heldOn: string; scheduled: boolean; future: boolean; session: Session | null }> };

const counts = (child: number, adult: number, elderly: number, unknown = 0) => ({ child, adult, elderly, unknown });
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const isoWeekday = (iso: string) => ((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

beforeAll(async () => {
  t = await startTestApp();
  for (const login of ['coordinator', 'outreach', 'admin', 'houkatsu1', 'minsei1', 'auditor', 'sysadmin']) c[login] = await t.signIn(login);
  eastId = json<{ items: Array<{ id: string; code: string }> }>(await c.coordinator!.get('/api/v1/areas')).items.find((a) => a.code === 'east')!.id;
});
afterAll(async () => {
  await t?.close();
});

describe('拠点, 活動 and attendance by session', () => {
  let place: Place;
  let activity: Activity;
  let partnerId: string;
  let today: string;

  it('a coordinator registers a 参加団体 and a サロン in 東部圏域', async () => {
    const partner = await c.coordinator!.post('/api/v1/community/partners', { name: '東町三丁目自治会', kind: 'neighbourhood' });
    expect(partner.statusCode, partner.body).toBe(201);
    partnerId = json<{ id: string }>(partner).id;
    expect((await c.outreach!.post('/api/v1/community/partners', { name: '東町三丁目自治会', kind: 'other' })).statusCode).toBe(409);

    const res = await c.coordinator!.post('/api/v1/community/places', { name: 'ふれあいサロン東町', kind: 'salon', address: 'デモ市東町1-2-3 集会所', areaId: eastId, operatorPartnerId: partnerId, openedOn: '2026-04-01', status: 'open' });
    expect(res.statusCode, res.body).toBe(201);
    place = json<Place>(res);
    expect(place).toMatchObject({ name: 'ふれあいサロン東町', areaName: '東部圏域', operatorPartnerName: '東町三丁目自治会', canEdit: true, activities: [] });
    today = place.today;
  });

  it('refuses a place without an opening day, a closing day before it, an unknown 圏域', async () => {
    const bad = await c.coordinator!.post('/api/v1/community/places', { name: '未定', kind: 'ibasho', status: 'open' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('開設日を入力してください');
    const order = await c.coordinator!.post('/api/v1/community/places', { name: '未定', kind: 'ibasho', status: 'closed', openedOn: '2026-05-01', closedOn: '2026-04-01' });
    expect(order.body).toContain('閉鎖日は開設日と同じか、それより後の日付にしてください。');
    const area = await c.coordinator!.post('/api/v1/community/places', { name: '未定', kind: 'ibasho', status: 'preparing', areaId: partnerId });
    expect(area.statusCode).toBe(400);
    expect(area.body).toContain('登録されていない圏域です。');
  });

  it('adds a weekly activity on today’s weekday; the next sessions follow the rule', async () => {
    const weekday = isoWeekday(today);
    const body = { name: '健康体操とお茶会', schedule: { freq: 'weekly', weekdays: [weekday] }, startsAt: '10:00', endsAt: '11:30', validFrom: addDays(today, -28), partnerIds: [partnerId] };
    const res = await c.coordinator!.post(`/api/v1/community/places/${place.id}/activities`, body);
    expect(res.statusCode, res.body).toBe(201);
    activity = json<Activity>(res);
    expect(activity.nextSessions).toEqual([today, addDays(today, 7), addDays(today, 14), addDays(today, 21)]);
    expect(activity.partners.map((p) => p.name)).toEqual(['東町三丁目自治会']);
    const bad = await c.coordinator!.post(`/api/v1/community/places/${place.id}/activities`, { ...body, schedule: { freq: 'monthly_nth', weekdays: [1] }, endsAt: '09:00' });
    expect(bad.statusCode).toBe(400);
    const paths = json<{ error: { details: { fields: Array<{ path: string }> } } }>(bad).error.details.fields.map((f) => f.path);
    expect(paths).toEqual(['schedule.nths', 'endsAt']);
  });

  it('lists the sessions of the last weeks and the next ones', async () => {
    const slots = json<Slots>(await c.houkatsu1!.get(`/api/v1/community/activities/${activity.id}/sessions`));
    expect(slots.items.map((s) => s.heldOn)).toEqual([-28, -21, -14, -7, 0, 7, 14, 21, 28].map((n) => addDays(today, n)));
    expect(slots.items.every((s) => s.scheduled && s.session === null)).toBe(true);
    expect(slots.items.filter((s) => s.future)).toHaveLength(4);
  });

  it('records attendance by age band; a second first-record or a stale version is a conflict', async () => {
    const url = `/api/v1/community/activities/${activity.id}/sessions/${today}`;
    const res = await c.coordinator!.put(url, { counts: counts(3, 1, 9), volunteers: 2, partnerIds: [partnerId] });
    expect(res.statusCode, res.body).toBe(200);
    const first = json<Session>(res);
    expect(first).toMatchObject({ heldOn: today, total: 13, multiGenerational: true, partnerIds: [partnerId], version: 1 });
    expect((await c.outreach!.put(url, { counts: counts(0, 0, 5), partnerIds: [] })).statusCode).toBe(409);
    const edit = await c.outreach!.put(url, { version: 1, counts: counts(0, 0, 12, 1), partnerIds: [] });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(json<Session>(edit)).toMatchObject({ total: 13, multiGenerational: false, partnerIds: [], version: 2 });
    expect((await c.coordinator!.put(url, { version: 1, counts: counts(1, 1, 1), partnerIds: [] })).statusCode).toBe(409);
    const actions = await t.database.db.selectFrom('audit_event').select('action').where('target_id', '=', first.id).orderBy('occurred_at').execute();
    expect(actions.map((a) => a.action)).toEqual(['community_session.record', 'community_session.update']);
  });

  it('editing a past session is allowed and audited; a future one, one outside the validity, or counts at a cancelled session are refused', async () => {
    const past = addDays(today, -14);
    const res = await c.coordinator!.put(`/api/v1/community/activities/${activity.id}/sessions/${past}`, { counts: counts(0, 4, 6), partnerIds: [] });
    expect(res.statusCode, res.body).toBe(200);
    const event = await t.database.db.selectFrom('audit_event').select('details').where('target_id', '=', json<Session>(res).id).executeTakeFirstOrThrow();
    expect(event.details).toMatchObject({ heldOn: past, pastDay: true, scheduled: true, total: 10 });
    const future = await c.coordinator!.put(`/api/v1/community/activities/${activity.id}/sessions/${addDays(today, 7)}`, { counts: counts(1, 0, 0), partnerIds: [] });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('まだ来ていない日の参加者数は記録できません。');
    const before = await c.coordinator!.put(`/api/v1/community/activities/${activity.id}/sessions/${addDays(today, -35)}`, { counts: counts(1, 0, 0), partnerIds: [] });
    expect(before.body).toContain('活動の期間外の日です。');
    const cancelled = await c.coordinator!.put(`/api/v1/community/activities/${activity.id}/sessions/${addDays(today, -7)}`, { status: 'cancelled', counts: counts(0, 0, 2), partnerIds: [] });
    expect(cancelled.body).toContain('中止した回には参加者数を入力できません。');
    const negative = await c.coordinator!.put(`/api/v1/community/activities/${activity.id}/sessions/${addDays(today, -7)}`, { counts: counts(-1, 0, 0), partnerIds: [] });
    expect(negative.statusCode).toBe(400);
  });

  it('a session on another day is a 臨時開催 (not scheduled) and appears in the list', async () => {
    const extra = addDays(today, -3);
    expect((await c.coordinator!.put(`/api/v1/community/activities/${activity.id}/sessions/${extra}`, { counts: counts(5, 5, 0), partnerIds: [] })).statusCode).toBe(200);
    const slots = json<Slots>(await c.coordinator!.get(`/api/v1/community/activities/${activity.id}/sessions`));
    expect(slots.items.find((s) => s.heldOn === extra)).toMatchObject({ scheduled: false, session: { total: 10 } });
  });

  it('a place is edited with the version read; the list shows it under its 圏域 with the last session', async () => {
    const body = { name: 'ふれあいサロン東町', kind: 'salon', areaId: eastId, openedOn: '2026-04-01', status: 'suspended', note: '会場改修のため休止' };
    const res = await c.outreach!.put(`/api/v1/community/places/${place.id}`, { ...body, version: place.version });
    expect(res.statusCode, res.body).toBe(200);
    expect((await c.coordinator!.put(`/api/v1/community/places/${place.id}`, { ...body, version: place.version })).statusCode).toBe(409);
    const items = json<{ items: Array<{ id: string; status: string; lastHeldOn: string | null; activityCount: number }> }>(await c.houkatsu1!.get(`/api/v1/community/places?areaId=${eastId}`)).items;
    expect(items.find((p) => p.id === place.id)).toMatchObject({ status: 'suspended', lastHeldOn: today, activityCount: 1 });
  });

  it('WHO MUST NOT: 民生委員, auditor and system_admin see nothing; a caseworker reads but never writes', async () => {
    for (const who of ['minsei1', 'auditor', 'sysadmin']) {
      expect((await c[who]!.get('/api/v1/community/places')).statusCode, who).toBe(403);
      expect((await c[who]!.get(`/api/v1/community/places/${place.id}`)).statusCode, who).toBe(404);
      expect((await c[who]!.get(`/api/v1/community/activities/${activity.id}/sessions`)).statusCode, who).toBe(404);
      expect((await c[who]!.get('/api/v1/community/kpis')).statusCode, who).toBe(403);
      expect((await c[who]!.get('/api/v1/community/log')).statusCode, who).toBe(403);
      expect((await c[who]!.post('/api/v1/community/places', { name: 'x', kind: 'salon', status: 'preparing' })).statusCode, who).toBe(403);
    }
    const view = json<Place>(await c.houkatsu1!.get(`/api/v1/community/places/${place.id}`));
    expect(view.canEdit).toBe(false);
    expect((await c.houkatsu1!.get('/api/v1/community/kpis')).statusCode).toBe(200);
    expect((await c.houkatsu1!.post('/api/v1/community/places', { name: 'x', kind: 'salon', status: 'preparing' })).statusCode).toBe(403);
    expect((await c.houkatsu1!.put(`/api/v1/community/activities/${activity.id}/sessions/${today}`, { version: 2, counts: counts(1, 1, 1), partnerIds: [] })).statusCode).toBe(404);
    expect((await c.houkatsu1!.post('/api/v1/community/log', { entryOn: today, kind: 'visit', note: '見学' })).statusCode).toBe(403);
    const denied = await t.database.db.selectFrom('audit_event').select('action').where('outcome', '=', 'denied').where('actor_login', '=', 'houkatsu1').execute();
    expect(denied.map((d) => d.action)).toContain('community_session.record');
  });
});

describe('活動記録 (coordinator activity log)', () => {
  it('records entries filed under the place’s 圏域; only the author edits, with the version read', async () => {
    const place = json<{ id: string }>(await c.coordinator!.post('/api/v1/community/places', { name: '子ども食堂ひだまり', kind: 'kodomo_shokudo', areaId: eastId, openedOn: '2025-10-01' }));
    const partner = json<{ id: string }>(await c.coordinator!.post('/api/v1/community/partners', { name: '東小学校PTA', kind: 'school' }));
    const res = await c.coordinator!.post('/api/v1/community/log', { entryOn: '2026-11-20', kind: 'launch_support', placeId: place.id, partnerIds: [partner.id], note: '運営ボランティアの募集方法を相談' });
    expect(res.statusCode, res.body).toBe(201);
    const entry = json<{ id: string; areaName: string; placeName: string; partners: Array<{ name: string }>; mine: boolean; version: number }>(res);
    expect(entry).toMatchObject({ areaName: '東部圏域', placeName: '子ども食堂ひだまり', partners: [{ name: '東小学校PTA' }], mine: true });

    const listed = json<{ items: Array<{ id: string; mine: boolean }> }>(await c.outreach!.get(`/api/v1/community/log?areaId=${eastId}&from=2026-11-01`)).items;
    expect(listed.find((e) => e.id === entry.id)).toMatchObject({ mine: false });
    const body = { entryOn: '2026-11-20', kind: 'launch_support', placeId: place.id, partnerIds: [], note: '募集チラシ案を作成' };
    const other = await c.outreach!.put(`/api/v1/community/log/${entry.id}`, { ...body, version: entry.version });
    expect(other.statusCode).toBe(403);
    expect((await c.coordinator!.put(`/api/v1/community/log/${entry.id}`, { ...body, version: entry.version })).statusCode).toBe(200);
    expect((await c.coordinator!.put(`/api/v1/community/log/${entry.id}`, { ...body, version: entry.version })).statusCode).toBe(409);
    expect((await c.coordinator!.post('/api/v1/community/log', { entryOn: '2026-11-20', kind: 'party', note: 'x' })).statusCode).toBe(400);
  });
});
