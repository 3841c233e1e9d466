import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.js';
import { type Client, json, startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
const c: Record<string, Client> = {};
const agencyOf: Record<string, string> = {};
let houkatsuUserId: string;
let caseId: string;

type Plan = {
  id: string;
  status: string;
  version: number;
  currentVersion: number;
  canEdit: boolean;
  canReplan: boolean;
  replacesPlanId: string | null;
  replacedByPlanId: string | null;
  outcomeReason: string | null;
  versions: Array<{ versionNo: number; changeNote: string | null }>;
  current: { versionNo: number; content: Content & { actions: Array<{ id: string; actionNo: number; agencyName: string; overdue: boolean; doneOn: string | null }> } };
  evaluations: Array<{ goals: Array<{ goalId: string; progress: string | null; result: string | null }>; summary: string | null }>;
};
type Content = { longGoal: string; shortGoals: Array<{ id?: string; text: string }>; actions: Array<Record<string, unknown>>; [k: string]: unknown };

const day = (offset: number) => new Date(Date.now() + 9 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const content = (over: Partial<Content> = {}): Content => ({
  personWords: '早く働けるようになりたい',
  wishes: '母と一緒に暮らし続けたい',
  longGoal: '生活を立て直す',
  shortGoals: [{ text: '生活リズムを整える' }, { text: '家計を見直す' }],
  needs: '収入が途絶えている',
  actions: [{ agencyId: agencyOf.houkatsu1, ownerName: '東', description: '家計の相談に同行する', dueOn: day(-3) }],
  usesParticipation: true,
  usesOutreach: false,
  periodFrom: day(-10),
  periodTo: day(170),
  nextReviewOn: day(7),
  agreement: { agreedOn: day(-1), how: 'signature' },
  ...over,
});
const withoutViewFields = (p: Plan): Content => ({
  ...p.current.content,
  actions: p.current.content.actions.map(({ actionNo: _n, agencyName: _a, overdue: _o, ...a }) => a),
});

beforeAll(async () => {
  t = await startTestApp();
  for (const login of ['houkatsu1', 'jiritsu', 'kodomo', 'coordinator', 'admin']) {
    c[login] = await t.signIn(login);
    const me = json<{ user: { id: string }; agencies: Array<{ id: string }> }>(await c[login]!.get('/api/v1/me'));
    agencyOf[login] = me.agencies[0]!.id;
    if (login === 'houkatsu1') houkatsuUserId = me.user.id;
  }
  const personId = json<{ id: string }>(await c.houkatsu1!.post('/api/v1/persons', { familyName: '計画', givenName: '一郎', familyKana: 'けいかく' })).id;
  const householdId = json<{ id: string }>(await c.houkatsu1!.post('/api/v1/households', { label: '計画さん世帯', members: [{ personId }] })).id;
  caseId = json<{ id: string }>(await c.houkatsu1!.post('/api/v1/cases', { householdId })).id;
});
afterAll(async () => {
  await t?.close();
});

describe('支援プラン (versions, diff, evaluation, 終結, 再プラン, reminders)', () => {
  const h = () => c.houkatsu1!;
  let plan: Plan;

  it('the lead creates 第1版; a second plan in force is a conflict', async () => {
    const res = await h().post(`/api/v1/cases/${caseId}/plans`, { content: content() });
    expect(res.statusCode, res.body).toBe(201);
    plan = json<Plan>(res);
    expect(plan).toMatchObject({ status: 'active', currentVersion: 1, canEdit: true });
    expect(plan.current.content.shortGoals.every((g) => typeof g.id === 'string')).toBe(true);
    expect(plan.current.content.actions[0]).toMatchObject({ actionNo: 1, overdue: true, doneOn: null });
    expect((await h().post(`/api/v1/cases/${caseId}/plans`, { content: content() })).statusCode).toBe(409);
    const list = json<{ items: Array<{ id: string }> }>(await h().get(`/api/v1/cases/${caseId}/plans`));
    expect(list.items.map((i) => i.id)).toEqual([plan.id]);
  });

  it('invalid content is refused in Japanese and nothing is saved', async () => {
    const bad = await h().post(`/api/v1/plans/${plan.id}/versions`, { version: plan.version, changeNote: '期間の変更', content: content({ periodTo: day(-20) }) });
    expect(bad.statusCode).toBe(400);
    const fields = json<{ error: { details: { fields: Array<{ path: string; message: string }> } } }>(bad).error.details.fields;
    expect(fields).toContainEqual({ path: 'periodTo', message: '期間の終わりは始まりと同じか、それより後の日付にしてください。' });
    const outsider = await h().post(`/api/v1/plans/${plan.id}/versions`, {
      version: plan.version,
      changeNote: '役割の追加',
      content: content({ actions: [{ agencyId: agencyOf.kodomo, description: '見守り' }] }),
    });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.body).toContain('役割分担の機関は、主担当の機関か支援チームの機関から選んでください。');
    const shape = await h().post(`/api/v1/plans/${plan.id}/versions`, { version: plan.version, changeNote: 'x', content: content({ shortGoals: [] }) });
    expect(shape.statusCode).toBe(400);
    expect(shape.body).toContain('短期目標を1つ以上入力してください。');
    const versions = await t.database.db.selectFrom('support_plan_version').select('version_no').where('plan_id', '=', plan.id).execute();
    expect(versions.map((v) => v.version_no)).toEqual([1]);
  });

  it('revising makes 第2版; 第1版 stays readable; the diff lists the changes; a stale version is a conflict', async () => {
    const v1 = withoutViewFields(plan);
    const next = { ...v1, longGoal: '就労して生活を立て直す', shortGoals: [...v1.shortGoals.slice(0, 1), { text: '就労体験に参加する' }], usesOutreach: true };
    const res = await h().post(`/api/v1/plans/${plan.id}/versions`, { version: plan.version, changeNote: '就労の希望を反映', content: next });
    expect(res.statusCode, res.body).toBe(201);
    const stale = plan.version;
    plan = json<Plan>(res);
    expect(plan.currentVersion).toBe(2);
    expect(plan.versions.map((v) => [v.versionNo, v.changeNote])).toEqual([[1, null], [2, '就労の希望を反映']]);
    expect((await h().post(`/api/v1/plans/${plan.id}/versions`, { version: stale, changeNote: '古い', content: next })).statusCode).toBe(409);
    const old = json<{ versionNo: number; content: Content }>(await h().get(`/api/v1/plans/${plan.id}/versions/1`));
    expect(old).toMatchObject({ versionNo: 1, content: { longGoal: '生活を立て直す', usesOutreach: false } });
    expect((await h().get(`/api/v1/plans/${plan.id}/versions/9`)).statusCode).toBe(404);
    type Diff = { diff: { fields: Array<{ field: string }>; goals: { added: Array<{ text: string }>; removed: Array<{ text: string }>; changed: unknown[] } } };
    const d = json<Diff>(await h().get(`/api/v1/plans/${plan.id}/diff?from=1&to=2`)).diff;
    expect(d.fields.map((f) => f.field)).toEqual(['longGoal', 'usesOutreach']);
    expect(d.goals.added.map((g) => g.text)).toEqual(['就労体験に参加する']);
    expect(d.goals.removed.map((g) => g.text)).toEqual(['家計を見直す']);
    expect(d.goals.changed).toEqual([]);
  });

  it('WHO MUST NOT SEE: unrelated agencies get 404 on every plan route', async () => {
    for (const login of ['kodomo', 'jiritsu', 'coordinator', 'admin']) {
      const x = c[login]!;
      const codes = [
        (await x.get(`/api/v1/cases/${caseId}/plans`)).statusCode,
        (await x.get(`/api/v1/plans/${plan.id}`)).statusCode,
        (await x.get(`/api/v1/plans/${plan.id}/versions/1`)).statusCode,
        (await x.get(`/api/v1/plans/${plan.id}/diff?from=1&to=2`)).statusCode,
        (await x.post(`/api/v1/plans/${plan.id}/versions`, { version: plan.version, changeNote: 'x', content: content() })).statusCode,
        (await x.post(`/api/v1/plans/${plan.id}/evaluations`, { goals: [], summary: 'x' })).statusCode,
        (await x.post(`/api/v1/plans/${plan.id}/close`, { version: plan.version, outcome: 'closed', reason: 'x' })).statusCode,
        (await x.post(`/api/v1/plans/${plan.id}/actions/2/1/done`, { version: plan.version })).statusCode,
      ];
      expect(codes, login).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
      expect((await x.post(`/api/v1/cases/${caseId}/plans`, { content: content() })).statusCode, login).toBe(403);
      const rem = json<{ items: Array<{ planId: string }> }>(await x.get('/api/v1/reminders?scope=agency'));
      expect(rem.items.map((i) => i.planId)).not.toContain(plan.id);
    }
    const denied = await t.database.db.selectFrom('audit_event').select('action').where('outcome', '=', 'denied').where('target_id', '=', plan.id).execute();
    expect(denied.length).toBeGreaterThan(0);
  });

  it('a 支援チーム agency reads and revises; reminders show its overdue action and the review due soon', async () => {
    await t.database.db
      .insertInto('support_team_member')
      .values({ municipality_id: t.municipalityId, team_member_id: newId(), case_id: caseId, member_kind: 'agency', agency_id: agencyOf.jiritsu, role: '就労支援', joined_on: day(0), added_by_user_id: houkatsuUserId })
      .execute();
    const j = c.jiritsu!;
    expect((await j.get(`/api/v1/plans/${plan.id}`)).statusCode).toBe(200);
    const v2 = withoutViewFields(plan);
    const res = await j.post(`/api/v1/plans/${plan.id}/versions`, {
      version: plan.version,
      changeNote: '自立相談の役割を追加',
      content: { ...v2, actions: [...v2.actions, { agencyId: agencyOf.jiritsu, ownerName: '暮石', description: '就労体験先を探す', dueOn: day(-1) }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    plan = json<Plan>(res);
    expect(plan.currentVersion).toBe(3);

    type Rem = { counts: { overdue: number }; items: Array<{ kind: string; planId: string; agencyId: string; overdue: boolean; dueOn: string; actionNo: number | null }> };
    const jMine = json<Rem>(await j.get('/api/v1/reminders?scope=mine'));
    expect(jMine.items.filter((i) => i.planId === plan.id).map((i) => [i.kind, i.agencyId, i.overdue])).toEqual([['action', agencyOf.jiritsu, true]]);
    const hMine = json<Rem>(await h().get('/api/v1/reminders'));
    const mine = hMine.items.filter((i) => i.planId === plan.id).map((i) => [i.kind, i.agencyId, i.overdue, i.dueOn]);
    expect(mine).toEqual([
      ['action', agencyOf.houkatsu1, true, day(-3)],
      ['review', agencyOf.houkatsu1, false, day(7)],
    ]);
    expect(hMine.counts.overdue).toBe(1);
    const jAgency = json<Rem>(await j.get('/api/v1/reminders?scope=agency'));
    expect(jAgency.items.filter((i) => i.planId === plan.id).map((i) => i.kind).sort()).toEqual(['action', 'action', 'review']);

    const done = await h().post(`/api/v1/plans/${plan.id}/actions/3/1/done`, { version: plan.version });
    expect(done.statusCode, done.body).toBe(200);
    plan = json<Plan>(done);
    expect(plan.current.content.actions[0]).toMatchObject({ doneOn: day(0), overdue: false });
    expect((await h().post(`/api/v1/plans/${plan.id}/actions/2/1/done`, { version: plan.version })).statusCode).toBe(400);
    const after = json<Rem>(await h().get('/api/v1/reminders'));
    expect(after.items.filter((i) => i.planId === plan.id).map((i) => i.kind)).toEqual(['review']);
  });

  it('evaluation records 経過・成果 per short goal of the current version', async () => {
    const [g1, g2] = plan.current.content.shortGoals.map((g) => g.id!);
    const wrong = await h().post(`/api/v1/plans/${plan.id}/evaluations`, { goals: [{ goalId: 'nope', progress: 'x', result: null }] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('現在の版の短期目標を選んでください。');
    const res = await h().post(`/api/v1/plans/${plan.id}/evaluations`, {
      goals: [
        { goalId: g1, progress: '朝起きられる日が増えた', result: '週5日起床' },
        { goalId: g2, progress: '見学に1回行った', result: null },
      ],
      summary: '順調に進んでいる',
    });
    expect(res.statusCode, res.body).toBe(201);
    plan = json<Plan>(res);
    expect(plan.evaluations[0]).toMatchObject({ summary: '順調に進んでいる', goals: [{ goalId: g1, result: '週5日起床' }, { goalId: g2, progress: '見学に1回行った' }] });
  });

  it('終結 with a reason, then 再プラン replacing it', async () => {
    expect((await h().post(`/api/v1/plans/${plan.id}/close`, { version: plan.version - 1, outcome: 'closed', reason: '目標を達成' })).statusCode).toBe(409);
    const res = await h().post(`/api/v1/plans/${plan.id}/close`, { version: plan.version, outcome: 'closed', reason: '目標を達成' });
    expect(res.statusCode, res.body).toBe(200);
    const closed = json<Plan>(res);
    expect(closed).toMatchObject({ status: 'closed', outcomeReason: '目標を達成', canEdit: false, canReplan: true });
    expect((await h().post(`/api/v1/plans/${plan.id}/versions`, { version: closed.version, changeNote: 'x', content: withoutViewFields(closed) })).statusCode).toBe(400);
    const replan = await h().post(`/api/v1/cases/${caseId}/plans`, { content: content({ longGoal: '就労を続ける' }), replacesPlanId: plan.id, changeNote: '再プラン' });
    expect(replan.statusCode, replan.body).toBe(201);
    const next = json<Plan>(replan);
    expect(next).toMatchObject({ status: 'active', currentVersion: 1, replacesPlanId: plan.id });
    expect(json<Plan>(await h().get(`/api/v1/plans/${plan.id}`)).replacedByPlanId).toBe(next.id);
    const list = json<{ items: Array<{ id: string }> }>(await h().get(`/api/v1/cases/${caseId}/plans`));
    expect(list.items.map((i) => i.id)).toEqual([next.id, plan.id]);
  });

  it('audit events are written, without the plan’s text', async () => {
    const events = await t.database.db.selectFrom('audit_event').select(['action', 'details', 'basis']).where('target_type', '=', 'plan').execute();
    const actions = new Set(events.map((e) => e.action));
    for (const a of ['plan.create', 'plan.revise', 'plan.read', 'plan.diff', 'plan.evaluate', 'plan.action_done', 'plan.close', 'plan.reminders']) expect(actions, a).toContain(a);
    expect(JSON.stringify(events.map((e) => e.details))).not.toMatch(/働けるよう|生活を立て直す|朝起き|目標を達成|家計/);
    expect(events.find((e) => e.action === 'plan.revise' && e.basis?.includes('支援チーム'))).toBeDefined();
  });
});
