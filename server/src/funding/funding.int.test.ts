import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearOf } from '../community/kpi.js';
import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { newId } from '../platform/db/ids.js';
import { type Client, json, startTestApp, type TestApp } from '../../test/test-app.js';

/**
 * A fixed fixture in 年度 2024 (no demo data there), counted by hand:
 * consultations 2024-04-01…2025-03-31: 東部包括 (介護) P1, P1, anonymous; 基幹 (障害) P1; 自立相談 (困窮)
 * P2, P2; 社協 (no silo) ×2 → 新規相談 8; 相談件数 介護3 障害1 困窮2; 支援実人数 介護2 障害1 困窮1.
 * Outside the 年度: 2024-03-31 and 2025-04-01 (東部包括).
 * costs: C1 staff 相談員 at 東部包括, 包括的相談支援分, 1,000,000 円, hours 介護30 困窮10;
 *        C2 contract at 社協, 新たな機能分, 600,001 円.
 * 相談件数 key: C1 → 介護500,000 障害166,667 困窮333,333 (remainders 0/4/2 of 6: the 1 yen left goes to 障害);
 *               C2 → 介護300,001 障害100,000 困窮200,000.
 * rates: 包括 介護 154/77/77/92/0 of 400 千円未満切捨て → 500,000: 国192,500 県96,250 市96,250 1号115,000;
 *        新たな 介護 50/25/25/46/54 of 200, 基準額 250,000 → 国62,500 県31,250 市31,250 1号57,500 2号67,500;
 *        包括 障害 2/1/1 of 4 → 166,667 → 166,000: 国83,000 県41,500 市41,500.
 * 繰出金 = 115,000 + 57,500 + 67,500 = 240,000. 1件あたり = floor(1,600,001 / 8) = 200,000.
 */
let t: TestApp;
let admin: Client;
const FY = 2024;

type Run = {
  runId: string;
  totalCostYen: number;
  allocatedYen: number;
  claimedYen: number;
  population: number;
  newConsultations: number;
  insuranceTransferYen: number;
  costPerNewConsultationYen: number | null;
  newConsultationsPer100k: number | null;
  payerTotals: Record<string, number>;
  claims: { part: string; silo: string; allocatedYen: number; claimedYen: number; rateVersionNo: number | null; payers: Record<string, number> | null }[];
  lines: { costId: string; silo: string; part: string; weight: number; weightTotal: number; amountYen: number }[];
  keys: { silo: string; sourceLabel: string; count: number }[];
};
let c1: { costId: string; version: number };
let c2: { costId: string; version: number };

async function created<T>(res: { statusCode: number; body: string }): Promise<T> {
  expect(res.statusCode, res.body).toBe(201);
  return JSON.parse(res.body) as T;
}

