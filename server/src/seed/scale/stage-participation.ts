/**
 * 参加支援 at city scale: 協力事業者 across the pipeline (候補 → 打診 → 協力事業者登録 / 見送り, with
 * dated history), 参加支援の希望 for persons of working age, and placements (about 1% of persons) at a
 * registered host or a directory service (就労体験・ボランティア of seedResources), with 定着支援
 * follow-ups on the schedule of participation-rules.ts and 受け入れ先支援 notes. A placement that is
 * still 調整中 / 利用中 holds a place of its target's 受入枠 and never overfills it.
 */
import { sql } from 'kysely';
import { TAXONOMY } from '../../participation/participation-codes.js';
import { followupsFor } from '../../participation/participation-rules.js';
import { RowSink, WINDOW_START, addDays, atJst, dayBetween, inStageTransaction, minDay, pickedById, staffOf, todayOf } from './module-support.js';
import type { ScaleContext, StageCounts } from './scale-context.js';

const TABLES = ['participation_host', 'participation_host_event', 'participation_need', 'participation_placement', 'participation_followup', 'participation_host_support'];
const AREAS = [
  ['east', '東町'],
  ['west', '西町'],
  ['south', '南町'],
] as const;
const HOST_KINDS = ['ベーカリー', '農園', '図書館ボランティア会', 'こども食堂', 'クリーニング店', '介護施設', '青果店', '印刷所', '古紙回収センター', 'カフェ'];
const OFFERS = [['work_experience'], ['work_experience', 'volunteer'], ['volunteer', 'ibasho'], ['volunteer']];
const WISHES = [['work_experience'], ['volunteer'], ['ibasho'], ['work_experience', 'volunteer'], ['learning_support']];
const NEED_CODES = ['small_group', 'transport', 'quiet', 'short_hours', 'accessible', 'companion'];
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const WORDS = ['人と話すのは苦手だけど、手を動かす仕事をしてみたい', '静かな場所なら人の役に立ちたい', '外で体を動かしたい', '家以外に居られる場所がほしい', '少しずつ働く練習をしたい'];
const CONDITIONS = ['good', 'good', 'good', 'good', 'good', 'good', 'good', 'some_concerns', 'some_concerns', 'difficult'] as const;
const SUPPORT_KINDS = ['visit', 'phone', 'advice', 'coordination', 'training'] as const;

interface Target {
  hostId: string | null;
  serviceId: string | null;
  since: string;
  capacity: number;
  holding: number;
  contact: string | null;
}

export async function stageParticipation(ctx: ScaleContext): Promise<StageCounts> {
  return inStageTransaction(ctx, run);
}

