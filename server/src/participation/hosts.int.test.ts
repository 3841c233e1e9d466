import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, startTestApp, type TestApp } from '../../test/test-app.js';
import { caseWithTeam, insertArea } from './participation.fixtures.js';

let t: TestApp;
const c: Record<string, Client> = {};
let area: string;

type Host = { id: string; version: number; stage: string; registeredOn: string | null; nextStages: string[]; remaining: number | null; history: Array<{ fromStage: string | null; toStage: string; occurredOn: string; note: string | null }> };
const today = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp();
  for (const login of ['outreach', 'coordinator', 'houkatsu1', 'minsei1', 'auditor']) c[login] = await t.signIn(login);
  area = await insertArea(t.database.db, t.municipalityId, 'host-test', 'ホスト圏域（テスト）');
});
afterAll(async () => {
  await t?.close();
});

describe('協力事業者 and the pipeline 候補 → 打診 → 協力事業者登録', () => {
  const o = () => c.outreach!;
  let host: Host;
  const body = {
    name: '北町食堂（テスト）',
    areaId: null as string | null,
    contactName: '店主 北川',
    contactPhone: '000-0000-0000',
    offerCodes: ['work_experience', 'volunteer'],
    offerDescription: '仕込みと配膳の手伝い',
    accommodationCodes: ['small_group'],
    availableDays: ['SU'],
    opensAt: '06:00',
    closesAt: '09:00',
    minimumAge: 16,
    capacity: 1,
  };

  it('a 参加支援員 registers a candidate; caseworkers read but do not write; 民生委員 and auditors see nothing', async () => {
    const res = await o().post('/api/v1/participation/hosts', { ...body, areaId: area, note: '商店会の紹介' });
    expect(res.statusCode, res.body).toBe(201);
    host = json<Host>(res);
    expect(host).toMatchObject({ stage: 'candidate', registeredOn: null, nextStages: ['approached', 'declined'], remaining: 1 });
    expect(host.history).toEqual([{ fromStage: null, toStage: 'candidate', occurredOn: today(), note: '商店会の紹介', recordedBy: expect.any(String), id: expect.any(String) }]);
    expect((await c.houkatsu1!.get(`/api/v1/participation/hosts/${host.id}`)).statusCode).toBe(200);
    expect((await c.houkatsu1!.post('/api/v1/participation/hosts', body)).statusCode).toBe(403);
    expect((await c.houkatsu1!.post(`/api/v1/participation/hosts/${host.id}/stage`, { version: host.version, stage: 'approached' })).statusCode).toBe(404);
    for (const login of ['minsei1', 'auditor']) {
      expect((await c[login]!.get('/api/v1/participation/hosts')).statusCode, login).toBe(403);
      expect((await c[login]!.get(`/api/v1/participation/hosts/${host.id}`)).statusCode, login).toBe(404);
    }
    const bad = await o().post('/api/v1/participation/hosts', { ...body, offerCodes: ['nope'], minimumAge: 70, maximumAge: 60 });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('受け入れできる活動は一覧から選んでください。');
    expect(bad.body).toContain('年齢の上限は下限以上にしてください。');
  });

  it('cannot skip 打診; 打診 then 協力事業者登録 are dated in the history', async () => {
    const skip = await o().post(`/api/v1/participation/hosts/${host.id}/stage`, { version: host.version, stage: 'registered' });
    expect(skip.statusCode).toBe(400);
    expect(skip.body).toContain('候補から協力事業者登録には進められません。');
    const early = await o().post(`/api/v1/participation/hosts/${host.id}/stage`, { version: host.version, stage: 'approached', on: '2020-04-10' });
    expect(early.body).toContain('日付は前の段階の日付');
    host = json<Host>(await o().post(`/api/v1/participation/hosts/${host.id}/stage`, { version: host.version, stage: 'approached', note: '店主に説明した' }));
    expect((await o().post(`/api/v1/participation/hosts/${host.id}/stage`, { version: host.version - 1, stage: 'registered' })).statusCode).toBe(409);
    const res = await c.coordinator!.post(`/api/v1/participation/hosts/${host.id}/stage`, { version: host.version, stage: 'registered' });
    expect(res.statusCode, res.body).toBe(200);
    host = json<Host>(res);
    expect(host).toMatchObject({ stage: 'registered', registeredOn: today(), nextStages: [] });
    expect(host.history.map((h) => [h.fromStage, h.toStage, h.occurredOn, h.note])).toEqual([
      [null, 'candidate', today(), '商店会の紹介'],
      ['candidate', 'approached', today(), '店主に説明した'],
      ['approached', 'registered', today(), null],
    ]);
    const audit = await t.database.db.selectFrom('audit_event').select('action').where('target_id', '=', host.id).where('outcome', '=', 'success').execute();
    expect(audit.map((a) => a.action)).toEqual(['participation.host_create', 'participation.host_stage', 'participation.host_stage']);
  });

  it('a 見送り candidate can be reconsidered; the pipeline lists every stage', async () => {
    let other = json<Host>(await o().post('/api/v1/participation/hosts', { ...body, name: '南町工務店（テスト）' }));
    other = json<Host>(await o().post(`/api/v1/participation/hosts/${other.id}/stage`, { version: other.version, stage: 'declined', note: '今は人手がない' }));
    expect(other.nextStages).toEqual(['candidate']);
    const list = json<{ items: Array<{ id: string; stage: string; stageSince: string | null }> }>(await o().get('/api/v1/participation/hosts'));
    expect(list.items.find((i) => i.id === host.id)).toMatchObject({ stage: 'registered', stageSince: today() });
    expect(list.items.find((i) => i.id === other.id)).toMatchObject({ stage: 'declined', stageSince: today() });
  });

  it('only a registered host is proposed; its 配慮 count, and a placement takes its only place', async () => {
    const me = json<{ user: { id: string }; agencies: Array<{ id: string }> }>(await o().get('/api/v1/me'));
    const h1 = json<{ agencies: Array<{ id: string }>; user: { id: string } }>(await c.houkatsu1!.get('/api/v1/me'));
    const s = await caseWithTeam(t.database.db, t.municipalityId, c.houkatsu1!, { agencyIds: [me.agencies[0]!.id], addedBy: h1.user.id }, { familyName: '受入', givenName: '一', birthDate: '2000-01-01' });
    const need = json<{ id: string }>(
      await o().post('/api/v1/participation/needs', { personId: s.personId, wishCodes: ['volunteer'], preferredAreaIds: [area], availableDays: ['SU'], needCodes: ['small_group', 'transport'] }),
    );
    type M = { id: string; kind: string; reasons: Array<{ text: string }> };
    const m = json<{ matches: M[] }>(await o().get(`/api/v1/participation/needs/${need.id}/matches`));
    const mine = m.matches.find((x) => x.id === host.id)!;
    expect(mine.kind).toBe('host');
    expect(mine.reasons.map((r) => r.text)).toEqual(['希望: ボランティアに一致', 'ホスト圏域（テスト）', '日の午前に開催', '年齢条件 16歳以上 に該当', '少人数に対応', '送迎に対応していない', '受入枠 残り1']);
    expect(m.matches.some((x) => x.kind === 'host' && x.id !== host.id && x.reasons[1]?.text === 'ホスト圏域（テスト）')).toBe(false);
    const placed = await o().post(`/api/v1/participation/needs/${need.id}/placements`, { targetKind: 'host', targetId: host.id, startOn: today() });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(json<Host>(await o().get(`/api/v1/participation/hosts/${host.id}`)).remaining).toBe(0);
  });
});