const rate = (part: string, silo: string, ratios: number[], extra: Record<string, unknown> = {}) => {
  const [kuni, todofuken, shichoson, hoken1, hoken2] = ratios as [number, number, number, number, number];
  return { fiscalYear: FY, part, silo, baseAmountYen: null, ratios: { denominator: kuni + todofuken + shichoson + hoken1 + hoken2, kuni, todofuken, shichoson, hoken1, hoken2 }, rounding: 'floor_1000', expectedVersionNo: 0, ...extra };
};

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn('admin');
  const db = t.database.db;
  const mid = t.municipalityId;
  const agency = async (name: string) => (await db.selectFrom('agency').select('agency_id').where('municipality_id', '=', mid).where('name', '=', name).executeTakeFirstOrThrow()).agency_id;
  const user = (await db.selectFrom('app_user').select('user_id').where('municipality_id', '=', mid).where('login_name', '=', 'admin').executeTakeFirstOrThrow()).user_id;
  const [houkatsu, kikan, jiritsu, shakyo] = [await agency('デモ市東部地域包括支援センター'), await agency('デモ市基幹相談支援センター'), await agency('デモ市くらしサポートセンター（自立相談支援機関）'), await agency('デモ市社会福祉協議会')];
  const person = async (name: string) => {
    const id = newId();
    await db.insertInto('person').values({ municipality_id: mid, person_id: id, family_name: name, given_name: '', name_key: name, registered_by_agency_id: houkatsu }).execute();
    return id;
  };
  const [p1, p2] = [await person('按分検証一'), await person('按分検証二')];
  const fixture: [string, string, string | null][] = [
    [houkatsu, '2024-04-01', p1],
    [houkatsu, '2024-10-10', p1],
    [houkatsu, '2025-03-31', null],
    [kikan, '2024-05-01', p1],
    [jiritsu, '2024-06-01', p2],
    [jiritsu, '2024-07-01', p2],
    [shakyo, '2024-08-01', null],
    [shakyo, '2024-09-01', p2],
    [houkatsu, '2024-03-31', p1],
    [houkatsu, '2025-04-01', p1],
  ];
  for (const [agencyId, day, personId] of fixture) {
    await db
      .insertInto('consultation')
      .values({ municipality_id: mid, consultation_id: newId(), received_on: day, receiving_agency_id: agencyId, received_by_user_id: user, route: 'visit', visitor_kind: 'self', person_id: personId, anonymous: personId === null, summary: '按分検証' })
      .execute();
  }
  c1 = await created(
    await admin.post('/api/v1/funding/costs', {
      fiscalYear: FY,
      kind: 'staff',
      label: '相談員（検証）',
      agencyId: houkatsu,
      part: 'houkatsu_soudan',
      amountYen: 1_000_000,
      hours: [
        { part: 'houkatsu_soudan', silo: 'kaigo', hours: 30 },
        { part: 'houkatsu_soudan', silo: 'konkyu', hours: 10 },
      ],
    }),
  );
  c2 = await created(await admin.post('/api/v1/funding/costs', { fiscalYear: FY, kind: 'contract', label: '多機関協働委託（検証）', agencyId: shakyo, part: 'aratana_kinou', amountYen: 600_001 }));
  await created(await admin.post('/api/v1/funding/rates', rate('houkatsu_soudan', 'kaigo', [154, 77, 77, 92, 0])));
  await created(await admin.post('/api/v1/funding/rates', rate('aratana_kinou', 'kaigo', [50, 25, 25, 46, 54], { baseAmountYen: 250_000 })));
  await created(await admin.post('/api/v1/funding/rates', rate('houkatsu_soudan', 'shougai', [2, 1, 1, 0, 0])));
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('按分 on the fixed fixture', () => {
  let run: Run;
  const claim = (part: string, silo: string) => run.claims.find((c) => c.part === part && c.silo === silo)!;

  it('splits by consultation counts with the hand-computed yen', async () => {
    run = await created<Run>(await admin.post('/api/v1/funding/runs', { fiscalYear: FY, key: 'consultations' }));
    const of = (costId: string) => Object.fromEntries(run.lines.filter((l) => l.costId === costId).map((l) => [l.silo, l.amountYen]));
    expect(of(c1.costId)).toEqual({ kaigo: 500_000, shougai: 166_667, konkyu: 333_333 });
    expect(of(c2.costId)).toEqual({ kaigo: 300_001, shougai: 100_000, konkyu: 200_000 });
    expect(run.totalCostYen).toBe(1_600_001);
    expect(run.allocatedYen).toBe(1_600_001);
    expect(run.newConsultations).toBe(8);
    expect(run.keys.map((k) => [k.silo, k.sourceLabel, k.count])).toEqual(
      expect.arrayContaining([
        ['kaigo', 'デモ市東部地域包括支援センター', 3],
        ['shougai', 'デモ市基幹相談支援センター', 1],
        ['konkyu', 'デモ市くらしサポートセンター（自立相談支援機関）', 2],
      ]),
    );
    expect(run.keys).toHaveLength(3);
  });

  it('claims, payer shares, 繰出金 and unit costs', () => {
    expect(claim('houkatsu_soudan', 'kaigo')).toMatchObject({ claimedYen: 500_000, rateVersionNo: 1, payers: { kuni: 192_500, todofuken: 96_250, shichoson: 96_250, hoken1: 115_000, hoken2: 0 } });
    expect(claim('aratana_kinou', 'kaigo')).toMatchObject({ allocatedYen: 300_001, claimedYen: 250_000, payers: { kuni: 62_500, todofuken: 31_250, shichoson: 31_250, hoken1: 57_500, hoken2: 67_500 } });
    expect(claim('houkatsu_soudan', 'shougai')).toMatchObject({ allocatedYen: 166_667, claimedYen: 166_000, payers: { kuni: 83_000, todofuken: 41_500, shichoson: 41_500 } });
    expect(claim('houkatsu_soudan', 'konkyu')).toMatchObject({ claimedYen: 333_333, payers: null });
    expect(run.insuranceTransferYen).toBe(240_000);
    expect(run.payerTotals).toEqual({ kuni: 338_000, todofuken: 169_000, shichoson: 169_000, hoken1: 172_500, hoken2: 67_500 });
    expect(run.costPerNewConsultationYen).toBe(200_000);
    expect(run.newConsultationsPer100k).toBe(Math.round(8_000_000 / run.population) / 10);
  });

  it('re-views a stored run unchanged after the costs change', async () => {
    const moved = await admin.put(`/api/v1/funding/costs/${c2.costId}`, { fiscalYear: FY, kind: 'contract', label: '多機関協働委託（検証）', part: 'aratana_kinou', amountYen: 700_000, version: c2.version });
    expect(moved.statusCode, moved.body).toBe(200);
    c2 = json(moved);
    const again = json<Run>(await admin.get(`/api/v1/funding/runs/${run.runId}`));
    expect(again).toEqual(run);
    const back = await admin.put(`/api/v1/funding/costs/${c2.costId}`, { fiscalYear: FY, kind: 'contract', label: '多機関協働委託（検証）', part: 'aratana_kinou', amountYen: 600_001, version: c2.version });
    c2 = json(back);
  });

  it('splits by persons served (a person once per silo, anonymous each) and by own hours', async () => {
    const persons = await created<Run>(await admin.post('/api/v1/funding/runs', { fiscalYear: FY, key: 'persons' }));
    const of = (r: Run, costId: string) => Object.fromEntries(r.lines.filter((l) => l.costId === costId).map((l) => [l.silo, l.amountYen]));
    expect(of(persons, c1.costId)).toEqual({ kaigo: 500_000, shougai: 250_000, konkyu: 250_000 });
    const staff = await created<Run>(await admin.post('/api/v1/funding/runs', { fiscalYear: FY, key: 'staff' }));
    expect(of(staff, c2.costId)).toEqual({ kaigo: 600_001 });
    const hours = await admin.post('/api/v1/funding/runs', { fiscalYear: FY, key: 'hours' });
    expect(hours.statusCode, hours.body).toBe(400); // no staff hours declared for 新たな機能分
    expect(json<{ error: { message: string } }>(hours).error.message).toContain('「多機関協働委託（検証）」を按分できません。');
  });

  it('exports the run as XLSX with the same figures, and audits it', async () => {
    const res = await admin.get(`/api/v1/funding/runs/${run.runId}/xlsx`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('請求額')!;
    const rows = (sheet.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows[0]).toContain('請求額（円）');
    expect(rows.find((r) => r[0] === '包括的相談支援分' && r[1] === '介護')?.slice(2, 10)).toEqual([500_000, undefined, 500_000, 192_500, 96_250, 96_250, 115_000, 0]);
    const summary = (book.getWorksheet('集計')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(summary.find((r) => r[0] === '介護保険特別会計からの繰出金（円）')?.[1]).toBe(240_000);
    const events = await t.database.db.selectFrom('audit_event').select('action').where('target_id', '=', run.runId).execute();
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['funding.run.create', 'funding.run.read', 'funding.run.export']));
  });
});

