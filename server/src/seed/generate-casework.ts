/**
 * Demo casework on top of the generated households, deterministic from the seed: most households
 * with a consultation have a case led by the agency that took it, with 支援経過記録 (some with a
 * next step still due), some cases closed, and つなぐ referrals in every state — a few left
 * unanswered past the answer deadline — so the inbox, the alerts and 誰も担当していない相談 show a
 * living system. Multi-row inserts in batches.
 */
import type { Db } from '../platform/db/database.js';
import type { ProgressNoteKind, ReferralStatus } from '../platform/db/schema.js';
import type { SeededRandom } from './random.js';

const DAY = 86_400_000;
const BATCH = 500;
const NOTE_KINDS: ProgressNoteKind[] = ['interview', 'phone', 'visit', 'accompany', 'email', 'meeting', 'coordination'];
/** Subject and body of a generated 支援経過記録 by kind (the scale generator uses them too). */
export const NOTE_TEXT: Record<ProgressNoteKind, [string, string]> = {
  interview: ['来所面談', '本人と面談。生活状況と困りごとを聞き取った。'],
  phone: ['電話連絡', '本人に電話。体調と支払い状況を確認した。'],
  visit: ['自宅訪問', '自宅を訪問。室内の様子と家族の状況を確認した。'],
  accompany: ['窓口同行', '本人に同行し、手続きを一緒に行った。'],
  email: ['メール連絡', '関係機関からの連絡をメールで受けた。'],
  meeting: ['ケース会議', '関係機関でケースの状況を共有した。'],
  coordination: ['関係機関調整', '関係機関と今後の役割分担を調整した。'],
};
/** Statuses a demo referral ends in, and the path that leads there. */
const PATHS: ReferralStatus[][] = [
  ['draft'],
  ['draft', 'requested'],
  ['draft', 'requested', 'accepted'],
  ['draft', 'requested', 'accepted', 'in_progress'],
  ['draft', 'requested', 'accepted', 'in_progress', 'on_hold'],
  ['draft', 'requested', 'accepted', 'in_progress', 'completed'],
  ['draft', 'requested', 'rejected'],
  ['draft', 'requested', 'accepted', 'failed'],
  ['draft', 'requested', 'cancelled'],
];

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function generateCasework(db: Db, args: { municipalityId: string; rnd: SeededRandom; epochMs: number; staffByAgency: Map<string, string>; referralTargets: string[] }) {
  const { rnd, municipalityId: mid } = args;
  const now = Date.now();
  const households = await db
    .selectFrom('consultation as c')
    .innerJoin('household_membership as m', (j) => j.onRef('m.municipality_id', '=', 'c.municipality_id').onRef('m.person_id', '=', 'c.person_id'))
    .leftJoin('consent as k', (j) => j.onRef('k.municipality_id', '=', 'c.municipality_id').onRef('k.consultation_id', '=', 'c.consultation_id'))
    .select(['m.household_id', 'c.consultation_id', 'c.person_id', 'c.received_on', 'c.receiving_agency_id', 'c.received_by_user_id', 'k.consent_id', 'k.status as consent_status'])
    .where('c.municipality_id', '=', mid)
    .where('m.left_on', 'is', null)
    .orderBy('c.consultation_id')
    .execute();
  const cases: Record<string, unknown>[] = [];
  const periods: Record<string, unknown>[] = [];
  const notes: Record<string, unknown>[] = [];
  const referrals: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  const attachments: Record<string, unknown>[] = [];
  for (const h of households) {
    if (rnd.next() >= 0.7) continue; // about 30% have no case yet: 誰も担当していない相談
    const caseId = rnd.uuid(args.epochMs);
    const received = Date.parse(`${String(h.received_on)}T00:00:00Z`);
    const openedMs = Math.min(now - DAY, received + rnd.int(14) * DAY);
    const closed = rnd.next() < 0.15;
    cases.push({
      municipality_id: mid, case_id: caseId, household_id: h.household_id, status: closed ? 'closed' : 'open', lead_agency_id: h.receiving_agency_id,
      opened_on: day(openedMs), opened_by_user_id: h.received_by_user_id, closed_on: closed ? day(now - rnd.int(30) * DAY) : null, close_reason: closed ? '課題が解決し、見守りに移行' : null,
      created_at: new Date(openedMs), updated_at: new Date(openedMs),
    });
    periods.push({ municipality_id: mid, case_id: caseId, agency_id: h.receiving_agency_id, started_at: new Date(openedMs) });
    const count = rnd.int(5);
    for (let i = 0; i < count; i++) {
      const kind = rnd.pick(NOTE_KINDS);
      const at = openedMs + rnd.int(Math.max(1, Math.floor((now - openedMs) / DAY))) * DAY;
      const due = !closed && i === count - 1 && rnd.next() < 0.6 ? day(now + (1 + rnd.int(30)) * DAY) : null;
      notes.push({
        municipality_id: mid, progress_note_id: rnd.uuid(args.epochMs), case_id: caseId, person_id: h.person_id, author_agency_id: h.receiving_agency_id, author_user_id: h.received_by_user_id,
        occurred_on: day(Math.min(at, now)), kind, subject: NOTE_TEXT[kind][0], body: NOTE_TEXT[kind][1], next_action: due ? '次回訪問して状況を確認する' : null, next_action_due: due,
        created_at: new Date(Math.min(at, now)), updated_at: new Date(Math.min(at, now)),
      });
    }
    if (closed || rnd.next() >= 0.12) continue;
    const to = rnd.pick(args.referralTargets.filter((a) => a !== h.receiving_agency_id));
    const path = rnd.pick(PATHS);
    const status = path[path.length - 1]!;
    const referralId = rnd.uuid(args.epochMs);
    const consent = h.consent_status === 'given';
    const sentMs = now - rnd.int(20) * DAY - rnd.int(8) * 3_600_000;
    const sent = status !== 'draft';
    referrals.push({
      municipality_id: mid, referral_id: referralId, from_agency_id: h.receiving_agency_id, to_agency_id: to, person_id: h.person_id, household_id: null, case_id: caseId, consultation_id: h.consultation_id,
      reason: '専門的な支援が必要なため、つなぎます。', urgency: rnd.pick(['normal', 'normal', 'urgent', 'emergency'] as const), status,
      basis: consent ? 'consent' : 'legal', legal_basis: consent ? null : 'support_meeting_106_6', consent_id: consent && sent ? h.consent_id : null, consent_consultation_id: consent && sent ? h.consultation_id : null,
      reject_reason: status === 'rejected' ? 'no_capacity' : null, outcome_note: status === 'completed' ? '支援につながった' : status === 'failed' ? '本人と連絡が取れなかった' : null, need_met: status === 'completed' ? true : null,
      created_by_user_id: h.received_by_user_id, requested_at: sent ? new Date(sentMs) : null, responded_at: path.length > 2 && !['cancelled'].includes(status) ? new Date(sentMs + DAY) : null,
      closed_at: ['rejected', 'completed', 'failed', 'cancelled'].includes(status) ? new Date(sentMs + 2 * DAY) : null, created_at: new Date(sentMs - DAY), updated_at: new Date(sentMs),
    });
    attachments.push({ municipality_id: mid, referral_id: referralId, record_kind: 'consultation', record_id: h.consultation_id });
    const receiver = args.staffByAgency.get(to) ?? h.received_by_user_id;
    path.forEach((s, i) => {
      const bySender = i < 2 || s === 'cancelled';
      events.push({
        municipality_id: mid, referral_id: referralId, seq: i + 1, from_status: i === 0 ? null : path[i - 1], to_status: s, at: new Date(sentMs - DAY + i * DAY),
        by_user_id: bySender ? h.received_by_user_id : receiver, by_agency_id: bySender ? h.receiving_agency_id : to, note: null,
      });
    });
  }
  const insert = async (table: 'support_case' | 'case_lead_period' | 'progress_note' | 'referral' | 'referral_attachment' | 'referral_event', rows: Record<string, unknown>[]) => {
    for (let i = 0; i < rows.length; i += BATCH) await db.insertInto(table).values(rows.slice(i, i + BATCH) as never).execute();
  };
  await insert('support_case', cases);
  await insert('case_lead_period', periods);
  await insert('progress_note', notes);
  await insert('referral', referrals);
  await insert('referral_attachment', attachments);
  await insert('referral_event', events);
  return { cases: cases.length, notes: notes.length, referrals: referrals.length };
}
