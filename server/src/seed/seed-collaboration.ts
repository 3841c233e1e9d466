/**
 * Demo 多機関協働 on top of the generated casework, deterministic from the seed, so a newcomer sees
 * the coordinator's work: involvements in every state (依頼中 / 関与中 / 関与終結), 支援チーム, 支援プラン
 * with two versions (the first approved by a held 重層的支援会議, actions due and overdue for the
 * reminders), a 重層的支援会議 and a 支援会議 (法106条の6, a household without consent) coming up.
 * Everything is written as the use cases would leave it (the coordinator on the team while
 * involved, plan actions as rows, agenda items with their basis).
 */
import type { Db } from '../platform/db/database.js';
import type { PlanContent } from '../collaboration/plan/plan-content.js';
import type { SeededRandom } from './random.js';

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** A meeting time: 14:00 Japan time on the Japanese calendar day of `ms`. */
const at14 = (ms: number) => new Date(`${new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10)}T14:00:00+09:00`);

interface Args {
  municipalityId: string;
  rnd: SeededRandom;
  epochMs: number;
  /** Agency ids by demo key (houkatsu1, jiritsu, shakyo, office, kodomo, soudan1). */
  agency: (key: string) => string;
  /** User ids by login name (houkatsu1, coordinator, admin). */
  user: (login: string) => string;
}

/** Open cases led by the agency, with the latest consent of a member's consultation. */
async function openCases(db: Db, mid: string, leadAgencyId: string) {
  return db
    .selectFrom('support_case as sc')
    .innerJoin('household as h', (j) => j.onRef('h.municipality_id', '=', 'sc.municipality_id').onRef('h.household_id', '=', 'sc.household_id'))
    .select(['sc.case_id', 'h.label', 'sc.opened_on'])
    .select((eb) =>
      eb
        .selectFrom('household_membership as hm')
        .innerJoin('consultation as c', (j) => j.onRef('c.municipality_id', '=', 'hm.municipality_id').onRef('c.person_id', '=', 'hm.person_id'))
        .innerJoin('consent as k', (j) => j.onRef('k.municipality_id', '=', 'c.municipality_id').onRef('k.consultation_id', '=', 'c.consultation_id'))
        .select('k.consent_id')
        .whereRef('hm.municipality_id', '=', 'sc.municipality_id')
        .whereRef('hm.household_id', '=', 'sc.household_id')
        .where('hm.left_on', 'is', null)
        .where('k.status', '=', 'given')
        .where('k.agency_scope', 'is', null)
        .where('k.valid_until', 'is', null)
        .orderBy('k.recorded_at', 'desc')
        .limit(1)
        .as('consent_id'),
    )
    .where('sc.municipality_id', '=', mid)
    .where('sc.status', '=', 'open')
    .where('sc.lead_agency_id', '=', leadAgencyId)
    .orderBy('sc.case_id')
    .limit(200)
    .execute();
}

