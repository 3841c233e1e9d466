/**
 * デモ町: a second, small municipality of デモ県 beside デモ市, so that the prefecture view (都道府県の
 * 集計) has more than one row and shows suppression. Three agencies, three staff (sign-in names
 * `town-…`, which no デモ市 account uses: sign-in names are unique across the deployment), eight
 * persons in six households with their consultations (open cases on the larger households), two 参加支援 needs, one registered 協力事業者,
 * two 拠点 with weekly/monthly sessions over the last two months. Several indicators are therefore
 * below the threshold (hidden) and some above it.
 *
 * Idempotent: does nothing without デモ市 (a database that is not the demo) or when デモ町 exists.
 * Deterministic ids from its own SeededRandom (so it never shifts デモ市's ids); only dates move
 * with `now`, and every dated record falls in the current 年度 (clamped to 1 April).
 */
import { normaliseRule } from '../community/community-rules.js';
import { fiscalYearOf, fiscalYearPeriod } from '../community/kpi.js';
import { addDays, sessionDates } from '../community/schedule.js';
import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { personColumns } from '../consultation/person-fields.js';
import type { Role } from '../platform/access/actor.js';
import { recordAudit } from '../platform/audit/record-audit.js';
import type { DbHandle } from '../platform/db/database.js';
import { DEMO_MUNICIPALITY } from './demo-catalogue.js';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES } from './name-catalogue.js';
import { SeededRandom } from './random.js';

export const SECOND_MUNICIPALITY = { code: '990010', name: 'デモ町', prefectureCode: '99', prefectureName: 'デモ県', population: 8_200 };

/** Later than every id of デモ市 (SEED_EPOCH + a counter), so デモ市 stays the home municipality. */
const TOWN_EPOCH = Date.UTC(2026, 3, 2);

const AGENCIES = [
  { key: 'office', name: 'デモ町 保健福祉課（重層事業担当）', kind: 'municipal_office', area: null },
  { key: 'houkatsu', name: 'デモ町地域包括支援センター', kind: 'chiiki_houkatsu', area: 'デモ町全域' },
  { key: 'shakyo', name: 'デモ町社会福祉協議会', kind: 'shakyo_tajikan', area: null },
] as const;
type AgencyKey = (typeof AGENCIES)[number]['key'];

const USERS: Array<{ login: string; name: string; roles: Role[]; agency: AgencyKey }> = [
  { login: 'town-admin', name: '町役 花子', roles: ['municipal_admin'], agency: 'office' },
  { login: 'town-houkatsu', name: '本町 包括', roles: ['caseworker'], agency: 'houkatsu' },
  { login: 'town-shakyo', name: '社協 町子', roles: ['coordinator'], agency: 'shakyo' },
];

/** Households as the ages of their members; each gets one consultation (days ago, agency, categories). */
const HOUSEHOLDS: Array<{ ages: number[]; daysAgo: number; agency: AgencyKey; categories: string[]; summary: string }> = [
  { ages: [84, 55], daysAgo: 4, agency: 'houkatsu', categories: ['care', 'withdrawal'], summary: '高齢の母と同居の息子。息子は長く家から出ていない。' },
  { ages: [79], daysAgo: 11, agency: 'houkatsu', categories: ['community'], summary: '一人暮らしで、買い物に行けなくなってきた。' },
  { ages: [38, 8], daysAgo: 17, agency: 'shakyo', categories: ['living_costs', 'childcare'], summary: 'ひとり親で収入が少なく、学用品の支払いが難しい。' },
  { ages: [45], daysAgo: 26, agency: 'shakyo', categories: ['job_search', 'health_disability'], summary: '体調を崩して退職し、次の仕事を探している。' },
  { ages: [72, 70], daysAgo: 33, agency: 'houkatsu', categories: ['housing'], summary: '自宅の老朽化が進み、冬を越せるか心配。' },
  { ages: [29], daysAgo: 48, agency: 'shakyo', categories: ['withdrawal'], summary: '家族から、若者が家にこもりがちだと相談。' },
];

const PLACES = [
  { name: '本町ふれあいサロン', kind: 'salon' as const, address: 'デモ町本町1-4 本町公民館', weekdays: [3], profile: [0, 1, 9, 0] },
  { name: '上町通いの場', kind: 'kayoi' as const, address: 'デモ町上町2-7 上町集会所', weekdays: [5], profile: [0, 0, 7, 1] },
];

