import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, json, startTestApp, type TestApp } from '../../../test/test-app.js';
import { ensureMunicipalityDefaults } from '../../admin/ensure-municipality-defaults.js';
import { homeMunicipality } from '../../bootstrap.js';
import { fiscalYearOf, fiscalYearPeriod } from '../../community/kpi.js';
import { isoDayInJapan } from '../../consultation/japanese/japanese-date.js';
import { hashPassword } from '../../platform/auth/password.js';
import { newId } from '../../platform/db/ids.js';
import { seedSecondMunicipality } from '../../seed/seed-second-municipality.js';
import { statutoryIndicatorActuals } from '../statutory-indicators.js';

type Counts = Record<string, number | null>;
type View = { prefectureCode: string; prefectureName: string; fiscalYear: number; threshold: number; rows: Array<{ code: string; name: string; values: Counts }>; totals: Counts; suppressed: number };

let t: TestApp;
let townId: string;
const fy = fiscalYearOf(isoDayInJapan(new Date()));

beforeAll(async () => {
  t = await startTestApp();
  const town = await seedSecondMunicipality(t.database.db, { seed: 7, now: new Date() });
  townId = town!.municipalityId;
  await ensureMunicipalityDefaults(t.database.db);
  // A municipality of another prefecture (98), with its own prefecture analyst.
  const db = t.database.db;
  const otherId = newId();
  const agencyId = newId();
  const userId = newId();
  await db.insertInto('municipality').values({ municipality_id: otherId, code: '980001', name: '隣県市', prefecture_code: '98', prefecture_name: '隣県', population: 30_000 }).execute();
  await db.insertInto('agency').values({ municipality_id: otherId, agency_id: agencyId, kind: 'prefecture_office', name: '隣県 福祉課' }).execute();
  await db.insertInto('app_user').values({ municipality_id: otherId, user_id: userId, login_name: 'pref98', display_name: '隣県 集計', password_hash: await hashPassword(DEMO_PASSWORD), roles: ['prefecture_analyst'] }).execute();
  await db.insertInto('user_agency').values({ municipality_id: otherId, user_id: userId, agency_id: agencyId }).execute();
});
afterAll(async () => {
  await t?.close();
});

describe('デモ町, the demo second municipality', () => {
  it('is seeded once beside デモ市, which stays the home municipality, and gets the standard configuration', async () => {
    expect(await seedSecondMunicipality(t.database.db, { seed: 7, now: new Date() })).toBeNull();
    expect(await homeMunicipality(t.database)).toBe(t.municipalityId);
    const towns = await t.database.db.selectFrom('municipality').select(['name', 'prefecture_code']).where('code', '=', '990010').execute();
    expect(towns).toEqual([{ name: 'デモ町', prefecture_code: '99' }]);
    const types = await t.database.db.selectFrom('meeting_type').select('code').where('municipality_id', '=', townId).execute();
    expect(types.length).toBeGreaterThan(0);
    const admin = await t.signIn('town-admin');
    const me = json<{ municipality: { name: string } }>(await admin.get('/api/v1/me'));
    expect(me.municipality.name).toBe('デモ町');
  });

  it('has the hand-counted indicators of its fixture', async () => {
    const counts = await statutoryIndicatorActuals(t.database.db, townId, fiscalYearPeriod(fy));
    expect(counts).toMatchObject({ consultations: 6, participation_persons: 2, participation_hosts: 1, community_places: 2 });
  });
});

