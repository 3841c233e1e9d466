/**
 * One case's 多機関協働 at city scale, as the use cases would leave it: the 支援チーム (agencies that
 * joined before the plan), an involvement of the 多機関協働事業者 for some (依頼中 / 関与中 / 関与終結,
 * its agency on the team while involved), and a 支援プラン re-planned about every six months while
 * the case is open, with actions per agency, evaluations at each revision and an outcome when the
 * case closed. Plan content satisfies plan-content.ts's shape and rules as of each version's day.
 */
import type { PlanContent } from '../../collaboration/plan/plan-content.js';
import { type CaseLink, addDays, atJst, dayBetween, dayNumber, minDay } from './module-support.js';
import type { ScaleContext } from './scale-context.js';

type Row = Record<string, unknown>;

export interface PlanCase {
  link: CaseLink;
  /** First version's day: the earliest a meeting may approve it. */
  firstOn: string;
  /** Last day a meeting may approve version 1 (the case's end, or the day before version 2). */
  approveBy: string;
  planId: string;
  teamRows: Row[];
  episodeRows: Row[];
  planRow: Row;
  versionRows: Row[];
  actionRows: Row[];
  evaluationRows: Row[];
}

const WORDS = ['誰に相談すればいいか分からなかった。', '家族のことで毎日が精一杯。', '少しずつでも外に出られるようになりたい。', 'お金のことが一番心配。', '今の家で暮らし続けたい。'];
const WISHES = ['家で安心して暮らしたい。', '働けるようになりたい。', '子どもとの時間を大切にしたい。', '地域の人とつながりたい。'];
const LONG_GOALS = ['世帯のそれぞれが必要な支援を受けながら、安心して在宅生活を続けられる。', '家計が安定し、本人が社会とのつながりを取り戻す。', '子育てと介護を無理なく両立できる。'];
const SHORT_GOALS = ['介護サービスの利用を安定させる', '家計の状況を整理する', '定期的に外出する機会をつくる', '医療機関の受診を続ける', '就労体験に参加する', '学校との連絡を定期的に取る'];
const NEEDS = ['要介護度の変化と家計の悪化が重なっている。', '長期の離職と社会的孤立。', 'ダブルケアによる主たる介護者の負担。', '家賃の滞納と就労の不安定さ。'];
const ACTIONS = ['介護サービスの調整', '家計表の作成支援', '就労準備支援の案内', '定期訪問による見守り', '関係機関との情報共有', '障害福祉サービスの利用調整', '学校・保育所との連絡調整'];
const ROLES = ['家計改善・就労準備', '介護サービスの調整', '障害福祉サービスの調整', '子育て支援', '見守り・居場所'];
const RESULTS = ['おおむね達成', '一部達成', '継続して取り組む'];
export const TEAM_KEYS = ['houkatsu1', 'houkatsu2', 'houkatsu3', 'kikan', 'soudan1', 'soudan2', 'kodomo', 'jiritsu', 'npo1', 'npo2'];

