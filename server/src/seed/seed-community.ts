/**
 * デモ市's 地域づくり: 参加団体, twelve 拠点 over the three 圏域 (one still being prepared), their
 * 活動 with recurring schedules, about three months of attendance up to yesterday (today is left for
 * a person to record), and a few entries of the coordinators' 活動記録. Deterministic: ids from
 * `makeId`, counts from a fixed pseudo-random sequence; only the dates move with `now`.
 */
import { normaliseRule } from '../community/community-rules.js';
import { addDays, sessionDates } from '../community/schedule.js';
import { japanDate } from '../platform/access/relationships.js';
import type { DbHandle } from '../platform/db/database.js';
import type { Insertable } from 'kysely';
import type { CommunityActivityTable, CommunitySessionTable, PartnerKind, PlaceKind, ScheduleFreq } from '../platform/db/schema-community.js';
import { SeededRandom } from './random.js';

const PARTNERS: Array<[string, PartnerKind]> = [
  ['東町自治会', 'neighbourhood'],
  ['西町自治会', 'neighbourhood'],
  ['南町町内会連合会', 'neighbourhood'],
  ['NPO法人 ほっとスペースつばさ', 'npo'],
  ['NPO法人 こども食堂ネットワークデモ', 'npo'],
  ['デモ市立東小学校', 'school'],
  ['デモ市立南中学校', 'school'],
  ['株式会社デモ食品', 'company'],
  ['デモ市老人クラブ連合会', 'volunteer'],
  ['デモ市社会福祉協議会', 'welfare'],
];

/** Who usually comes, as mean counts per session: 子ども, 若者・現役, 高齢者, 不明 (below one: the chance of one). */
type Profile = readonly [number, number, number, number];
const ELDERLY: Profile = [0.15, 0.2, 14, 1];
const CHILDREN: Profile = [18, 6, 3, 1];
const PARENTS: Profile = [9, 8, 0, 0];
const MIXED: Profile = [4, 3, 9, 1];

interface ActivitySeed {
  name: string;
  freq: ScheduleFreq;
  weekdays?: number[];
  nths?: number[];
  monthDays?: number[];
  intervalWeeks?: number;
  time: [string, string];
  profile: Profile;
  partners: number[];
}
interface PlaceSeed {
  area: string;
  name: string;
  kind: PlaceKind;
  address: string;
  operator: number | string;
  openedOn: string | null;
  activities: ActivitySeed[];
}

