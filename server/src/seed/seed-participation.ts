/**
 * デモ市's 参加支援: eight 協力事業者 across the pipeline (候補・打診・協力事業者登録・見送り, with dated
 * history), a handful of needs kept by the 社会福祉協議会 (参加支援員 'outreach') for working-age
 * persons on record, and placements with 定着支援 follow-ups (some done, one overdue) and a
 * 受け入れ先支援 note; one placement is at a 就労体験 of the directory (seed-resources.ts runs first).
 */
import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import type { DbHandle } from '../platform/db/database.js';
import type { FollowupCondition, HostStage } from '../platform/db/schema-participation.js';
import { TAXONOMY } from '../participation/participation-codes.js';
import { addDays, followupsFor } from '../participation/participation-rules.js';

export interface ParticipationSeedInput {
  municipalityId: string;
  areaIds: ReadonlyMap<string, string>;
  agencyIds: ReadonlyMap<string, string>;
  userIds: ReadonlyMap<string, string>;
  now: Date;
  makeId: () => string;
}

type Area = 'east' | 'west' | 'south';
interface DemoHost {
  name: string;
  area: Area;
  contact: string;
  offers: string[];
  accommodations: string[];
  days: string[];
  hours: [string, string] | null;
  ages?: [number | null, number | null];
  capacity: number;
  /** Pipeline steps as [stage, days ago, note]. */
  steps: Array<[HostStage, number, string]>;
}

const HOSTS: DemoHost[] = [
  { name: 'ベーカリー東町', area: 'east', contact: '店長 東山', offers: ['work_experience'], accommodations: ['small_group', 'short_hours'], days: ['MO', 'WE', 'FR'], hours: ['09:00', '12:00'], ages: [16, 64], capacity: 2, steps: [['candidate', 200, '商店会長の紹介'], ['approached', 180, '店長に制度を説明'], ['registered', 160, '']] },
  { name: '西町ふれあい農園', area: 'west', contact: '代表 西田', offers: ['work_experience', 'volunteer'], accommodations: ['small_group', 'quiet'], days: ['TU', 'TH', 'SA'], hours: ['09:00', '15:00'], capacity: 4, steps: [['candidate', 150, ''], ['approached', 140, '見学会を実施'], ['registered', 120, '']] },
  { name: '南町図書館ボランティア会', area: 'south', contact: '事務局 南', offers: ['volunteer', 'ibasho'], accommodations: ['quiet', 'accessible'], days: ['WE', 'SA'], hours: ['13:00', '16:00'], capacity: 3, steps: [['candidate', 100, ''], ['approached', 90, ''], ['registered', 70, '']] },
  { name: '東町こども食堂 はらぺこ', area: 'east', contact: '運営 東野', offers: ['volunteer', 'kodomo_shokudo'], accommodations: ['companion'], days: ['TU'], hours: ['16:00', '19:00'], capacity: 2, steps: [['candidate', 60, ''], ['approached', 50, ''], ['registered', 20, '']] },
  { name: '西町クリーニング', area: 'west', contact: '社長 西村', offers: ['work_experience'], accommodations: ['short_hours'], days: ['MO', 'TU', 'WE', 'TH', 'FR'], hours: ['10:00', '15:00'], capacity: 1, steps: [['candidate', 40, '民生委員からの情報'], ['approached', 14, '次回、現場を見せてもらう']] },
  { name: '南町介護施設 やすらぎ', area: 'south', contact: '施設長 南条', offers: ['volunteer', 'work_experience'], accommodations: ['accessible'], days: ['MO', 'TH'], hours: ['10:00', '12:00'], ages: [18, null], capacity: 3, steps: [['candidate', 30, ''], ['approached', 7, '']] },
  { name: '東町商店会 青果店', area: 'east', contact: '店主 東', offers: ['work_experience'], accommodations: [], days: ['SA'], hours: ['08:00', '11:00'], capacity: 1, steps: [['candidate', 5, '']] },
  { name: '西町印刷所', area: 'west', contact: '専務 西川', offers: ['work_experience'], accommodations: ['quiet'], days: ['MO', 'TU'], hours: ['09:00', '17:00'], capacity: 1, steps: [['candidate', 90, ''], ['approached', 80, ''], ['declined', 75, '繁忙期のため今年度は見送り']] },
];

/** Wishes and constraints; the placement at a host (by index) or, with host -1, at a directory 就労体験 when there is one. */
const NEEDS: Array<{ wishes: string[]; area: Area; days: string[]; needs: string[]; words: string; place: { host: number; startedDaysAgo: number; done: FollowupCondition[] } | null }> = [
  { wishes: ['work_experience'], area: 'east', days: ['MO', 'WE'], needs: ['small_group'], words: '人と話すのは苦手だけど、手を動かす仕事をしてみたい', place: { host: -1, startedDaysAgo: 12, done: ['good'] } },
  { wishes: ['work_experience'], area: 'east', days: ['MO', 'WE'], needs: ['small_group'], words: 'パンを作る仕事をしてみたい', place: { host: 0, startedDaysAgo: 45, done: ['good', 'good'] } },
  { wishes: ['volunteer', 'ibasho'], area: 'south', days: ['SA'], needs: ['quiet'], words: '静かな場所なら人の役に立ちたい', place: { host: 2, startedDaysAgo: 20, done: [] } },
  { wishes: ['work_experience', 'volunteer'], area: 'west', days: ['TU', 'TH'], needs: [], words: '外で体を動かしたい', place: { host: 1, startedDaysAgo: 100, done: ['some_concerns', 'good', 'good'] } },
  { wishes: ['learning_support'], area: 'east', days: [], needs: ['companion'], words: '勉強をやり直したい', place: null },
  { wishes: ['ibasho'], area: 'west', days: ['FR'], needs: ['transport'], words: '家以外に居られる場所がほしい', place: null },
];

