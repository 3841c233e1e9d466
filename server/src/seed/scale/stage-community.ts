/**
 * 地域づくり at city scale: 参加団体 (about one per 5,000 persons), 拠点 (about one per 2,000 persons)
 * over the 圏域 — a few still being prepared, suspended or closed — their 活動 with the recurring
 * schedules of schedule.ts, every session from the later of 2021-04-01 and the opening up to
 * yesterday with attendance by age band (counts only; about 4% cancelled, with no counts), and the
 * coordinators' 活動記録. Not personal data.
 */
import { normaliseRule, type RuleInput } from '../../community/community-rules.js';
import { sessionDates } from '../../community/schedule.js';
import type { PartnerKind, PlaceKind } from '../../platform/db/schema-community.js';
import { RowSink, WINDOW_START, addDays, atJst, dayBetween, dayNumber, inStageTransaction, maxDay, minDay, todayOf } from './module-support.js';
import type { ScaleContext, StageCounts } from './scale-context.js';

const TABLES = ['community_partner', 'community_place', 'community_activity', 'community_activity_partner', 'community_session', 'community_session_partner', 'community_log_entry'];
const AREAS = [
  ['east', '東町'],
  ['west', '西町'],
  ['south', '南町'],
] as const;
const PARTNER_KINDS: Array<[PartnerKind, string]> = [
  ['neighbourhood', '自治会'],
  ['npo', 'NPO法人 地域のわ'],
  ['school', '小学校PTA'],
  ['company', '商店会'],
  ['welfare', '福祉施設'],
  ['volunteer', 'ボランティアの会'],
  ['public', '公民館'],
];
/** Mean attendance per session: 子ども, 若者・現役, 高齢者, 不明 (below one: the chance of one). */
type Profile = readonly [number, number, number, number];
interface KindPlan {
  kind: PlaceKind;
  label: string;
  profile: Profile;
  rule: (ctx: ScaleContext) => RuleInput;
  time: [string, string];
  skipHolidays: boolean;
}
const weekly = (ctx: ScaleContext, n: number): RuleInput => ({ freq: 'weekly', weekdays: Array.from({ length: n }, () => 1 + ctx.rnd.int(6)), intervalWeeks: 1, nths: [], monthDays: [] });
const KINDS: KindPlan[] = [
  { kind: 'kayoi', label: 'いきいき体操の会', profile: [0.15, 0.2, 14, 1], rule: (c) => weekly(c, 1), time: ['10:00', '11:00'], skipHolidays: false },
  { kind: 'salon', label: 'ふれあいサロン', profile: [0.15, 0.3, 12, 1], rule: (c) => ({ freq: 'monthly_nth', weekdays: [1 + c.rnd.int(5)], intervalWeeks: 1, nths: [1, 3], monthDays: [] }), time: ['13:30', '15:30'], skipHolidays: false },
  { kind: 'kodomo_shokudo', label: '子ども食堂', profile: [18, 6, 3, 1], rule: (c) => ({ freq: 'monthly_nth', weekdays: [5 + c.rnd.int(2)], intervalWeeks: 1, nths: [2, 4], monthDays: [] }), time: ['17:00', '19:30'], skipHolidays: false },
  { kind: 'kosodate', label: '子育てひろば', profile: [9, 8, 0, 0], rule: (c) => weekly(c, 2), time: ['10:00', '12:00'], skipHolidays: true },
  { kind: 'ibasho', label: '居場所カフェ', profile: [4, 3, 9, 1], rule: (c) => weekly(c, 1 + c.rnd.int(2)), time: ['13:00', '17:00'], skipHolidays: false },
  { kind: 'chiiki_katsudo', label: '地域活動支援センター', profile: [0, 9, 2, 0], rule: (c) => weekly(c, 2), time: ['10:00', '15:00'], skipHolidays: true },
  { kind: 'other', label: '多世代交流の場', profile: [4, 3, 9, 1], rule: () => ({ freq: 'monthly_day', weekdays: [], intervalWeeks: 1, nths: [], monthDays: [10, 25] }), time: ['13:30', '15:00'], skipHolidays: false },
];
const LOG_KINDS = ['visit', 'meeting', 'coordination', 'launch_support', 'training'] as const;
const LOG_NOTES = ['拠点を訪問し、運営の困りごとを聞き取った。', '圏域の協議体で居場所の空白地区について意見交換。', 'ボランティアの担い手と拠点をつないだ。', '立ち上げに向けて会場と保険を確認した。', 'リーダー研修（見守りの視点）を行った。'];

