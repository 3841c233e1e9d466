/**
 * 多機関協働 at city scale: a 支援プラン (with its 支援チーム and, for some, the 多機関協働事業者's
 * involvement) for about 20% of open and 10% of closed cases, and the meetings that approved them:
 * 重層的支援会議 for households whose consent is in force (basis 'consent'), 支援会議 (法106条の6,
 * basis 'statutory', 守秘義務の確認 by each member) for the others — 3 to 8 cases each, about one
 * meeting per 50 cases, with members and attendance. Cases are read a keyset page at a time.
 */
import { sql } from 'kysely';
import { JUSOU_SHIEN_KAIGI, SHIEN_KAIGI } from '../../collaboration/meeting/default-meeting-types.js';
import { type PlanCase, TEAM_KEYS, buildPlanCase } from './collaboration-plans.js';
import { RowSink, addDays, agenciesOf, atJst, caseLinkPages, dayNumber, inStageTransaction, maxDay, minDay, staffOf, todayOf } from './module-support.js';
import type { ScaleContext, StageCounts } from './scale-context.js';

const TABLES = [
  'coordination_episode',
  'support_team_member',
  'meeting',
  'meeting_member',
  'meeting_acknowledgement',
  'support_plan',
  'support_plan_version',
  'support_plan_action',
  'support_plan_evaluation',
  'meeting_agenda_item',
];
const PLACES = ['市役所 第2会議室', '市役所 第3会議室', '社会福祉協議会 会議室', '保健福祉センター 研修室'];
const MINUTES = ['本人の意向を確認し、役割分担を共有した。', '各機関の支援状況を共有し、プランを承認した。', '家計と就労の課題について方針を確認した。'];

interface MeetingType {
  meetingTypeId: string;
  code: string;
  memberAgencyIds: string[];
}

export async function stageCollaboration(ctx: ScaleContext): Promise<StageCounts> {
  return inStageTransaction(ctx, run);
}

async function run(ctx: ScaleContext): Promise<StageCounts> {
  const today = todayOf(ctx);
  const staff = staffOf(ctx);
  const coordinatorAgency = ctx.agencyIds.get('shakyo')!;
  const teamPool = agenciesOf(ctx, TEAM_KEYS);
  const types = await ctx.db
    .selectFrom('meeting_type')
    .select(['meeting_type_id', 'code', 'member_agency_ids'])
    .where('municipality_id', '=', ctx.municipalityId)
    .where('code', 'in', [SHIEN_KAIGI, JUSOU_SHIEN_KAIGI])
    .execute();
  const typeOf = (code: string): MeetingType => {
    const t = types.find((x) => x.code === code);
    if (!t) throw new Error(`meeting type ${code} is missing: run the demo seed first`);
    return { meetingTypeId: t.meeting_type_id, code, memberAgencyIds: t.member_agency_ids };
  };
  const jusou = typeOf(JUSOU_SHIEN_KAIGI);
  const shien = typeOf(SHIEN_KAIGI);
  const sink = new RowSink(ctx.db, TABLES);
  // Cases that already have a plan, an involvement or a team (the demo part's) are left as they are.
  const { rows: taken } = await sql<{ case_id: string }>`
    select case_id from support_plan where municipality_id = ${ctx.municipalityId}
    union select case_id from coordination_episode where municipality_id = ${ctx.municipalityId}
    union select case_id from support_team_member where municipality_id = ${ctx.municipalityId}`.execute(ctx.db);
  const takenCases = new Set(taken.map((r) => r.case_id));

  for await (const page of caseLinkPages(ctx)) {
    const plans: PlanCase[] = [];
    for (const link of page) {
      if (takenCases.has(link.case_id)) continue;
      const span = dayNumber(link.closed_on ?? today) - dayNumber(link.opened_on);
      if (span < 30 || ctx.rnd.next() >= (link.status === 'open' ? 0.2 : 0.1)) continue;
      plans.push(buildPlanCase(ctx, link, today, staff, teamPool, coordinatorAgency));
    }
    // About 70% of plans are approved at a meeting; the type follows the household's consent.
    const toApprove = plans.filter(() => ctx.rnd.next() < 0.7);
    for (const [type, list] of [
      [jusou, toApprove.filter((p) => p.link.consent_id !== null)],
      [shien, toApprove.filter((p) => p.link.consent_id === null)],
    ] as const) {
      const sorted = [...list].sort((a, b) => (a.firstOn < b.firstOn ? -1 : a.firstOn > b.firstOn ? 1 : 0));
      for (let i = 0; i < sorted.length; ) {
        const size = 3 + ctx.rnd.int(6);
        await addMeeting(ctx, sink, type, sorted.slice(i, i + size), today, staff);
        i += size;
      }
    }
    for (const p of plans) {
      for (const r of p.episodeRows) await sink.add('coordination_episode', r);
      for (const r of p.teamRows) await sink.add('support_team_member', r);
    }
    await sink.flush(); // meetings before the plan versions that name them
    for (const p of plans) {
      await sink.add('support_plan', p.planRow);
      for (const r of p.versionRows) await sink.add('support_plan_version', r);
      for (const r of p.actionRows) await sink.add('support_plan_action', r);
      for (const r of p.evaluationRows) await sink.add('support_plan_evaluation', r);
    }
  }
  await sink.flush();
  return sink.counts;
}