export async function seedSecondMunicipality(db: DbHandle, options: { seed: number; now: Date }): Promise<{ municipalityId: string } | null> {
  return db.transaction().execute(async (trx) => {
    const city = await trx.selectFrom('municipality').select('municipality_id').where('code', '=', DEMO_MUNICIPALITY.code).executeTakeFirst();
    if (!city) return null;
    if (await trx.selectFrom('municipality').select('municipality_id').where('code', '=', SECOND_MUNICIPALITY.code).executeTakeFirst()) return null;
    // デモ町's staff share the demo password: the hash of デモ市's demo administrator.
    const cityAdmin = await trx.selectFrom('app_user').select('password_hash').where('municipality_id', '=', city.municipality_id).where('login_name', '=', 'admin').where('is_demo', '=', true).executeTakeFirst();
    if (!cityAdmin) return null;

    const rnd = new SeededRandom(options.seed + 1);
    const id = () => rnd.uuid(TOWN_EPOCH);
    const mid = id();
    const today = isoDayInJapan(options.now);
    const fyStart = fiscalYearPeriod(fiscalYearOf(today)).from;
    const daysAgo = (n: number) => {
      const d = addDays(today, -n);
      if (d < fyStart) return fyStart; // ISO dates: the later of the two
      return d;
    };

    const m = SECOND_MUNICIPALITY;
    await trx.insertInto('municipality').values({ municipality_id: mid, code: m.code, name: m.name, prefecture_code: m.prefectureCode, prefecture_name: m.prefectureName, population: m.population }).execute();
    const agencyIds = new Map(AGENCIES.map((a) => [a.key, id()]));
    await trx
      .insertInto('agency')
      .values(AGENCIES.map((a) => ({ municipality_id: mid, agency_id: agencyIds.get(a.key)!, kind: a.kind, name: a.name, area: a.area })))
      .execute();
    const userIds = new Map(USERS.map((u) => [u.login, id()]));
    await trx
      .insertInto('app_user')
      .values(USERS.map((u) => ({ municipality_id: mid, user_id: userIds.get(u.login)!, login_name: u.login, display_name: u.name, password_hash: cityAdmin.password_hash, roles: u.roles, is_demo: true })))
      .execute();
    await trx
      .insertInto('user_agency')
      .values(USERS.map((u) => ({ municipality_id: mid, user_id: userIds.get(u.login)!, agency_id: agencyIds.get(u.agency)! })))
      .execute();
    const areaId = id();
    await trx
      .insertInto('municipal_area')
      .values({ municipality_id: mid, area_id: areaId, code: 'all', name: 'デモ町全域', kind: 'daily_life', responsible_agency_id: agencyIds.get('houkatsu')!, sort_order: 1 })
      .execute();

    // Households, persons and one consultation each (with the consent decision taken then).
    const worker = (a: AgencyKey) => userIds.get(a === 'houkatsu' ? 'town-houkatsu' : 'town-shakyo')!;
    const workingAge: string[] = [];
    for (const h of HOUSEHOLDS) {
      const [surname, surnameKana] = rnd.pick(SURNAMES);
      const address = `デモ町本町${1 + rnd.int(5)}-${1 + rnd.int(20)}`;
      const agencyId = agencyIds.get(h.agency)!;
      const householdId = id();
      await trx.insertInto('household').values({ municipality_id: mid, household_id: householdId, label: `${surname}さん世帯`, address, registered_by_agency_id: agencyId }).execute();
      let headId = '';
      for (const [i, age] of h.ages.entries()) {
        const female = rnd.next() < 0.5;
        const [given, givenKana] = rnd.pick(female ? FEMALE_NAMES : MALE_NAMES);
        const personId = id();
        if (i === 0) headId = personId;
        if (age >= 20 && age < 60) workingAge.push(personId);
        const birth = `${Number(today.slice(0, 4)) - age - 1}-${today.slice(5, 7)}-01`;
        const fields = { familyName: surname, givenName: given, familyKana: surnameKana, givenKana, sex: (female ? 'female' : 'male') as 'female' | 'male', birthDate: birth, address, phones: [], notes: null, careFlags: [], concerns: { categories: [], tags: [] }, confidential: false };
        await trx.insertInto('person').values({ municipality_id: mid, person_id: personId, registered_by_agency_id: agencyId, ...personColumns(fields, options.now) }).execute();
        await trx.insertInto('household_membership').values({ municipality_id: mid, membership_id: id(), household_id: householdId, person_id: personId, role_in_household: i === 0 ? 'head' : 'member', joined_on: daysAgo(h.daysAgo) }).execute();
      }
      const consultationId = id();
      const receivedOn = daysAgo(h.daysAgo);
      await trx
        .insertInto('consultation')
        .values({ municipality_id: mid, consultation_id: consultationId, received_on: receivedOn, receiving_agency_id: agencyId, received_by_user_id: worker(h.agency), route: 'visit', visitor_kind: 'self', person_id: headId, categories: h.categories, primary_category: h.categories[0]!, summary: h.summary })
        .execute();
      await trx
        .insertInto('consent')
        .values({ municipality_id: mid, consent_id: id(), consultation_id: consultationId, person_id: headId, status: 'given', recorded_by_user_id: worker(h.agency), recorded_at: new Date(`${receivedOn}T10:00:00+09:00`) })
        .execute();
      if (h.ages.length > 1) {
        // An open case with its lead (主担当) on the households of more than one person.
        const caseId = id();
        const openedAt = new Date(`${receivedOn}T12:00:00+09:00`);
        await trx
          .insertInto('support_case')
          .values({ municipality_id: mid, case_id: caseId, household_id: householdId, status: 'open', lead_agency_id: agencyId, opened_on: receivedOn, opened_by_user_id: worker(h.agency), created_at: openedAt, updated_at: openedAt })
          .execute();
        await trx.insertInto('case_lead_period').values({ municipality_id: mid, case_id: caseId, agency_id: agencyId, started_at: openedAt }).execute();
      }
    }

    // 参加支援: two needs kept by the 社会福祉協議会, one registered 協力事業者 and one still a candidate.
    const shakyo = agencyIds.get('shakyo')!;
    const coordinator = userIds.get('town-shakyo')!;
    for (const [i, personId] of workingAge.slice(0, 2).entries()) {
      await trx
        .insertInto('participation_need')
        .values({ municipality_id: mid, need_id: id(), person_id: personId, keeping_agency_id: shakyo, worker_user_id: coordinator, opened_on: daysAgo(20 - 5 * i), wish_codes: ['work_experience'], person_words: '少しずつ外に出られるようになりたい', preferred_area_ids: [areaId], available_days: ['TU', 'TH'], need_codes: ['small_group'] })
        .execute();
    }
    for (const [name, registered] of [['本町の農産物直売所', true], ['上町の製麺所', false]] as const) {
      const hostId = id();
      await trx
        .insertInto('participation_host')
        .values({ municipality_id: mid, host_id: hostId, name, area_id: areaId, offer_codes: ['work_experience'], capacity: 1, stage: registered ? 'registered' : 'candidate', registered_on: registered ? addDays(today, -150) : null, created_by_user_id: coordinator })
        .execute();
      await trx
        .insertInto('participation_host_event')
        .values({ municipality_id: mid, event_id: id(), host_id: hostId, from_stage: null, to_stage: registered ? 'registered' : 'candidate', occurred_on: registered ? addDays(today, -150) : addDays(today, -10), recorded_by_user_id: coordinator })
        .execute();
    }

    // 地域づくり: two 拠点 run with two 参加団体, a session a week over the last eight weeks.
    const partnerIds = [id(), id()];
    await trx
      .insertInto('community_partner')
      .values([
        { municipality_id: mid, partner_id: partnerIds[0]!, name: 'デモ町自治会連合会', kind: 'neighbourhood' },
        { municipality_id: mid, partner_id: partnerIds[1]!, name: 'デモ町老人クラブ', kind: 'volunteer' },
      ])
      .execute();
    const validFrom = '2025-04-01';
    for (const [pi, p] of PLACES.entries()) {
      const placeId = id();
      await trx
        .insertInto('community_place')
        .values({ municipality_id: mid, place_id: placeId, name: p.name, kind: p.kind, address: p.address, area_id: areaId, operator_partner_id: partnerIds[pi]!, opened_on: '2021-04-01', status: 'open', created_by_user_id: coordinator })
        .execute();
      const activityId = id();
      await trx
        .insertInto('community_activity')
        .values({ municipality_id: mid, activity_id: activityId, place_id: placeId, name: p.kind === 'salon' ? 'お茶会' : 'いきいき体操', freq: 'weekly', weekdays: p.weekdays, interval_weeks: 1, nths: [], month_days: [], starts_at: '10:00', ends_at: '11:30', valid_from: validFrom, skip_holidays: false, created_by_user_id: coordinator })
        .execute();
      const rule = normaliseRule({ freq: 'weekly', weekdays: p.weekdays, intervalWeeks: 1, nths: [], monthDays: [] });
      for (const heldOn of sessionDates({ rule, validFrom, validTo: null, skipHolidays: false }, daysAgo(56), addDays(today, -1))) {
        if (heldOn < fyStart) continue;
        const sessionId = id();
        const [c, ad, e, u] = p.profile.map((n) => Math.max(0, n + rnd.int(3) - 1)) as [number, number, number, number];
        await trx
          .insertInto('community_session')
          .values({ municipality_id: mid, session_id: sessionId, activity_id: activityId, held_on: heldOn, status: 'held', count_child: c, count_adult: ad, count_elderly: e, count_unknown: u, volunteers: 2, recorded_by_user_id: coordinator })
          .execute();
        await trx.insertInto('community_session_partner').values({ municipality_id: mid, session_id: sessionId, partner_id: partnerIds[pi]! }).execute();
      }
    }
    await recordAudit(trx, { requestId: 'seed', clientAddr: null, userAgent: null }, options.now, {
      municipalityId: mid,
      action: 'system.demo_seeded',
      outcome: 'success',
      targetType: 'municipality',
      targetId: mid,
      details: { seed: options.seed, agencies: AGENCIES.length, users: USERS.length, households: HOUSEHOLDS.length },
    });
    return { municipalityId: mid };
  });
}