/** A count around `mean`; a mean below one is the chance that one such person came. */
const vary = (ctx: ScaleContext, mean: number) => (mean < 1 ? (ctx.rnd.next() < mean ? 1 : 0) : Math.max(0, Math.round(mean * (0.6 + ctx.rnd.next() * 0.8))));

export async function stageCommunity(ctx: ScaleContext): Promise<StageCounts> {
  return inStageTransaction(ctx, run);
}

async function run(ctx: ScaleContext): Promise<StageCounts> {
  const { rnd } = ctx;
  const mid = ctx.municipalityId;
  const today = todayOf(ctx);
  const yesterday = addDays(today, -1);
  const coordinator = ctx.userIds.get('coordinator') ?? ctx.userIds.get('admin')!;
  const recorders = [coordinator, ctx.userIds.get('outreach') ?? coordinator];
  const shakyo = ctx.agencyIds.get('shakyo') ?? null;
  const sink = new RowSink(ctx.db, TABLES);
  const id = () => rnd.uuid(ctx.epochMs);

  const partnerIds: string[] = [];
  const partnerCount = Math.max(10, Math.round(ctx.persons / 5_000));
  for (let i = 0; i < partnerCount; i++) {
    const [, town] = AREAS[i % AREAS.length]!;
    const [kind, label] = PARTNER_KINDS[Math.floor(i / AREAS.length) % PARTNER_KINDS.length]!;
    const partnerId = id();
    partnerIds.push(partnerId);
    const on = atJst(dayBetween(ctx, '2019-04-01', WINDOW_START), 10);
    await sink.add('community_partner', { municipality_id: mid, partner_id: partnerId, name: `${town}${label}（${i + 1}）`, kind, organization_id: null, created_at: on, updated_at: on, version: 1 });
  }

  const placeCount = Math.max(3, Math.round(ctx.persons / 2_000));
  for (let i = 0; i < placeCount; i++) {
    const [areaCode, town] = AREAS[i % AREAS.length]!;
    const plan = rnd.pick(KINDS);
    const roll = rnd.next();
    const preparing = roll < 0.05;
    const openedOn = preparing ? null : rnd.next() < 0.3 ? dayBetween(ctx, '2015-04-01', '2021-03-31') : dayBetween(ctx, WINDOW_START, addDays(today, -30));
    const endFrom = openedOn ? maxDay(addDays(openedOn, 90), WINDOW_START) : null;
    const endsOn = endFrom && roll > 0.91 && endFrom <= yesterday ? dayBetween(ctx, endFrom, yesterday) : null;
    const status = preparing ? 'preparing' : endsOn ? (roll > 0.95 ? 'closed' : 'suspended') : 'open';
    const placeId = id();
    const operator = rnd.next() < 0.7 ? rnd.pick(partnerIds) : null;
    const createdOn = openedOn ?? addDays(today, -rnd.int(60));
    await sink.add('community_place', {
      municipality_id: mid,
      place_id: placeId,
      name: `${town}${plan.label}（${i + 1}）`,
      kind: plan.kind,
      address: `デモ市${town}${1 + rnd.int(9)}-${1 + rnd.int(20)}`,
      area_id: ctx.areaIds.get(areaCode) ?? null,
      operator_name: operator ? null : '地域の有志',
      operator_partner_id: operator,
      location_id: null,
      service_id: null,
      opened_on: openedOn,
      closed_on: status === 'closed' ? endsOn : null,
      status,
      note: status === 'suspended' ? '会場の改修のため休止中' : null,
      created_by_user_id: coordinator,
      created_at: atJst(createdOn, 10),
      updated_at: atJst(endsOn ?? createdOn, 10),
      version: endsOn ? 2 : 1,
    });
    if (!openedOn) continue;
    const validFrom = maxDay(openedOn, WINDOW_START);
    const activityPartners: string[] = [];
    for (let a = rnd.next() < 0.7 ? 1 : 2; a > 0; a--) {
      const activityId = id();
      const rule = normaliseRule(plan.rule(ctx));
      const partners = [...new Set([operator, rnd.next() < 0.5 ? rnd.pick(partnerIds) : null].filter((p): p is string => p !== null))];
      await sink.add('community_activity', {
        municipality_id: mid,
        activity_id: activityId,
        place_id: placeId,
        name: a === 2 ? `${plan.label}（特別回）` : plan.label,
        description: null,
        freq: rule.freq,
        weekdays: rule.freq === 'monthly_day' ? [] : rule.weekdays,
        interval_weeks: rule.freq === 'weekly' ? rule.intervalWeeks : 1,
        nths: rule.freq === 'monthly_nth' ? rule.nths : [],
        month_days: rule.freq === 'monthly_day' ? rule.monthDays : [],
        starts_at: plan.time[0],
        ends_at: plan.time[1],
        valid_from: validFrom,
        valid_to: endsOn,
        skip_holidays: plan.skipHolidays,
        created_by_user_id: coordinator,
        created_at: atJst(validFrom, 10),
        updated_at: atJst(endsOn ?? validFrom, 10),
        version: endsOn ? 2 : 1,
      });
      for (const p of partners) {
        activityPartners.push(p);
        await sink.add('community_activity_partner', { municipality_id: mid, activity_id: activityId, partner_id: p });
      }
      const schedule = { rule, validFrom, validTo: endsOn, skipHolidays: plan.skipHolidays };
      for (const heldOn of sessionDates(schedule, validFrom, yesterday)) {
        const sessionId = id();
        const cancelled = rnd.next() < 0.04;
        const [c = 0, ad = 0, e = 0, u = 0] = cancelled ? [] : plan.profile.map((m) => vary(ctx, m));
        const at = atJst(heldOn, 18);
        await sink.add('community_session', {
          municipality_id: mid,
          session_id: sessionId,
          activity_id: activityId,
          held_on: heldOn,
          status: cancelled ? 'cancelled' : 'held',
          count_child: c,
          count_adult: ad,
          count_elderly: e,
          count_unknown: u,
          volunteers: cancelled ? null : 1 + rnd.int(4),
          note: null,
          recorded_by_user_id: rnd.pick(recorders),
          created_at: at,
          updated_at: at,
          version: 1,
        });
        if (!cancelled) for (const p of partners) if (rnd.next() < 0.9) await sink.add('community_session_partner', { municipality_id: mid, session_id: sessionId, partner_id: p });
      }
    }
    // About two 活動記録 entries a year while the place runs.
    const runDays = dayNumber(minDay(endsOn ?? today, today)) - dayNumber(validFrom);
    for (let n = Math.max(1, Math.round(runDays / 180)); n > 0; n--) {
      const on = dayBetween(ctx, validFrom, minDay(endsOn ?? today, today));
      await sink.add('community_log_entry', {
        municipality_id: mid,
        entry_id: id(),
        entry_on: on,
        kind: rnd.pick(LOG_KINDS),
        place_id: placeId,
        area_id: ctx.areaIds.get(areaCode) ?? null,
        partner_ids: [...new Set(activityPartners)],
        note: rnd.pick(LOG_NOTES),
        user_id: rnd.pick(recorders),
        agency_id: shakyo,
        created_at: atJst(on, 17),
        updated_at: atJst(on, 17),
        version: 1,
      });
    }
  }
  await sink.flush();
  return sink.counts;
}
