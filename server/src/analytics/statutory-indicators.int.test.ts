import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp } from '../../test/test-app.js';
import { fiscalMonths, fiscalYearPeriod } from '../community/kpi.js';
import { createFixtureMunicipality, Fixture } from './analytics.fixtures.js';
import { resolveScope } from './analytics-scope.js';
import { countStatutory, STATUTORY_INDICATORS, statutoryIndicatorActuals } from './statutory-indicators.js';
import { loadStatutoryRecords } from './statutory-records.js';

/**
 * A municipality of its own (no demo data), 年度 2024 = 2024-04-01 … 2025-03-31, counted by hand:
 *
 * 相談受付件数: 2024-04-01 窓口, 2024-07-15 オンライン, 2025-03-31 電話 → 3
 *   (2024-03-31 and 2025-04-01 fall outside).
 * 支援対象者数: P1 need from 2024-05-01 (and a second need from 2024-06-01: still one person);
 *   P2 need closed 2024-03-31 but a placement 利用中 since 2023-02-01; P3 need closed 2024-04-01;
 *   P4 need only from 2025-04-02 → P1 P2 P3 = 3.
 * 協力事業者数: registered 2024-01-10 and 2024-10-01 (cumulative), 2025-04-10 too late, a 候補 → 2.
 * 拠点数: A opened 2024-06-01; D open until 2024-04-01; B closed 2024-03-31; C being prepared → 2.
 * 参加者数 (延べ): A 2024-06-05 子3 高7 = 10; A 2024-07-03 cancelled (5); D 2024-04-01 現2 不1 = 3;
 *   D 2024-03-25 現50 (previous 年度) → 13.
 * 参加機関数: X Y on 2024-06-05, X on 2024-04-01 (Z only on the cancelled and the earlier one) → 2.
 *
 * June 2024: 相談 0; 対象者 P1 P2 = 2; 協力事業者 1; 拠点 A = 1; 参加者 10; 参加機関 2.
 */
let t: TestApp;
let mid: string;