/** An active 就労体験 of the directory with a free place (the directory's own seed runs first), if any. */
async function openWorkExperience(db: DbHandle, municipalityId: string): Promise<string | null> {
  const row = await db
    .selectFrom('resource_service as sv')
    .innerJoin('resource_service_term as st', (j) => j.onRef('st.municipality_id', '=', 'sv.municipality_id').onRef('st.service_id', '=', 'sv.service_id'))
    .innerJoin('resource_taxonomy_term as t', (j) => j.onRef('t.municipality_id', '=', 'st.municipality_id').onRef('t.term_id', '=', 'st.term_id'))
    .select('sv.service_id')
    .where('sv.municipality_id', '=', municipalityId)
    .where('sv.status', '=', 'active')
    .where('t.taxonomy', '=', TAXONOMY)
    .where('t.code', '=', 'work_experience')
    .where('sv.capacity', '>=', 2)
    .orderBy('sv.service_id')
    .executeTakeFirst();
  return row?.service_id ?? null;
}

export async function seedParticipation(db: DbHandle, s: ParticipationSeedInput): Promise<void> {
  const mid = s.municipalityId;
  const today = isoDayInJapan(s.now);
  const worker = s.userIds.get('outreach')!;
  const shakyo = s.agencyIds.get('shakyo')!;
  const directoryService = await openWorkExperience(db, mid);

  const hostIds: string[] = [];
  for (const h of HOSTS) {
    const hostId = s.makeId();
    hostIds.push(hostId);
    const [stage, daysAgo] = h.steps.at(-1)!;
    await db
      .insertInto('participation_host')
      .values({
        municipality_id: mid,
        host_id: hostId,
        name: h.name,
        area_id: s.areaIds.get(h.area) ?? null,
        contact_name: h.contact,
        offer_codes: h.offers,
        offer_description: '',
        accommodation_codes: h.accommodations,
        available_days: h.days,
        opens_at: h.hours?.[0] ?? null,
        closes_at: h.hours?.[1] ?? null,
        minimum_age: h.ages?.[0] ?? null,
        maximum_age: h.ages?.[1] ?? null,
        capacity: h.capacity,
        stage,
        registered_on: stage === 'registered' ? addDays(today, -daysAgo) : null,
        created_by_user_id: worker,
      })
      .execute();
    let from: HostStage | null = null;
    for (const [to, ago, note] of h.steps) {
      await db
        .insertInto('participation_host_event')
        .values({ municipality_id: mid, event_id: s.makeId(), host_id: hostId, from_stage: from, to_stage: to, occurred_on: addDays(today, -ago), note: note || null, recorded_by_user_id: worker })
        .execute();
      from = to;
    }
  }

  // Working-age persons on record (none when the demo is built without persons).
  const persons = await db
    .selectFrom('person')
    .select('person_id')
    .where('municipality_id', '=', mid)
    .where('confidential', '=', false)
    .where('birth_date', '>=', addDays(today, -60 * 365))
    .where('birth_date', '<=', addDays(today, -20 * 365))
    .orderBy('person_id')
    .limit(NEEDS.length)
    .execute();
  for (const [i, p] of persons.entries()) {
    const n = NEEDS[i]!;
    const needId = s.makeId();
    const openedOn = addDays(today, -((n.place?.startedDaysAgo ?? 10) + 14));
    await db
      .insertInto('participation_need')
      .values({ municipality_id: mid, need_id: needId, person_id: p.person_id, keeping_agency_id: shakyo, worker_user_id: worker, opened_on: openedOn, wish_codes: n.wishes, person_words: n.words, preferred_area_ids: [s.areaIds.get(n.area)!], available_days: n.days, need_codes: n.needs })
      .execute();
    if (!n.place) continue;
    const atService = n.place.host < 0;
    if (atService && directoryService === null) continue;
    const placementId = s.makeId();
    const startOn = addDays(today, -n.place.startedDaysAgo);
    await db
      .insertInto('participation_placement')
      .values({
        municipality_id: mid,
        placement_id: placementId,
        need_id: needId,
        service_id: atService ? directoryService : null,
        host_id: atService ? null : hostIds[n.place.host]!,
        start_on: startOn,
        host_contact: atService ? null : HOSTS[n.place.host]!.contact,
        status: 'active',
        created_by_user_id: worker,
      })
      .execute();
    for (const [k, f] of followupsFor(startOn).entries()) {
      const condition = n.place.done[k];
      await db
        .insertInto('participation_followup')
        .values({ municipality_id: mid, followup_id: s.makeId(), placement_id: placementId, label: f.label, due_on: f.dueOn, done_on: condition ? f.dueOn : null, condition: condition ?? null, note: condition ? '受け入れ先で本人と面談した' : null, done_by_user_id: condition ? worker : null })
        .execute();
    }
    await db
      .insertInto('participation_host_support')
      .values({ municipality_id: mid, note_id: s.makeId(), placement_id: placementId, supported_on: addDays(startOn, 3), kind: 'advice', note: '本人の得意なことと配慮してほしい点を担当者に伝えた', recorded_by_user_id: worker })
      .execute();
  }
}