async function run(ctx: ScaleContext): Promise<StageCounts> {
  const { rnd } = ctx;
  const mid = ctx.municipalityId;
  const today = todayOf(ctx);
  const shakyo = ctx.agencyIds.get('shakyo')!;
  const worker = ctx.userIds.get('outreach') ?? staffOf(ctx)(shakyo);
  const sink = new RowSink(ctx.db, TABLES);
  const id = () => rnd.uuid(ctx.epochMs);
  const targets: Target[] = [];

  // 協力事業者: about one per 2,000 persons.
  const hostCount = Math.max(8, Math.round(ctx.persons / 2_000));
  for (let h = 0; h < hostCount; h++) {
    const [areaCode, town] = rnd.pick(AREAS);
    const hostId = id();
    const roll = rnd.next();
    const path = roll < 0.7 ? ['candidate', 'approached', 'registered'] : roll < 0.8 ? ['candidate', 'approached'] : roll < 0.9 ? ['candidate'] : ['candidate', 'approached', 'declined'];
    const days = [dayBetween(ctx, '2019-04-01', addDays(today, -120))];
    for (let i = 1; i < path.length; i++) days.push(minDay(addDays(days[i - 1]!, 7 + rnd.int(50)), today));
    const stage = path.at(-1)!;
    const capacity = 2 + rnd.int(7);
    const contact = `担当 ${town}${h + 1}`;
    await sink.add('participation_host', {
      municipality_id: mid,
      host_id: hostId,
      name: `${town}${rnd.pick(HOST_KINDS)} ${h + 1}`,
      organization_id: null,
      area_id: ctx.areaIds.get(areaCode) ?? null,
      address: `デモ市${town}${1 + rnd.int(9)}-${1 + rnd.int(20)}`,
      contact_name: contact,
      contact_phone: null,
      contact_email: null,
      offer_codes: rnd.pick(OFFERS),
      offer_description: '',
      accommodation_codes: [rnd.pick(NEED_CODES)],
      available_days: [rnd.pick(DAYS), rnd.pick(DAYS)].filter((d, i, a) => a.indexOf(d) === i),
      opens_at: '09:00',
      closes_at: rnd.next() < 0.5 ? '12:00' : '15:00',
      minimum_age: rnd.next() < 0.3 ? 18 : null,
      maximum_age: null,
      capacity,
      stage,
      registered_on: stage === 'registered' ? days.at(-1)! : null,
      created_by_user_id: worker,
      created_at: atJst(days[0]!, 10),
      updated_at: atJst(days.at(-1)!, 10),
      version: path.length,
    });
    for (const [i, to] of path.entries()) {
      await sink.add('participation_host_event', { municipality_id: mid, event_id: id(), host_id: hostId, from_stage: i === 0 ? null : path[i - 1]!, to_stage: to, occurred_on: days[i]!, note: null, recorded_by_user_id: worker, created_at: atJst(days[i]!, 10) });
    }
    if (stage === 'registered') targets.push({ hostId, serviceId: null, since: days.at(-1)!, capacity, holding: 0, contact });
  }
  // The directory's 就労体験・ボランティア with a 受入枠.
  const { rows: services } = await sql<{ service_id: string; capacity: number }>`
    select distinct sv.service_id, sv.capacity from resource_service sv
    join resource_service_term st on st.municipality_id = sv.municipality_id and st.service_id = sv.service_id
    join resource_taxonomy_term t on t.municipality_id = st.municipality_id and t.term_id = st.term_id
    where sv.municipality_id = ${mid} and sv.status = 'active' and sv.capacity > 0 and t.taxonomy = ${TAXONOMY} and t.code in ('work_experience', 'volunteer')
    order by sv.service_id`.execute(ctx.db);
  for (const s of services) targets.push({ hostId: null, serviceId: s.service_id, since: WINDOW_START, capacity: s.capacity, holding: 0, contact: null });

  // Needs for about 1.3% of persons, drawn from those of working age (15–69 today).
  const youngest = `${Number(today.slice(0, 4)) - 15}${today.slice(4)}`;
  const oldest = `${Number(today.slice(0, 4)) - 70}${today.slice(4)}`;
  const { rows: countRows } = await sql<{ n: string | number }>`select count(*) as n from person where municipality_id = ${mid} and not confidential and birth_date > ${oldest} and birth_date <= ${youngest}`.execute(ctx.db);
  const eligible = Number(countRows[0]?.n ?? 0);
  const share = eligible === 0 ? 0 : Math.min(1, (0.013 * ctx.persons) / eligible);

  const { rows: persons } = await sql<{ person_id: string }>`
    select person_id from person where municipality_id = ${mid} and not confidential and birth_date > ${oldest} and birth_date <= ${youngest}
      and ${pickedById('person_id', 'participation', share)} order by person_id`.execute(ctx.db);
  for (const p of persons) {
    const needId = id();
    const openedOn = dayBetween(ctx, WINDOW_START, addDays(today, -7));
    const [areaCode] = rnd.pick(AREAS);
    const startOn = addDays(openedOn, 14 + rnd.int(47));
    const endOn = addDays(startOn, 30 + rnd.int(510));
    const ends = endOn < today;
    const status = ends ? (rnd.next() < 0.8 ? 'ended' : 'interrupted') : startOn > addDays(today, -14) && rnd.next() < 0.5 ? 'arranging' : 'active';
    const open = targets.filter((t) => t.since <= startOn && (ends || t.holding < t.capacity));
    const target = rnd.next() < 0.77 && startOn <= today && open.length > 0 ? rnd.pick(open) : null;
    if (target && !ends) target.holding += 1;
    const closedOn = target && ends ? minDay(addDays(endOn, rnd.int(15)), today) : null;
    await sink.add('participation_need', {
      municipality_id: mid,
      need_id: needId,
      person_id: p.person_id,
      case_id: null,
      keeping_agency_id: shakyo,
      worker_user_id: worker,
      status: closedOn ? 'closed' : 'active',
      opened_on: openedOn,
      closed_on: closedOn,
      close_reason: closedOn ? (status === 'ended' ? '定着し、支援を終了' : '本人の希望により終了') : null,
      wish_codes: rnd.pick(WISHES),
      person_words: rnd.pick(WORDS),
      preferred_area_ids: ctx.areaIds.has(areaCode) ? [ctx.areaIds.get(areaCode)!] : [],
      available_days: [rnd.pick(DAYS), rnd.pick(DAYS)].filter((d, i, a) => a.indexOf(d) === i),
      available_from: null,
      available_to: null,
      need_codes: rnd.next() < 0.6 ? [rnd.pick(NEED_CODES)] : [],
      needs_note: '',
      start_wish_on: null,
      accepts_waitlist: target === null,
      created_at: atJst(openedOn, 10),
      updated_at: atJst(closedOn ?? openedOn, 10),
      version: closedOn ? 2 : 1,
    });
    if (!target) continue;
    const placementId = id();
    await sink.add('participation_placement', {
      municipality_id: mid,
      placement_id: placementId,
      need_id: needId,
      service_id: target.serviceId,
      host_id: target.hostId,
      start_on: startOn,
      host_contact: target.contact,
      status,
      ended_on: ends ? endOn : null,
      end_reason: ends ? (status === 'ended' ? '予定の期間を終えた' : '体調不良のため中断') : null,
      match_reasons: ['希望に合う活動', '通いやすい圏域'],
      created_by_user_id: worker,
      created_at: atJst(addDays(startOn, -7), 10),
      updated_at: atJst(ends ? endOn : startOn, 10),
      version: status === 'arranging' ? 1 : ends ? 3 : 2,
    });
    const runsUntil = ends ? endOn : today;
    for (const f of followupsFor(startOn)) {
      const done = status !== 'arranging' && f.dueOn <= runsUntil && rnd.next() < 0.9;
      const doneOn = done ? minDay(addDays(f.dueOn, rnd.int(4)), today) : null;
      await sink.add('participation_followup', {
        municipality_id: mid,
        followup_id: id(),
        placement_id: placementId,
        label: f.label,
        due_on: f.dueOn,
        done_on: doneOn,
        condition: done ? rnd.pick(CONDITIONS) : null,
        note: done ? '受け入れ先で本人と面談した' : null,
        done_by_user_id: done ? worker : null,
        created_at: atJst(startOn, 10),
        updated_at: atJst(doneOn ?? startOn, 10),
        version: done ? 2 : 1,
      });
    }
    if (rnd.next() < 0.5) {
      const on = minDay(addDays(startOn, 3 + rnd.int(28)), minDay(runsUntil, today));
      await sink.add('participation_host_support', { municipality_id: mid, note_id: id(), placement_id: placementId, supported_on: on, kind: rnd.pick(SUPPORT_KINDS), note: '本人の得意なことと配慮してほしい点を担当者に伝えた', recorded_by_user_id: worker, created_at: atJst(on, 15) });
    }
  }
  await sink.flush();
  return sink.counts;
}
