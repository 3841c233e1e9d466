import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, startTestApp, type TestApp } from '../../../test/test-app.js';
import { addFixtureAgencies, Fixture } from '../analytics.fixtures.js';

let t: TestApp;
const c: Record<string, Client> = {};

type Plan = { id: string; kind: string; kindLabel: string; name: string; fromFiscalYear: number; toFiscalYear: number; version: number };
type Indicator = { id: string; statutoryCode: string | null; label: string; unit: string };
type Row = { indicatorId: string; statutoryCode: string | null; label: string; target: number | null; actual: number | null; actualSource: string; achievement: number | null; evaluation: string | null; version: number };
type Targets = { plan: Plan; fiscalYear: number; asOf: string | null; canEdit: boolean; rows: Row[] };

beforeAll(async () => {
  t = await startTestApp();
  for (const login of ['admin', 'coordinator', 'houkatsu1', 'outreach', 'minsei1', 'auditor']) c[login] = await t.signIn(login);
});
afterAll(async () => {
  await t?.close();
});

const byCode = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.statutoryCode ?? r.label, r]));

describe('計画と目標', () => {
  let plan: Plan;

  it('the demo ships the 実施計画 令和7〜9年度 with targets for the six statutory indicators', async () => {
    const list = json<{ canEdit: boolean; items: (Plan & { indicators: Indicator[] })[] }>(await c.coordinator!.get('/api/v1/analytics/plans'));
    expect(list.canEdit).toBe(false);
    const demo = list.items.find((p) => p.kind === 'implementation')!;
    expect(demo).toMatchObject({ kindLabel: '重層的支援体制整備事業実施計画', fromFiscalYear: 2025, toFiscalYear: 2027 });
    expect(demo.indicators.map((i) => i.statutoryCode)).toEqual(['consultations', 'participation_persons', 'participation_hosts', 'community_places', 'community_participants', 'community_organizations']);
    const targets = json<Targets>(await c.coordinator!.get(`/api/v1/analytics/plans/${demo.id}/targets?fiscalYear=2025`));
    expect(byCode(targets.rows).consultations).toMatchObject({ target: 600, actualSource: 'records' });
    expect(byCode(targets.rows).consultations!.evaluation).toContain('相談窓口');
  });

  it('the 市町村管理者 registers a 地域福祉計画 with the statutory indicators and a custom one', async () => {
    const res = await c.admin!.post('/api/v1/analytics/plans', { kind: 'community_welfare', name: '検証 地域福祉計画', fromFiscalYear: 2010, toFiscalYear: 2012 });
    expect(res.statusCode, res.body).toBe(201);
    plan = json<Plan>(res);
    expect(plan).toMatchObject({ kind: 'community_welfare', kindLabel: '地域福祉計画', version: 1 });
    const custom = await c.admin!.post(`/api/v1/analytics/plans/${plan.id}/indicators`, { label: '見守り協定の締結数', unit: '件' });
    expect(custom.statusCode, custom.body).toBe(201);
    expect((await c.admin!.post(`/api/v1/analytics/plans/${plan.id}/indicators`, { statutoryCode: 'consultations' })).statusCode).toBe(409);
    expect((await c.admin!.post('/api/v1/analytics/plans', { kind: 'community_welfare', name: '検証 地域福祉計画', fromFiscalYear: 2010, toFiscalYear: 2012 })).statusCode).toBe(409);
  });

  it('refuses a period that runs backwards or is too long, in Japanese', async () => {
    const res = await c.admin!.post('/api/v1/analytics/plans', { kind: 'implementation', name: '逆', fromFiscalYear: 2027, toFiscalYear: 2025 });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('終わりの年度は始まりの年度と同じか、それより後にしてください。');
    const long = await c.admin!.post('/api/v1/analytics/plans', { kind: 'implementation', name: '長', fromFiscalYear: 2020, toFiscalYear: 2030 });
    expect(long.body).toContain('計画期間は10年度までにしてください。');
  });

  it('counts the statutory actuals from the records: equal to the hand-computed fixture for 2010年度', async () => {
    const db = t.database.db;
    const fx = new Fixture(db, await addFixtureAgencies(db, t.municipalityId, { target: null }));
    const agency = fx.base.agency.target!;
    // 相談受付件数: 3 inside 2010-04-01 … 2011-03-31, 2 outside.
    for (const d of ['2010-04-01', '2010-12-31', '2011-03-31', '2010-03-31', '2011-04-01']) await fx.consultation(agency, d);
    // 支援対象者数: a need inside, one still open from before, one ended before, one after → 2.
    await fx.need(await fx.person(agency), agency, '2010-06-01', '2010-09-30');
    await fx.need(await fx.person(agency), agency, '2009-06-01');
    await fx.need(await fx.person(agency), agency, '2009-01-01', '2010-03-31');
    await fx.need(await fx.person(agency), agency, '2011-05-01');
    // 協力事業者数: registered by the end of the 年度 → 1.
    await fx.host('2010-05-01');
    await fx.host('2011-04-02');
    await fx.host(null);
    // 拠点数 1; 参加者数 10 + 2 (the cancelled and the later session do not count); 参加機関数 2.
    const activity = await fx.place('2010-05-01');
    await fx.place('2011-04-01');
    const [a, b, x] = [await fx.partner('検証団体A'), await fx.partner('検証団体B'), await fx.partner('検証団体C')];
    await fx.session(activity, '2010-06-02', { adult: 4, elderly: 6 }, [a, b]);
    await fx.session(activity, '2011-01-12', { child: 2 }, [a]);
    await fx.session(activity, '2010-07-07', { adult: 5 }, [x], 'cancelled');
    await fx.session(activity, '2011-04-06', { adult: 9 }, [x]);

    const targets = json<Targets>(await c.admin!.get(`/api/v1/analytics/plans/${plan.id}/targets?fiscalYear=2010`));
    expect(targets.asOf).toBe('2011-03-31');
    expect(targets.canEdit).toBe(true);
    const actual = Object.fromEntries(targets.rows.map((r) => [r.statutoryCode ?? r.label, r.actual]));
    expect(actual).toEqual({
      consultations: 3,
      participation_persons: 2,
      participation_hosts: 1,
      community_places: 1,
      community_participants: 12,
      community_organizations: 2,
      見守り協定の締結数: null,
    });
  });

  it('sets a target, a manual actual for the custom indicator and the evaluation; achievement follows', async () => {
    const rows = byCode(json<Targets>(await c.admin!.get(`/api/v1/analytics/plans/${plan.id}/targets?fiscalYear=2010`)).rows);
    const consultations = rows.consultations!;
    const url = `/api/v1/analytics/indicators/${consultations.indicatorId}/years/2010`;
    const res = await c.admin!.put(url, { target: 4, manualActual: null, evaluation: '周知不足。広報紙で特集を組む。', version: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<{ version: number }>(res).version).toBe(1);
    // A second "first" write, or a stale version, is a conflict.
    expect((await c.admin!.put(url, { target: 5, manualActual: null, evaluation: null, version: 0 })).statusCode).toBe(409);
    expect((await c.admin!.put(url, { target: 5, manualActual: null, evaluation: null, version: 7 })).statusCode).toBe(409);
    // A statutory actual is counted, never typed.
    const typed = await c.admin!.put(url, { target: 5, manualActual: 9, evaluation: null, version: 1 });
    expect(typed.statusCode).toBe(400);
    expect(typed.body).toContain('法定の指標の実績は記録から集計されるため、入力できません。');
    const custom = rows.見守り協定の締結数!;
    expect((await c.admin!.put(`/api/v1/analytics/indicators/${custom.indicatorId}/years/2010`, { target: 8, manualActual: 6, evaluation: null, version: 0 })).statusCode).toBe(200);
    const outside = await c.admin!.put(`/api/v1/analytics/indicators/${custom.indicatorId}/years/2013`, { target: 8, manualActual: 6, evaluation: null, version: 0 });
    expect(outside.body).toContain('計画期間の外の年度です。');

    const after = byCode(json<Targets>(await c.coordinator!.get(`/api/v1/analytics/plans/${plan.id}/targets?fiscalYear=2010`)).rows);
    expect(after.consultations).toMatchObject({ target: 4, actual: 3, achievement: 75, evaluation: '周知不足。広報紙で特集を組む。', version: 1 });
    expect(after.見守り協定の締結数).toMatchObject({ target: 8, actual: 6, actualSource: 'manual', achievement: 75 });
    expect(after.participation_persons).toMatchObject({ target: null, achievement: null, version: 0 });
  });

  it('changes the plan with optimistic concurrency, audited in the same transaction', async () => {
    const body = { kind: 'community_welfare', name: '検証 第2期地域福祉計画', fromFiscalYear: 2010, toFiscalYear: 2014 };
    const res = await c.admin!.put(`/api/v1/analytics/plans/${plan.id}`, { ...body, version: plan.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Plan>(res).version).toBe(2);
    expect((await c.admin!.put(`/api/v1/analytics/plans/${plan.id}`, { ...body, version: plan.version })).statusCode).toBe(409);
    const events = await t.database.db.selectFrom('audit_event').select(['action', 'target_id']).where('target_id', '=', plan.id).execute();
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['welfare_plan.create', 'welfare_plan.update', 'welfare_plan.read']));
  });

  it('WHO MUST NOT: caseworkers, outreach workers, 民生委員 and the auditor neither read nor write; the coordinator reads only', async () => {
    const url = `/api/v1/analytics/plans/${plan.id}/targets?fiscalYear=2010`;
    for (const login of ['houkatsu1', 'outreach', 'minsei1', 'auditor']) {
      expect((await c[login]!.get(url)).statusCode, login).toBe(403);
      expect((await c[login]!.get('/api/v1/analytics/plans')).statusCode, login).toBe(403);
    }
    const rows = json<Targets>(await c.admin!.get(url)).rows;
    const put = (login: string) => c[login]!.put(`/api/v1/analytics/indicators/${rows[0]!.indicatorId}/years/2010`, { target: 1, manualActual: null, evaluation: null, version: rows[0]!.version });
    for (const login of ['houkatsu1', 'coordinator', 'outreach', 'minsei1', 'auditor']) expect((await put(login)).statusCode, login).toBe(403);
    expect((await c.coordinator!.post('/api/v1/analytics/plans', { kind: 'implementation', name: '無権限', fromFiscalYear: 2026, toFiscalYear: 2026 })).statusCode).toBe(403);
    for (const login of ['coordinator', 'houkatsu1']) {
      expect((await c[login]!.post(`/api/v1/analytics/plans/${plan.id}/indicators`, { label: '無権限の指標', unit: '件' })).statusCode, login).toBe(403);
      expect((await c[login]!.put(`/api/v1/analytics/plans/${plan.id}`, { kind: 'implementation', name: '無権限', fromFiscalYear: 2010, toFiscalYear: 2012, version: 2 })).statusCode, login).toBe(403);
    }
    const denied = await t.database.db.selectFrom('audit_event').select('action').where('outcome', '=', 'denied').where('action', '=', 'plan_indicator_year.update').execute();
    expect(denied.length).toBeGreaterThanOrEqual(5);
  });

  it('the small-cell threshold: default 5, changed by the 市町村管理者 only, with a version', async () => {
    expect(json(await c.coordinator!.get('/api/v1/analytics/small-cell-threshold'))).toEqual({ threshold: 5, version: 0, canEdit: false });
    expect((await c.coordinator!.put('/api/v1/analytics/small-cell-threshold', { threshold: 3, version: 0 })).statusCode).toBe(403);
    const res = await c.admin!.put('/api/v1/analytics/small-cell-threshold', { threshold: 10, version: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toEqual({ threshold: 10, version: 1, canEdit: true });
    expect((await c.admin!.put('/api/v1/analytics/small-cell-threshold', { threshold: 3, version: 0 })).statusCode).toBe(409);
    const bad = await c.admin!.put('/api/v1/analytics/small-cell-threshold', { threshold: 0, version: 1 });
    expect(bad.body).toContain('1〜100の範囲で入力してください。');
    const { smallCellThreshold } = await import('../../platform/export/suppression-setting.js');
    expect(await smallCellThreshold(t.database.db, t.municipalityId)).toBe(10);
  });
});