export function buildPlanCase(ctx: ScaleContext, link: CaseLink, today: string, staff: (agencyId: string) => string, teamPool: readonly string[], coordinatorAgency: string): PlanCase {
  const { rnd } = ctx;
  const mid = ctx.municipalityId;
  const id = () => rnd.uuid(ctx.epochMs);
  const end = link.closed_on ?? today;
  const span = dayNumber(end) - dayNumber(link.opened_on);
  const firstOn = addDays(link.opened_on, 7 + rnd.int(Math.max(1, Math.min(54, Math.floor(span / 2) - 7))));
  const lead = link.lead_agency_id;
  const coordinatorUser = staff(coordinatorAgency);

  // 支援チーム: 1–3 agencies besides the lead, joined between the case's opening and the first plan.
  const pool = teamPool.filter((a) => a !== lead && a !== coordinatorAgency);
  const team: string[] = [];
  for (let n = 1 + rnd.int(3); n > 0 && pool.length > 0; n--) team.push(pool.splice(rnd.int(pool.length), 1)[0]!);
  const teamRows: Row[] = [];
  const member = (agencyId: string, role: string, joinedOn: string, leftOn: string | null) =>
    teamRows.push({
      municipality_id: mid,
      team_member_id: id(),
      case_id: link.case_id,
      member_kind: 'agency',
      agency_id: agencyId,
      resource_name: null,
      role,
      contact_person: null,
      contact_phone: null,
      joined_on: joinedOn,
      left_on: leftOn,
      added_by_user_id: staff(lead),
      created_at: atJst(joinedOn, 10),
      updated_at: atJst(leftOn ?? joinedOn, 10),
      version: leftOn ? 2 : 1,
    });
  for (const a of team) member(a, rnd.pick(ROLES), dayBetween(ctx, link.opened_on, firstOn), link.closed_on);

  // 多機関協働事業者の関与 for about a third: requested before the plan; active or ended with the case.
  const episodeRows: Row[] = [];
  if (rnd.next() < 0.35 && lead !== coordinatorAgency) {
    const requestedOn = dayBetween(ctx, link.opened_on, firstOn);
    const requestedOnly = link.closed_on === null && requestedOn >= addDays(today, -14) && rnd.next() < 0.5;
    const startedOn = requestedOnly ? null : minDay(addDays(requestedOn, 1 + rnd.int(5)), firstOn);
    const ended = link.closed_on !== null && startedOn !== null;
    episodeRows.push({
      municipality_id: mid,
      episode_id: id(),
      case_id: link.case_id,
      requested_by_agency_id: lead,
      requested_by_user_id: staff(lead),
      request_reason: '複数の課題が重なり、単独の機関では調整が難しいため。',
      requested_at: atJst(requestedOn, 11),
      status: requestedOnly ? 'requested' : ended ? 'ended' : 'active',
      coordinator_agency_id: startedOn ? coordinatorAgency : null,
      coordinator_user_id: startedOn ? coordinatorUser : null,
      decline_reason: null,
      started_on: startedOn,
      ended_on: ended ? end : null,
      end_summary: ended ? '役割分担が定着し、主担当機関の継続支援に移行。' : null,
      handover_lead_agency_id: ended ? lead : null,
      created_at: atJst(requestedOn, 11),
      updated_at: atJst(ended ? end : (startedOn ?? requestedOn), 11),
      version: requestedOnly ? 1 : ended ? 3 : 2,
    });
    if (startedOn) {
      team.push(coordinatorAgency);
      member(coordinatorAgency, '多機関協働（全体調整）', startedOn, link.closed_on);
    }
  }

  // Versions about every six months while the case runs (at most four).
  const versionDays = [firstOn];
  for (let next = addDays(firstOn, 150 + rnd.int(60)); next < end && versionDays.length < 4; next = addDays(next, 150 + rnd.int(60))) versionDays.push(next);
  const planId = id();
  const suspended = link.closed_on === null && rnd.next() < 0.05;
  const outcomeOn = link.closed_on ?? (suspended ? dayBetween(ctx, versionDays.at(-1)!, today) : null);
  const goals = [rnd.pick(SHORT_GOALS), rnd.pick(SHORT_GOALS)].map((text, i) => ({ id: `g${i + 1}`, text }));
  const wordsAndWishes = { personWords: rnd.pick(WORDS), wishes: rnd.pick(WISHES), longGoal: rnd.pick(LONG_GOALS), needs: rnd.pick(NEEDS) };
  const actionAgencies = [lead, ...team];
  const actionCount = 2 + rnd.int(3);
  const versionRows: Row[] = [];
  const actionRows: Row[] = [];
  const evaluationRows: Row[] = [];
  versionDays.forEach((on, v) => {
    const until = versionDays[v + 1] ?? outcomeOn ?? today;
    const periodTo = addDays(on, 365);
    const actions: PlanContent['actions'] = Array.from({ length: actionCount }, (_, k) => {
      const dueOn = addDays(on, 14 + rnd.int(106));
      const done = dueOn <= until && rnd.next() < 0.75;
      return { id: `a${k + 1}`, agencyId: actionAgencies[k % actionAgencies.length]!, ownerName: null, description: ACTIONS[(k + v) % ACTIONS.length]!, dueOn, doneOn: done ? dueOn : null };
    });
    const content: PlanContent = {
      ...wordsAndWishes,
      shortGoals: goals,
      actions,
      usesParticipation: rnd.next() < 0.3,
      usesOutreach: rnd.next() < 0.15,
      periodFrom: on,
      periodTo,
      nextReviewOn: addDays(on, 90 + rnd.int(90)),
      agreement: { agreedOn: on, how: rnd.next() < 0.8 ? 'signature' : 'verbal', note: null },
    };
    versionRows.push({
      municipality_id: mid,
      plan_id: planId,
      version_no: v + 1,
      content,
      next_review_on: content.nextReviewOn,
      approved_meeting_id: null,
      approved_on: null,
      change_note: v === 0 ? null : '評価を踏まえて短期目標と役割分担を見直した。',
      created_by_user_id: coordinatorUser,
      created_by_agency_id: coordinatorAgency,
      created_at: atJst(on, 15),
    });
    for (const [k, a] of actions.entries()) {
      actionRows.push({ municipality_id: mid, plan_id: planId, version_no: v + 1, action_no: k + 1, agency_id: a.agencyId, owner_name: a.ownerName, description: a.description, due_on: a.dueOn, done_on: a.doneOn });
    }
    // An evaluation of this version when it is revised, or at the plan's outcome.
    const evaluatedOn = versionDays[v + 1] ?? outcomeOn;
    if (evaluatedOn) {
      evaluationRows.push({
        municipality_id: mid,
        evaluation_id: id(),
        plan_id: planId,
        version_no: v + 1,
        evaluated_on: evaluatedOn,
        // A JSON array as its text: bulkInsert reads a JS array as a PostgreSQL array.
        goals: JSON.stringify(goals.map((g) => ({ goalId: g.id, progress: '関係機関の支援を受けながら取り組んだ。', result: rnd.pick(RESULTS) }))),
        summary: null,
        meeting_id: null,
        created_by_user_id: coordinatorUser,
        created_at: atJst(evaluatedOn, 16),
      });
    }
  });
  const status = link.closed_on ? 'closed' : suspended ? 'suspended' : 'active';
  const planRow: Row = {
    municipality_id: mid,
    plan_id: planId,
    case_id: link.case_id,
    status,
    current_version: versionDays.length,
    outcome_reason: status === 'closed' ? '目標をおおむね達成し、ケース終結。' : status === 'suspended' ? '本人の入院により中断。' : null,
    outcome_on: outcomeOn,
    replaces_plan_id: null,
    created_by_user_id: coordinatorUser,
    created_at: atJst(firstOn, 15),
    updated_at: atJst(outcomeOn ?? versionDays.at(-1)!, 15),
    version: versionDays.length + (status === 'active' ? 0 : 1),
  };
  const approveBy = versionDays[1] ? addDays(versionDays[1], -1) : end;
  return { link, firstOn, approveBy, planId, teamRows, episodeRows, planRow, versionRows, actionRows, evaluationRows };
}