describe('versioned rates', () => {
  const body = rate('chiiki_dukuri', 'kodomo', [1, 1, 1, 0, 0]);

  it('keeps every version and refuses a change based on an old one', async () => {
    expect((await created<{ versionNo: number }>(await admin.post('/api/v1/funding/rates', body))).versionNo).toBe(1);
    expect((await admin.post('/api/v1/funding/rates', { ...body, baseAmountYen: 1_000 })).statusCode).toBe(409);
    const v2 = await created<{ versionNo: number }>(await admin.post('/api/v1/funding/rates', { ...body, baseAmountYen: 2_000_000, expectedVersionNo: 1 }));
    expect(v2.versionNo).toBe(2);
    const rates = json<{ current: { part: string; silo: string; versionNo: number; baseAmountYen: number }[]; history: { part: string; silo: string; versionNo: number }[] }>(await admin.get(`/api/v1/funding/rates?fiscalYear=${FY}`));
    expect(rates.current.find((r) => r.part === 'chiiki_dukuri' && r.silo === 'kodomo')).toMatchObject({ versionNo: 2, baseAmountYen: 2_000_000 });
    expect(rates.history.filter((r) => r.part === 'chiiki_dukuri' && r.silo === 'kodomo').map((r) => r.versionNo)).toEqual([1]);
  });

  it('lets only one of two simultaneous changes of the same version through', async () => {
    const race = { ...rate('aratana_kinou', 'kodomo', [1, 1, 1, 0, 0]) };
    await created(await admin.post('/api/v1/funding/rates', race));
    const statuses = await Promise.all([1, 2].map((n) => admin.post('/api/v1/funding/rates', { ...race, baseAmountYen: n, expectedVersionNo: 1 })));
    expect(statuses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('publishes the funding operations in the OpenAPI document', async () => {
    const doc = json<{ paths: Record<string, unknown> }>(await admin.get('/api/openapi.json'));
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/funding/rates', '/api/v1/funding/costs/{id}', '/api/v1/funding/runs/{id}/xlsx']));
  });

  it('refuses ratios that do not make 100%', async () => {
    const res = await admin.post('/api/v1/funding/rates', { ...body, silo: 'konkyu', ratios: { denominator: 4, kuni: 3, todofuken: 0, shichoson: 0, hoken1: 0, hoken2: 0 } });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('負担割合の合計が100%になっていません。');
  });

  it('ships the sample rates of the current 年度 with the DOMAIN.md ratios', async () => {
    const fy = fiscalYearOf(isoDayInJapan(new Date()));
    const rates = json<{ current: { part: string; silo: string; isSample: boolean; ratios: Record<string, number> }[] }>(await admin.get(`/api/v1/funding/rates?fiscalYear=${fy}`));
    expect(rates.current).toHaveLength(12);
    expect(rates.current.every((r) => r.isSample)).toBe(true);
    expect(rates.current.find((r) => r.part === 'houkatsu_soudan' && r.silo === 'kaigo')?.ratios).toEqual({ denominator: 400, kuni: 154, todofuken: 77, shichoson: 77, hoken1: 92, hoken2: 0 });
  });
});

describe('cost records', () => {
  it('creates, updates with the version, refuses a stale version, deletes', async () => {
    const c = await created<{ costId: string; version: number }>(await admin.post('/api/v1/funding/costs', { fiscalYear: 2023, kind: 'other', label: '消耗品', part: 'chiiki_dukuri', amountYen: 12_345 }));
    const updated = await admin.put(`/api/v1/funding/costs/${c.costId}`, { fiscalYear: 2023, kind: 'other', label: '消耗品・印刷', part: 'chiiki_dukuri', amountYen: 23_456, version: c.version });
    expect(json(updated)).toMatchObject({ label: '消耗品・印刷', amountYen: 23_456, version: 2 });
    expect((await admin.put(`/api/v1/funding/costs/${c.costId}`, { fiscalYear: 2023, kind: 'other', label: 'x', part: 'chiiki_dukuri', amountYen: 1, version: 1 })).statusCode).toBe(409);
    expect(json<{ totalYen: number }>(await admin.get('/api/v1/funding/costs?fiscalYear=2023')).totalYen).toBe(23_456);
    expect((await admin.request('DELETE', `/api/v1/funding/costs/${c.costId}?version=2`)).statusCode).toBe(204);
    expect(json<{ costs: unknown[] }>(await admin.get('/api/v1/funding/costs?fiscalYear=2023')).costs).toHaveLength(0);
  });

  it('refuses hours on a cost that is not staff', async () => {
    const res = await admin.post('/api/v1/funding/costs', { fiscalYear: 2023, kind: 'contract', label: '委託', part: 'chiiki_dukuri', amountYen: 1, hours: [{ part: 'chiiki_dukuri', silo: 'kaigo', hours: 3 }] });
    expect(res.statusCode).toBe(400);
  });

  it('refuses text PostgreSQL cannot store and numbers beyond its columns', async () => {
    const base = { fiscalYear: 2023, kind: 'other', label: '消耗品', part: 'chiiki_dukuri', amountYen: 1 };
    expect((await admin.post('/api/v1/funding/costs', { ...base, label: 'a\u0000b' })).statusCode).toBe(400);
    expect((await admin.post('/api/v1/funding/costs', { ...base, amountYen: 2 ** 53 })).statusCode).toBe(400);
    const c = await created<{ costId: string }>(await admin.post('/api/v1/funding/costs', base));
    expect((await admin.put(`/api/v1/funding/costs/${c.costId}`, { ...base, version: 2 ** 31 })).statusCode).toBe(400);
    expect((await admin.request('DELETE', `/api/v1/funding/costs/${c.costId}?version=${2 ** 31}`)).statusCode).toBe(400);
    expect((await admin.request('DELETE', `/api/v1/funding/costs/${c.costId}?version=1`)).statusCode).toBe(204);
    expect((await admin.post('/api/v1/funding/rates', { ...rate('houkatsu_soudan', 'konkyu', [3, 0, 1, 0, 0]), populationFrom: 2 ** 31 })).statusCode).toBe(400);
  });
});

describe('who must not', () => {
  for (const login of ['houkatsu1', 'soudan1', 'minsei1', 'outreach', 'coordinator', 'auditor', 'pref']) {
    it(`refuses ${login}`, async () => {
      const c = await t.signIn(login);
      const runs = json<{ runs: { runId: string }[] }>(await admin.get(`/api/v1/funding/runs?fiscalYear=${FY}`)).runs;
      expect((await c.get(`/api/v1/funding/rates?fiscalYear=${FY}`)).statusCode).toBe(403);
      expect((await c.get(`/api/v1/funding/costs?fiscalYear=${FY}`)).statusCode).toBe(403);
      expect((await c.post('/api/v1/funding/costs', { fiscalYear: FY, kind: 'other', label: 'x', part: 'chiiki_dukuri', amountYen: 1 })).statusCode).toBe(403);
      expect((await c.post('/api/v1/funding/runs', { fiscalYear: FY, key: 'consultations' })).statusCode).toBe(403);
      expect((await c.get(`/api/v1/funding/runs/${runs[0]!.runId}`)).statusCode).toBe(403);
      expect((await c.get(`/api/v1/funding/runs/${runs[0]!.runId}/xlsx`)).statusCode).toBe(403);
    });
  }
});