const PLACES: PlaceSeed[] = [
  { area: 'east', name: 'ふれあいサロン東町', kind: 'salon', address: 'デモ市東町1-2-3 東町集会所', operator: 0, openedOn: '2019-04-01', activities: [{ name: 'お茶会と脳トレ', freq: 'monthly_nth', weekdays: [3], nths: [1, 3], time: ['13:30', '15:30'], profile: ELDERLY, partners: [0, 9] }] },
  { area: 'east', name: '東町いきいき体操の会', kind: 'kayoi', address: 'デモ市東町2-8 東町公民館', operator: 8, openedOn: '2020-10-01', activities: [{ name: 'いきいき百歳体操', freq: 'weekly', weekdays: [2], time: ['10:00', '11:00'], profile: ELDERLY, partners: [8] }] },
  { area: 'east', name: '子ども食堂ひだまり', kind: 'kodomo_shokudo', address: 'デモ市東町4-1 東町会館', operator: 4, openedOn: '2022-06-01', activities: [{ name: 'みんなの夕ごはん', freq: 'monthly_nth', weekdays: [5], nths: [2, 4], time: ['17:00', '19:30'], profile: CHILDREN, partners: [4, 5, 7] }] },
  {
    area: 'east',
    name: '居場所カフェつばさ',
    kind: 'ibasho',
    address: 'デモ市東町5-10',
    operator: 3,
    openedOn: '2023-04-01',
    activities: [
      { name: 'ひらきカフェ', freq: 'weekly', weekdays: [1, 4], time: ['13:00', '17:00'], profile: MIXED, partners: [3] },
      { name: '若者の居場所（夜カフェ）', freq: 'weekly', weekdays: [3], intervalWeeks: 2, time: ['18:00', '20:30'], profile: [2, 6, 0, 1], partners: [3] },
    ],
  },
  { area: 'west', name: '西町おしゃべりサロン', kind: 'salon', address: 'デモ市西町3-5 西町集会所', operator: 1, openedOn: '2018-05-01', activities: [{ name: 'おしゃべりサロン', freq: 'monthly_day', monthDays: [10, 25], time: ['13:30', '15:00'], profile: ELDERLY, partners: [1, 9] }] },
  { area: 'west', name: '子育てひろば にこにこ', kind: 'kosodate', address: 'デモ市西町1-1 西児童館', operator: 'デモ市子育て支援課', openedOn: '2017-04-01', activities: [{ name: '親子ひろば', freq: 'weekly', weekdays: [1, 3, 5], time: ['10:00', '12:00'], profile: PARENTS, partners: [] }] },
  { area: 'west', name: '地域活動支援センター あおば', kind: 'chiiki_katsudo', address: 'デモ市西町6-2', operator: '社会福祉法人あおば会', openedOn: '2016-04-01', activities: [{ name: '創作活動・交流会', freq: 'weekly', weekdays: [2, 4], time: ['10:00', '15:00'], profile: [0, 9, 2, 0], partners: [9] }] },
  { area: 'west', name: '西公民館 通いの場', kind: 'kayoi', address: 'デモ市西町8-1 西公民館', operator: 8, openedOn: '2021-04-01', activities: [{ name: '体操と茶話会', freq: 'weekly', weekdays: [5], time: ['10:00', '11:30'], profile: ELDERLY, partners: [8, 1] }] },
  { area: 'south', name: 'こども食堂みなみ', kind: 'kodomo_shokudo', address: 'デモ市南町2-4 南町会館', operator: 4, openedOn: '2021-09-01', activities: [{ name: '土曜ランチ', freq: 'monthly_nth', weekdays: [6], nths: [1, 3], time: ['11:30', '13:30'], profile: CHILDREN, partners: [4, 6, 2] }] },
  { area: 'south', name: '南町ふれあい喫茶', kind: 'ibasho', address: 'デモ市南町1-9', operator: 2, openedOn: '2022-04-01', activities: [{ name: 'ふれあい喫茶', freq: 'weekly', weekdays: [3], time: ['10:00', '14:00'], profile: MIXED, partners: [2] }] },
  { area: 'south', name: '南部いきいき百歳体操', kind: 'kayoi', address: 'デモ市南町5-3 南部集会所', operator: 8, openedOn: '2020-04-01', activities: [{ name: 'いきいき百歳体操', freq: 'weekly', weekdays: [1, 4], time: ['09:30', '10:30'], profile: ELDERLY, partners: [8] }] },
  { area: 'south', name: '多世代交流サロン みんなの家', kind: 'salon', address: 'デモ市南町7-7（空き家活用）', operator: 9, openedOn: null, activities: [] },
];

const LOG: Array<{ daysAgo: number; kind: 'visit' | 'meeting' | 'coordination' | 'launch_support' | 'training'; place: number | null; area: string; partners: number[]; note: string; by: string }> = [
  { daysAgo: 40, kind: 'meeting', place: null, area: 'east', partners: [0, 3], note: '東部圏域の協議体（第2層）。居場所の空白地区について意見交換。', by: 'coordinator' },
  { daysAgo: 26, kind: 'visit', place: 2, area: 'east', partners: [4], note: '子ども食堂ひだまりを訪問。配膳ボランティアの不足を聞き取り。', by: 'coordinator' },
  { daysAgo: 19, kind: 'launch_support', place: 11, area: 'south', partners: [9, 2], note: '空き家活用の多世代サロン立ち上げ。会場の改修と保険の確認。', by: 'outreach' },
  { daysAgo: 12, kind: 'coordination', place: 8, area: 'south', partners: [6, 4], note: '南中学校の生徒ボランティアとこども食堂みなみをつないだ。', by: 'coordinator' },
  { daysAgo: 5, kind: 'training', place: null, area: 'west', partners: [8], note: '通いの場リーダー研修（体操指導と見守りの視点）。', by: 'outreach' },
];

export interface CommunitySeedInput {
  municipalityId: string;
  areaIds: ReadonlyMap<string, string>;
  userIds: ReadonlyMap<string, string>;
  agencyIds: ReadonlyMap<string, string>;
  now: Date;
  makeId: () => string;
}

/** A count around `mean`; a mean below one is the chance that one such person came. */
const vary = (rnd: SeededRandom, mean: number) => (mean < 1 ? (rnd.next() < mean ? 1 : 0) : Math.max(0, Math.round(mean * (0.6 + rnd.next() * 0.8))));