beforeAll(async () => {
  t = await startTestApp();
  const base = await createFixtureMunicipality(t.database.db, { a: null });
  mid = base.municipalityId;
  const f = new Fixture(t.database.db, base);
  const ag = base.agency.a!;
  await f.consultation(ag, '2024-04-01');
  await f.consultation(ag, '2024-07-15', { route: 'online' });
  await f.consultation(ag, '2025-03-31', { route: 'phone' });
  await f.consultation(ag, '2024-03-31');
  await f.consultation(ag, '2025-04-01');

  await f.host('2024-01-10');
  await f.host('2024-10-01');
  await f.host('2025-04-10');
  const candidate = await f.host(null);

  const [p1, p2, p3, p4] = [await f.person(ag), await f.person(ag), await f.person(ag), await f.person(ag)];
  await f.need(p1, ag, '2024-05-01');
  await f.need(p1, ag, '2024-06-01');
  const n2 = await f.need(p2, ag, '2023-01-01', '2024-03-31');
  await f.placement(n2, candidate, '2023-02-01', 'active');
  await f.need(p3, ag, '2023-01-01', '2024-04-01');
  await f.need(p4, ag, '2025-04-02');

  const [x, y, z] = [await f.partner('X'), await f.partner('Y'), await f.partner('Z')];
  const a = await f.place('2024-06-01');
  const b = await f.place('2023-01-01', '2024-03-31');
  await f.place(null);
  const d = await f.place('2020-01-01', '2024-04-01');
  await f.session(a, '2024-06-05', { child: 3, elderly: 7 }, [x, y]);
  await f.session(a, '2024-07-03', { adult: 5 }, [z], 'cancelled');
  await f.session(d, '2024-04-01', { adult: 2, unknown: 1 }, [x]);
  await f.session(d, '2024-03-25', { adult: 50 }, [z]);
  await f.session(b, '2024-03-01', { adult: 4 });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('statutory indicators (施行規則34条の10)', () => {
  it('lists the six indicators with their units', () => {
    expect(STATUTORY_INDICATORS.map((i) => `${i.label}（${i.unit}）`)).toEqual([
      '相談受付件数（件）',
      '参加支援 支援対象者数（人）',
      '参加支援 協力事業者数（か所）',
      '地域づくり 拠点数（か所）',
      '地域づくり 参加者数（人）',
      '地域づくり 参加機関数（団体）',
    ]);
  });

  it('counts a 年度 as worked out by hand', async () => {
    expect(await statutoryIndicatorActuals(t.database.db, mid, { from: '2024-04-01', to: '2025-03-31' })).toEqual({
      consultations: 3,
      participation_persons: 3,
      participation_hosts: 2,
      community_places: 2,
      community_participants: 13,
      community_organizations: 2,
    });
  });

  it('counts one month as worked out by hand', async () => {
    expect(await statutoryIndicatorActuals(t.database.db, mid, { from: '2024-06-01', to: '2024-06-30' })).toEqual({
      consultations: 0,
      participation_persons: 2,
      participation_hosts: 1,
      community_places: 1,
      community_participants: 10,
      community_organizations: 2,
    });
  });

  it('counts only the municipality asked about', async () => {
    const empty = await createFixtureMunicipality(t.database.db, {});
    expect(Object.values(await statutoryIndicatorActuals(t.database.db, empty.municipalityId, { from: '2024-04-01', to: '2025-03-31' }))).toEqual([0, 0, 0, 0, 0, 0]);
    const demo = await statutoryIndicatorActuals(t.database.db, t.municipalityId, { from: '2024-04-01', to: '2025-03-31' });
    expect(demo.community_places).toBeGreaterThan(0);
  });

  it('counts 地域づくり as the 地域づくり page does, for a 年度 and each of its months', async () => {
    type PageKpi = { places: number; participants: number; partners: number };
    const community = (c: Record<string, number>) => ({ places: c.community_places, participants: c.community_participants, partners: c.community_organizations });
    const admin = await t.signIn('admin');
    const db = t.database.db;
    let participants = 0;
    let partners = 0;
    for (const fy of [2024, 2025, 2026]) {
      const page = json<{ total: PageKpi; months: Array<PageKpi & { month: string }> }>(await admin.get(`/api/v1/community/kpis?fiscalYear=${fy}`));
      const year = fiscalYearPeriod(fy);
      const records = await loadStatutoryRecords(db, await resolveScope(db, t.municipalityId), year.from, year.to);
      expect(community(countStatutory(records, year))).toEqual({ places: page.total.places, participants: page.total.participants, partners: page.total.partners });
      for (const m of fiscalMonths(fy)) {
        const shown = page.months.find((x) => x.month === m.month)!;
        expect(community(countStatutory(records, m)), m.month).toEqual({ places: shown.places, participants: shown.participants, partners: shown.partners });
      }
      participants += page.total.participants;
      partners += page.total.partners;
    }
    // The demo municipality holds sessions with organisations, so the comparison counts something.
    expect(participants).toBeGreaterThan(0);
    expect(partners).toBeGreaterThan(0);
  });

  it('refuses to count organisations for part of a month it holds only whole', async () => {
    const db = t.database.db;
    const records = await loadStatutoryRecords(db, await resolveScope(db, mid), '2024-04-01', '2024-06-15');
    expect(countStatutory(records, { from: '2024-04-01', to: '2024-06-15' }).community_organizations).toBe(2);
    expect(countStatutory(records, { from: '2024-06-01', to: '2024-06-15' }).community_organizations).toBe(2);
    expect(() => countStatutory(records, { from: '2024-04-01', to: '2024-06-10' })).toThrow(/参加機関数/);
    expect(() => countStatutory(records, { from: '2024-04-02', to: '2024-04-30' })).toThrow(/参加機関数/);
  });
});