describe('都道府県の集計', () => {
  it('shows the prefecture analyst every municipality of デモ県, each indicator as shown or hidden, counts only', async () => {
    const pref = await t.signIn('pref');
    const res = await pref.get(`/api/v1/analytics/prefecture?fiscalYear=${fy}`);
    expect(res.statusCode).toBe(200);
    const view = json<View>(res);
    expect(view).toMatchObject({ prefectureCode: '99', prefectureName: 'デモ県', fiscalYear: fy, threshold: 5 });
    expect(view.rows.map((r) => [r.code, r.name])).toEqual([
      ['990001', 'デモ市'],
      ['990010', 'デモ町'],
    ]);
    // Against the true counts: a shown count is the true one, 1–4 is hidden, and a shown total never
    // leaves exactly one hidden count to be worked out.
    const raw = [await statutoryIndicatorActuals(t.database.db, t.municipalityId, fiscalYearPeriod(fy)), await statutoryIndicatorActuals(t.database.db, townId, fiscalYearPeriod(fy))];
    for (const code of Object.keys(raw[0]!) as Array<keyof (typeof raw)[0]>) {
      view.rows.forEach((r, i) => {
        const v = r.values[code];
        if (v !== null) expect(v).toBe(raw[i]![code]);
        if (raw[i]![code] >= 1 && raw[i]![code] < 5) expect(v).toBeNull();
      });
      if (view.totals[code] !== null) {
        expect(view.totals[code]).toBe(raw[0]![code] + raw[1]![code]);
        expect(view.rows.filter((r) => r.values[code] === null)).not.toHaveLength(1);
      }
    }
    expect(view.rows[1]!.values.participation_persons).toBeNull();
    expect(view.suppressed).toBeGreaterThan(0);
    // Nothing but counts and public facts about municipalities.
    expect(Object.keys(view.rows[0]!).sort()).toEqual(['code', 'name', 'population', 'values']);
    const events = await t.database.db.selectFrom('audit_event').select(['action', 'target_type', 'outcome']).where('action', '=', 'analytics.prefecture').where('outcome', '=', 'success').execute();
    expect(events).toEqual([{ action: 'analytics.prefecture', target_type: 'aggregate', outcome: 'success' }]);
  });

  it('takes one month of the 年度 and refuses a month outside it', async () => {
    const pref = await t.signIn('pref');
    const ok = await pref.get(`/api/v1/analytics/prefecture?fiscalYear=${fy}&month=${fy + 1}-03`);
    expect(ok.statusCode).toBe(200);
    expect(json<{ from: string; to: string }>(ok)).toMatchObject({ from: `${fy + 1}-03-01`, to: `${fy + 1}-03-31` });
    expect((await pref.get(`/api/v1/analytics/prefecture?fiscalYear=${fy}&month=${fy}-03`)).statusCode).toBe(400);
  });

  it('refuses municipal staff of either municipality: they may not read the other one', async () => {
    for (const login of ['admin', 'coordinator', 'houkatsu1', 'town-admin', 'town-shakyo', 'auditor']) {
      const c = await t.signIn(login);
      expect((await c.get(`/api/v1/analytics/prefecture?fiscalYear=${fy}`)).statusCode, login).toBe(403);
    }
    // Each administrator's own 参加支援 indicators count their own municipality only (4 hosts in デモ市, 1 in デモ町).
    const city = json<{ year: { hostsRegistered: number } }>(await (await t.signIn('admin')).get(`/api/v1/participation/kpis?fiscalYear=${fy}`));
    const town = json<{ year: { hostsRegistered: number } }>(await (await t.signIn('town-admin')).get(`/api/v1/participation/kpis?fiscalYear=${fy}`));
    expect([city.year.hostsRegistered, town.year.hostsRegistered]).toEqual([4, 1]);
  });

  it('applies the strictest small-count threshold any municipality of the prefecture has set', async () => {
    await t.database.db.insertInto('analytics_setting').values({ municipality_id: townId, small_cell_threshold: 7 }).execute();
    const view = json<View>(await (await t.signIn('pref')).get(`/api/v1/analytics/prefecture?fiscalYear=${fy}`));
    expect(view.threshold).toBe(7);
    // デモ町's 6 consultations are now below the threshold.
    expect(view.rows[1]!.values.consultations).toBeNull();
    await t.database.db.deleteFrom('analytics_setting').where('municipality_id', '=', townId).execute();
  });

  it('shows an analyst of another prefecture neither デモ市 nor デモ町', async () => {
    const other = await t.signIn('pref98');
    const view = json<View>(await other.get(`/api/v1/analytics/prefecture?fiscalYear=${fy}`));
    expect(view.prefectureCode).toBe('98');
    expect(view.rows.map((r) => r.code)).toEqual(['980001']);
  });
});

describe('the prefecture analyst and personal records', () => {
  it('opens no person, household, consultation or case of either municipality, and lists none', async () => {
    const db = t.database.db;
    const pref = await t.signIn('pref');
    for (const mid of [t.municipalityId, townId]) {
      const persons = await db.selectFrom('person').select('person_id').where('municipality_id', '=', mid).limit(3).execute();
      const households = await db.selectFrom('household').select('household_id').where('municipality_id', '=', mid).limit(3).execute();
      const consultations = await db.selectFrom('consultation').select('consultation_id').where('municipality_id', '=', mid).limit(3).execute();
      const cases = await db.selectFrom('support_case').select('case_id').where('municipality_id', '=', mid).limit(3).execute();
      const needs = await db.selectFrom('participation_need').select('need_id').where('municipality_id', '=', mid).limit(3).execute();
      const urls = [
        ...persons.map((p) => `/api/v1/persons/${p.person_id}`),
        ...households.map((h) => `/api/v1/households/${h.household_id}`),
        ...consultations.map((c) => `/api/v1/consultations/${c.consultation_id}`),
        ...cases.flatMap((c) => [`/api/v1/cases/${c.case_id}`, `/api/v1/cases/${c.case_id}/timeline`]),
        ...needs.map((n) => `/api/v1/participation/needs/${n.need_id}`),
      ];
      if (mid === townId) expect(urls.length).toBeGreaterThanOrEqual(4 + 3 + 3);
      for (const url of urls) expect((await pref.get(url)).statusCode, url).toBe(404);
    }
    for (const url of ['/api/v1/persons?q=%E4%BD%90%E8%97%A4', '/api/v1/consultations', '/api/v1/cases', '/api/v1/participation/needs']) {
      const res = await pref.get(url);
      if (res.statusCode === 200) expect(json<{ items: unknown[] }>(res).items, url).toEqual([]);
      else expect(res.statusCode, url).toBe(403);
    }
  });

  it("keeps each municipality's staff out of the other's records, while its own staff work as usual", async () => {
    const db = t.database.db;
    const townPerson = await db
      .selectFrom('person as p')
      .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'p.municipality_id').onRef('a.agency_id', '=', 'p.registered_by_agency_id'))
      .select('p.person_id')
      .where('p.municipality_id', '=', townId)
      .where('a.name', '=', 'デモ町地域包括支援センター')
      .executeTakeFirstOrThrow();
    const cityConsultation = await db.selectFrom('consultation').select('consultation_id').where('municipality_id', '=', t.municipalityId).executeTakeFirstOrThrow();
    expect((await (await t.signIn('admin')).get(`/api/v1/persons/${townPerson.person_id}`)).statusCode).toBe(404);
    expect((await (await t.signIn('town-admin')).get(`/api/v1/consultations/${cityConsultation.consultation_id}`)).statusCode).toBe(404);
    expect((await (await t.signIn('town-houkatsu')).get(`/api/v1/persons/${townPerson.person_id}`)).statusCode).toBe(200);
  });
});