export async function seedCollaboration(db: Db, args: Args): Promise<void> {
  const { municipalityId: mid, rnd, epochMs, agency, user } = args;
  const id = () => rnd.uuid(epochMs);
  const now = Date.now();
  const cases = await openCases(db, mid, agency('houkatsu1'));
  const withConsent = cases.filter((c) => c.consent_id !== null);
  const withoutConsent = cases.filter((c) => c.consent_id === null);
  if (withConsent.length < 4 || withoutConsent.length < 1) return; // a tiny seed (tests) has too few cases

  const [active1, active2, requested, ended] = withConsent;
  const coordinator = agency('shakyo');
  const episode = (caseId: string, status: 'requested' | 'active' | 'ended', requestedDaysAgo: number) => ({
    municipality_id: mid,
    episode_id: id(),
    case_id: caseId,
    requested_by_agency_id: agency('houkatsu1'),
    requested_by_user_id: user('houkatsu1'),
    request_reason: '8050世帯で介護・就労・家計の課題が重なり、単独の機関では調整が難しいため。',
    requested_at: new Date(now - requestedDaysAgo * DAY),
    // Inserted as requested/active (as the use cases do); the ended one is closed below.
    status: status === 'requested' ? ('requested' as const) : ('active' as const),
    coordinator_agency_id: status === 'requested' ? null : coordinator,
    coordinator_user_id: status === 'requested' ? null : user('coordinator'),
    started_on: status === 'requested' ? null : day(now - (requestedDaysAgo - 2) * DAY),
  });
  const endedEpisode = episode(ended!.case_id, 'ended', 120);
  await db
    .insertInto('coordination_episode')
    .values([episode(active1!.case_id, 'active', 45), episode(active2!.case_id, 'active', 25), episode(requested!.case_id, 'requested', 3), endedEpisode])
    .execute();
  await db
    .updateTable('coordination_episode')
    .set({ status: 'ended', ended_on: day(now - 20 * DAY), end_summary: '役割分担が定着し、地域包括支援センターの継続支援に移行。', handover_lead_agency_id: agency('houkatsu1'), version: 2 })
    .where('municipality_id', '=', mid)
    .where('episode_id', '=', endedEpisode.episode_id)
    .execute();

  const member = (caseId: string, agencyKey: string, role: string, contact: string, joinedDaysAgo: number) => ({
    municipality_id: mid,
    team_member_id: id(),
    case_id: caseId,
    member_kind: 'agency' as const,
    agency_id: agency(agencyKey),
    role,
    contact_person: contact,
    joined_on: day(now - joinedDaysAgo * DAY),
    added_by_user_id: user('houkatsu1'),
  });
  await db
    .insertInto('support_team_member')
    .values([
      member(active1!.case_id, 'shakyo', '多機関協働（全体調整）', '協働 花子', 43),
      member(active1!.case_id, 'jiritsu', '家計改善・就労準備', '自立 一郎', 40),
      member(active2!.case_id, 'shakyo', '多機関協働（全体調整）', '協働 花子', 23),
      member(active2!.case_id, 'soudan1', '障害福祉サービスの調整', '相談 次郎', 20),
      { ...member(active1!.case_id, 'jiritsu', '', '', 40), team_member_id: id(), member_kind: 'resource' as const, agency_id: null, resource_name: '地区の民生委員', role: '見守り', contact_person: null },
    ])
    .execute();

  // A 重層的支援会議 held a month ago (closed) that approved the first plan, and one coming up.
  const jusou = await db.selectFrom('meeting_type').select('meeting_type_id').where('municipality_id', '=', mid).where('code', '=', 'jusou_shien_kaigi').executeTakeFirstOrThrow();
  const shien = await db.selectFrom('meeting_type').select('meeting_type_id').where('municipality_id', '=', mid).where('code', '=', 'shien_kaigi').executeTakeFirstOrThrow();
  const heldId = id();
  const nextId = id();
  const shienId = id();
  const members = ['houkatsu1', 'jiritsu', 'shakyo', 'soudan1'];
  await db
    .insertInto('meeting')
    .values([
      { municipality_id: mid, meeting_id: heldId, meeting_type_id: jusou.meeting_type_id, title: '重層的支援会議（定例）', scheduled_at: at14(now - 30 * DAY), place: '市役所 第2会議室', convened_by_agency_id: coordinator, chair_user_id: user('coordinator'), status: 'closed', created_by_user_id: user('coordinator') },
      { municipality_id: mid, meeting_id: nextId, meeting_type_id: jusou.meeting_type_id, title: '重層的支援会議（定例）', scheduled_at: at14(now + 7 * DAY), place: '市役所 第2会議室', convened_by_agency_id: coordinator, chair_user_id: user('coordinator'), created_by_user_id: user('coordinator') },
      { municipality_id: mid, meeting_id: shienId, meeting_type_id: shien.meeting_type_id, title: '支援会議（東部圏域）', scheduled_at: at14(now + 3 * DAY), place: '東部地域包括支援センター', convened_by_agency_id: agency('office'), chair_user_id: user('admin'), created_by_user_id: user('admin') },
    ])
    .execute();
  await db
    .insertInto('meeting_member')
    .values([
      ...members.map((k) => ({ municipality_id: mid, meeting_id: heldId, agency_id: agency(k), attended: true })),
      ...members.map((k) => ({ municipality_id: mid, meeting_id: nextId, agency_id: agency(k) })),
      ...['office', 'houkatsu1', 'jiritsu', 'kodomo'].map((k) => ({ municipality_id: mid, meeting_id: shienId, agency_id: agency(k) })),
    ])
    .execute();

  // 支援プラン: case 1 with two versions (v1 approved at the held meeting), case 2 with v1 awaiting approval.
  const plan1 = id();
  const plan2 = id();
  const content = (shortGoal: string, actions: PlanContent['actions'], fromDaysAgo: number, reviewInDays: number): PlanContent => ({
    personWords: '母の介護のことも、自分の仕事のことも、誰に相談すればいいか分からなかった。',
    wishes: '母には家で暮らしてほしい。自分も少しずつ外に出て働きたい。',
    longGoal: '母子がそれぞれの支援を受けながら、安心して在宅生活を続けられる。',
    shortGoals: [
      { id: 'g1', text: '母の介護サービスの利用を安定させる' },
      { id: 'g2', text: shortGoal },
    ],
    needs: '母の要介護度の変化、長男の長期離職と家計の悪化、家賃の滞納。',
    actions,
    usesParticipation: true,
    usesOutreach: false,
    periodFrom: day(now - fromDaysAgo * DAY),
    periodTo: day(now + 150 * DAY),
    nextReviewOn: day(now + reviewInDays * DAY),
    agreement: { agreedOn: day(now - fromDaysAgo * DAY), how: 'signature', note: null },
  });
  const act = (n: number, agencyKey: string, owner: string, description: string, dueInDays: number) => ({
    id: `a${n}`,
    agencyId: agency(agencyKey),
    ownerName: owner,
    description,
    dueOn: day(now + dueInDays * DAY),
    doneOn: null,
  });
  const v1 = content('家計の状況を整理する', [act(1, 'houkatsu1', '包括 太郎', '介護サービスの調整', -10), act(2, 'jiritsu', '自立 一郎', '家計表の作成支援', -3)], 35, -5);
  const v2 = content('家計の状況を整理し、家賃の分納を始める', [act(1, 'houkatsu1', '包括 太郎', '介護サービスの調整', 5), act(2, 'jiritsu', '自立 一郎', '家計表の作成支援と家主との分納相談', -2), act(3, 'shakyo', '協働 花子', '参加支援（就労体験）の情報提供', 12)], 35, 20);
  const v1b = content('障害福祉サービスの利用を検討する', [act(1, 'soudan1', '相談 次郎', 'サービス等利用計画の相談', 9)], 10, 60);
  await db
    .insertInto('support_plan')
    .values([
      { municipality_id: mid, plan_id: plan1, case_id: active1!.case_id, current_version: 2, created_by_user_id: user('coordinator'), version: 2 },
      { municipality_id: mid, plan_id: plan2, case_id: active2!.case_id, current_version: 1, created_by_user_id: user('coordinator') },
    ])
    .execute();
  const version = (planId: string, no: number, c: PlanContent, daysAgo: number, approved: boolean, note: string | null) => ({
    municipality_id: mid,
    plan_id: planId,
    version_no: no,
    content: JSON.stringify(c),
    next_review_on: c.nextReviewOn,
    approved_meeting_id: approved ? heldId : null,
    approved_on: approved ? day(now - 30 * DAY) : null,
    change_note: note,
    created_by_user_id: user('coordinator'),
    created_by_agency_id: coordinator,
    created_at: new Date(now - daysAgo * DAY),
  });
  await db
    .insertInto('support_plan_version')
    .values([version(plan1, 1, v1, 35, true, null), version(plan1, 2, v2, 8, false, '家賃の分納を短期目標に追加し、参加支援の情報提供を加えた。'), version(plan2, 1, v1b, 10, false, null)])
    .execute();
  const actionRows = (planId: string, no: number, c: PlanContent) =>
    c.actions.map((a, i) => ({ municipality_id: mid, plan_id: planId, version_no: no, action_no: i + 1, agency_id: a.agencyId, owner_name: a.ownerName, description: a.description, due_on: a.dueOn, done_on: a.doneOn }));
  await db
    .insertInto('support_plan_action')
    .values([...actionRows(plan1, 1, v1), ...actionRows(plan1, 2, v2), ...actionRows(plan2, 1, v1b)])
    .execute();

  await db
    .insertInto('meeting_agenda_item')
    .values([
      { municipality_id: mid, agenda_item_id: id(), meeting_id: heldId, case_id: active1!.case_id, basis: 'consent', consent_id: active1!.consent_id, consent_consultation_id: await consultationOf(db, mid, active1!.consent_id!), purpose: '支援プランの承認', minutes: '本人の意向を確認し、役割分担を共有した。', decision: 'plan_approved', plan_id: plan1, plan_version: 1, added_by_user_id: user('coordinator') },
      { municipality_id: mid, agenda_item_id: id(), meeting_id: nextId, case_id: active2!.case_id, basis: 'consent', consent_id: active2!.consent_id, consent_consultation_id: await consultationOf(db, mid, active2!.consent_id!), purpose: '支援プランの承認', added_by_user_id: user('coordinator') },
      { municipality_id: mid, agenda_item_id: id(), meeting_id: shienId, case_id: withoutConsent[0]!.case_id, basis: 'statutory', legal_basis: '社会福祉法第106条の6', purpose: '同意が得られていない世帯の早期把握と役割分担', added_by_user_id: user('houkatsu1') },
    ])
    .execute();
}

async function consultationOf(db: Db, mid: string, consentId: string): Promise<string> {
  const row = await db.selectFrom('consent').select('consultation_id').where('municipality_id', '=', mid).where('consent_id', '=', consentId).executeTakeFirstOrThrow();
  return row.consultation_id;
}