/**
 * A meeting a week or two after the latest first version of its group; a case whose case ended or
 * whose plan was revised before that day leaves the agenda. Held meetings are closed with their
 * minutes, attendance and プラン承認; one falling on today is still scheduled.
 */
async function addMeeting(ctx: ScaleContext, sink: RowSink, type: MeetingType, group: PlanCase[], today: string, staff: (agencyId: string) => string): Promise<void> {
  if (group.length === 0) return;
  const { rnd } = ctx;
  const mid = ctx.municipalityId;
  const on = minDay(addDays(group.reduce((d, p) => maxDay(d, p.firstOn), group[0]!.firstOn), 1 + rnd.int(14)), today);
  const agenda = group.filter((p) => on <= p.approveBy);
  if (agenda.length === 0) return;
  const held = on < today;
  const meetingId = rnd.uuid(ctx.epochMs);
  const statutory = type.code === SHIEN_KAIGI;
  const convener = statutory ? ctx.agencyIds.get('office')! : ctx.agencyIds.get('shakyo')!;
  const chair = staff(convener);
  await sink.add('meeting', {
    municipality_id: mid,
    meeting_id: meetingId,
    meeting_type_id: type.meetingTypeId,
    title: statutory ? '支援会議' : '重層的支援会議（定例）',
    scheduled_at: atJst(on, 14),
    place: rnd.pick(PLACES),
    convened_by_agency_id: convener,
    chair_user_id: chair,
    status: held ? 'closed' : 'scheduled',
    created_by_user_id: chair,
    created_at: atJst(addDays(on, -14), 10),
    updated_at: atJst(on, held ? 17 : 10),
    version: held ? 3 : 1,
  });
  const members = [...new Set([...type.memberAgencyIds, ...agenda.map((p) => p.link.lead_agency_id)])];
  for (const agencyId of members) {
    await sink.add('meeting_member', { municipality_id: mid, meeting_id: meetingId, agency_id: agencyId, user_id: null, attended: held ? rnd.next() < 0.9 : null });
  }
  if (statutory && held) {
    for (const userId of new Set(members.map(staff))) {
      await sink.add('meeting_acknowledgement', { municipality_id: mid, meeting_id: meetingId, user_id: userId, acknowledged_at: atJst(on, 13, 55) });
    }
  }
  for (const p of agenda) {
    await sink.add('meeting_agenda_item', {
      municipality_id: mid,
      agenda_item_id: rnd.uuid(ctx.epochMs),
      meeting_id: meetingId,
      case_id: p.link.case_id,
      basis: statutory ? 'statutory' : 'consent',
      consent_id: statutory ? null : p.link.consent_id,
      consent_consultation_id: statutory ? null : p.link.consultation_id,
      legal_basis: statutory ? '社会福祉法第106条の6' : null,
      purpose: '支援プランの承認',
      minutes: held ? rnd.pick(MINUTES) : null,
      decision: held ? 'plan_approved' : null,
      decision_note: null,
      plan_id: held ? p.planId : null,
      plan_version: held ? 1 : null,
      added_by_user_id: chair,
      created_at: atJst(addDays(on, -7), 10),
      updated_at: atJst(on, held ? 16 : 10),
      version: held ? 3 : 1,
    });
    if (held) {
      const v1 = p.versionRows[0]!;
      v1.approved_meeting_id = meetingId;
      v1.approved_on = on;
    }
  }
}