export async function seedCommunity(db: DbHandle, input: CommunitySeedInput): Promise<void> {
  const { municipalityId: mid, areaIds, userIds, agencyIds, now, makeId } = input;
  const rnd = new SeededRandom(20261127);
  const today = japanDate(now)!;
  const coordinator = userIds.get('coordinator')!;
  const partnerIds = PARTNERS.map(() => makeId());
  await db
    .insertInto('community_partner')
    .values(PARTNERS.map(([name, kind], i) => ({ municipality_id: mid, partner_id: partnerIds[i]!, name, kind })))
    .execute();

  const placeIds = PLACES.map(() => makeId());
  await db
    .insertInto('community_place')
    .values(
      PLACES.map((p, i) => ({
        municipality_id: mid,
        place_id: placeIds[i]!,
        name: p.name,
        kind: p.kind,
        address: p.address,
        area_id: areaIds.get(p.area) ?? null,
        operator_name: typeof p.operator === 'string' ? p.operator : null,
        operator_partner_id: typeof p.operator === 'number' ? partnerIds[p.operator]! : null,
        opened_on: p.openedOn,
        status: p.openedOn ? ('open' as const) : ('preparing' as const),
        created_by_user_id: coordinator,
      })),
    )
    .execute();

  const activities: Array<Insertable<CommunityActivityTable>> = [];
  const activityPartners: Array<{ municipality_id: string; activity_id: string; partner_id: string }> = [];
  const sessions: Array<Insertable<CommunitySessionTable>> = [];
  const sessionPartners: Array<{ municipality_id: string; session_id: string; partner_id: string }> = [];
  const validFrom = '2025-04-01';
  PLACES.forEach((p, pi) => {
    for (const a of p.activities) {
      const id = makeId();
      const rule = normaliseRule({ freq: a.freq, weekdays: a.weekdays ?? [], intervalWeeks: a.intervalWeeks ?? 1, nths: a.nths ?? [], monthDays: a.monthDays ?? [] });
      activities.push({
        municipality_id: mid,
        activity_id: id,
        place_id: placeIds[pi]!,
        name: a.name,
        freq: a.freq,
        weekdays: a.weekdays ?? [],
        interval_weeks: a.intervalWeeks ?? 1,
        nths: a.nths ?? [],
        month_days: a.monthDays ?? [],
        starts_at: a.time[0],
        ends_at: a.time[1],
        valid_from: validFrom,
        skip_holidays: p.kind === 'kosodate' || p.kind === 'chiiki_katsudo',
        created_by_user_id: coordinator,
      });
      for (const k of a.partners) activityPartners.push({ municipality_id: mid, activity_id: id, partner_id: partnerIds[k]! });
      const schedule = { rule, validFrom, validTo: null, skipHolidays: p.kind === 'kosodate' || p.kind === 'chiiki_katsudo' };
      for (const heldOn of sessionDates(schedule, addDays(today, -91), addDays(today, -1))) {
        const sessionId = makeId();
        const cancelled = rnd.next() < 0.04;
        const [c = 0, ad = 0, e = 0, u = 0] = cancelled ? [] : a.profile.map((m) => vary(rnd, m));
        sessions.push({
          municipality_id: mid,
          session_id: sessionId,
          activity_id: id,
          held_on: heldOn,
          status: cancelled ? ('cancelled' as const) : ('held' as const),
          count_child: c,
          count_adult: ad,
          count_elderly: e,
          count_unknown: u,
          volunteers: cancelled ? null : 1 + rnd.int(4),
          recorded_by_user_id: rnd.next() < 0.5 ? coordinator : (userIds.get('outreach') ?? coordinator),
        });
        if (!cancelled) for (const k of a.partners) if (rnd.next() < 0.9) sessionPartners.push({ municipality_id: mid, session_id: sessionId, partner_id: partnerIds[k]! });
      }
    }
  });
  await db.insertInto('community_activity').values(activities).execute();
  if (activityPartners.length > 0) await db.insertInto('community_activity_partner').values(activityPartners).execute();
  if (sessions.length > 0) await db.insertInto('community_session').values(sessions).execute();
  if (sessionPartners.length > 0) await db.insertInto('community_session_partner').values(sessionPartners).execute();

  await db
    .insertInto('community_log_entry')
    .values(
      LOG.map((l) => ({
        municipality_id: mid,
        entry_id: makeId(),
        entry_on: addDays(today, -l.daysAgo),
        kind: l.kind,
        place_id: l.place === null ? null : placeIds[l.place]!,
        area_id: areaIds.get(l.area) ?? null,
        partner_ids: l.partners.map((k) => partnerIds[k]!),
        note: l.note,
        user_id: userIds.get(l.by) ?? coordinator,
        agency_id: agencyIds.get('shakyo') ?? null,
      })),
    )
    .execute();
}
