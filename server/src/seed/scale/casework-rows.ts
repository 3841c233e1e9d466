/**
 * The casework history of one generated household over the last 5 年度: consultations (more in
 * recent years) with the household's co-occurring categories and a consent decision each (some
 * withdrawn or expired later), a case led by the agency that took the first one (some closed, some
 * handed to another lead), 支援経過記録, つなぐ referrals in every state, and the audit events the
 * real use cases would have written (consultation.create, person.read, progress_note.create,
 * referral.create). Every date is on or before `now`; the counts never depend on the dates, so the
 * same seed gives the same ids and counts on any day.
 */
import type { ProgressNoteKind, ReferralStatus } from '../../platform/db/schema.js';
import type { SeededRandom } from '../random.js';
import type { AuditChain } from './audit-rows.js';
import type { GeneratedHousehold } from './household-rows.js';
import type { RowBuffer } from './row-buffer.js';
import { NOTE_TEXT } from '../generate-casework.js';

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
/** A working-hours instant (Japan time) on the Japanese day of `ms`. */
const JST = 9 * 3_600_000;
const during = (rnd: SeededRandom, ms: number) => new Date(Math.floor((ms + JST) / DAY) * DAY - JST + (9 + rnd.int(8)) * 3_600_000 + rnd.int(3_600_000));

export interface Staff {
  userId: string;
  login: string;
}

export interface CaseworkContext {
  municipalityId: string;
  rnd: SeededRandom;
  /** The next generated id (ids.ts). */
  id: () => string;
  now: Date;
  /** First day of the oldest of the 5 年度 (April 1). */
  windowStart: Date;
  staffOf(agencyId: string): Staff;
  /** Consultation agencies, for referrals and lead changes. */
  consultationAgencies: string[];
  audit: AuditChain;
}

const ROUTES = ['visit', 'visit', 'phone', 'phone', 'phone', 'home_visit', 'referral', 'email', 'online'] as const;
const VISITORS = ['家族', '民生委員', 'ケアマネジャー', '近隣住民', '学校', '医療機関'];
const SUMMARIES: Record<string, string> = {
  care: '家族の介護について。今後の暮らし方を心配している。',
  childcare: '子育てと仕事・介護が重なり、疲れている。',
  housing: '住まいの状態が悪く、近隣から苦情が出ている。',
  living_costs: '収入が減り、家賃と公共料金の支払いが難しい。',
  health_disability: '体調や障害のことで、仕事や生活を続けられるか不安。',
  withdrawal: '家族が長く外に出ておらず、どうしたらよいか分からない。',
  dv_abuse: '家庭内での暴力や不適切な養育が心配される。',
  family: '家族との関係で悩んでいる。',
};
const NOTE_KINDS: ProgressNoteKind[] = ['interview', 'phone', 'phone', 'visit', 'accompany', 'email', 'meeting', 'coordination'];
const CLOSE_REASONS = ['課題が解決し、見守りに移行', '転居', '本人の希望により終結', '他制度の支援に移行', '死亡'];
/** Each end state and the path that leads there; open states only on open cases, recently. */
const OPEN_PATHS: ReferralStatus[][] = [['draft'], ['draft', 'requested'], ['draft', 'requested', 'accepted'], ['draft', 'requested', 'accepted', 'in_progress'], ['draft', 'requested', 'accepted', 'in_progress', 'on_hold']];
const CLOSED_PATHS: ReferralStatus[][] = [
  ['draft', 'requested', 'accepted', 'in_progress', 'completed'],
  ['draft', 'requested', 'accepted', 'in_progress', 'completed'],
  ['draft', 'requested', 'rejected'],
  ['draft', 'requested', 'accepted', 'failed'],
  ['draft', 'requested', 'cancelled'],
];
const TERMINAL = new Set<ReferralStatus>(['rejected', 'completed', 'failed', 'cancelled']);

/** Adds the household's history to `out`; `agencyId` registered the household and takes its first consultation. */
export function generateCasework(cc: CaseworkContext, out: RowBuffer, h: GeneratedHousehold, agencyId: string): void {
  const { rnd, municipalityId: mid } = cc;
  const { id } = cc;
  const start = cc.windowStart.getTime();
  const end = cc.now.getTime() - DAY;
  const span = end - start;
  // First contact: more in recent 年度 (density grows through the window).
  const position = Math.sqrt(rnd.next());
  const first = start + position * span;
  const extra = rnd.next() < 0.3 ? 1 + rnd.int(3) : 0;
  const consultationIds: Array<{ id: string; agencyId: string; at: number; consentId: string; consent: string }> = [];
  for (let i = 0; i <= extra; i++) {
    const at = i === 0 ? first : first + rnd.next() * (end - first);
    const byOther = i > 0 && rnd.next() < 0.25;
    const receiving = byOther ? cc.consultationAgencies[rnd.int(cc.consultationAgencies.length)]! : agencyId;
    const staff = cc.staffOf(receiving);
    const consultationId = id();
    const self = rnd.next() < 0.65;
    const anonymous = !self && rnd.next() < 0.03;
    const personId = anonymous ? null : i === 0 || rnd.next() < 0.7 ? h.subjectId : h.members[rnd.int(h.members.length)]!.personId;
    const categories = i === 0 ? h.categories : h.categories.filter((_c, k) => k === 0 || rnd.next() < 0.6);
    const createdAt = during(rnd, at);
    out.add('consultation', {
      municipality_id: mid,
      consultation_id: consultationId,
      received_on: day(at),
      receiving_agency_id: receiving,
      received_by_user_id: staff.userId,
      route: ROUTES[rnd.int(ROUTES.length)],
      visitor_kind: self ? 'self' : 'other',
      visitor_relationship: self ? null : VISITORS[rnd.int(VISITORS.length)],
      person_id: personId,
      anonymous,
      categories,
      primary_category: categories[0],
      summary: SUMMARIES[categories[0]!] ?? '生活全般についての相談',
      created_at: createdAt,
      updated_at: createdAt,
    });
    const u = rnd.next();
    const status = u < 0.6 ? 'given' : u < 0.8 ? 'unknown' : 'refused';
    const consentId = id();
    const expires = status === 'given' && rnd.next() < 0.08;
    out.add('consent', { municipality_id: mid, consent_id: consentId, consultation_id: consultationId, person_id: personId, status, valid_until: expires ? day(at + 365 * DAY) : null, recorded_by_user_id: staff.userId, recorded_at: createdAt });
    const withdrawn = status === 'given' && rnd.next() < 0.03;
    const withdrawnAt = new Date(createdAt.getTime() + rnd.next() * (cc.now.getTime() - createdAt.getTime()));
    if (withdrawn) out.add('consent', { municipality_id: mid, consent_id: id(), consultation_id: consultationId, person_id: personId, status: 'withdrawn', valid_until: null, recorded_by_user_id: staff.userId, recorded_at: withdrawnAt });
    consultationIds.push({ id: consultationId, agencyId: receiving, at, consentId, consent: withdrawn ? 'withdrawn' : status });
    const basis = '自機関の記録';
    if (personId && rnd.next() < 0.25) cc.audit.add(out, { occurredAt: new Date(createdAt.getTime() - 60_000), actorUserId: staff.userId, actorLogin: staff.login, action: 'person.read', targetType: 'person', targetId: personId, basis, details: {} });
    cc.audit.add(out, { occurredAt: createdAt, actorUserId: staff.userId, actorLogin: staff.login, action: 'consultation.create', targetType: 'consultation', targetId: consultationId, basis, details: { route: 'seed', consent: status } });
  }

  // About 2 in 3 households get a case, led by the agency that took the first consultation.
  if (rnd.next() >= 0.65) return;
  const caseId = id();
  const opened = first + rnd.int(14) * DAY;
  const openedMs = Math.min(opened, end);
  // Cases from before the current 年度 are mostly closed (by position in the window, not by date).
  const old = position < 0.8;
  const closed = rnd.next() < (old ? 0.6 : 0.15);
  const closedMs = openedMs + rnd.next() * (end - openedMs);
  const leadEnd = closed ? closedMs : end;
  const transfer = rnd.next() < 0.06 && leadEnd - openedMs > 2 * DAY;
  const otherLead = cc.consultationAgencies.filter((a) => a !== agencyId)[rnd.int(cc.consultationAgencies.length - 1)]!;
  const secondLead = transfer ? otherLead : agencyId;
  const transferMs = openedMs + DAY + rnd.next() * (leadEnd - openedMs - 2 * DAY);
  const leadAt = (ms: number) => (transfer && ms >= transferMs ? secondLead : agencyId);
  const opener = cc.staffOf(agencyId);
  out.add('support_case', {
    municipality_id: mid,
    case_id: caseId,
    household_id: h.householdId,
    status: closed ? 'closed' : 'open',
    lead_agency_id: secondLead,
    opened_on: day(openedMs),
    opened_by_user_id: opener.userId,
    closed_on: closed ? day(Math.max(closedMs, openedMs)) : null,
    close_reason: closed ? CLOSE_REASONS[rnd.int(CLOSE_REASONS.length)] : null,
    created_at: new Date(openedMs),
    updated_at: new Date(closed ? closedMs : openedMs),
  });
  out.add('case_lead_period', { municipality_id: mid, case_id: caseId, agency_id: agencyId, started_at: new Date(openedMs), ended_at: transfer ? new Date(transferMs) : null });
  if (transfer) out.add('case_lead_period', { municipality_id: mid, case_id: caseId, agency_id: secondLead, started_at: new Date(transferMs), ended_at: null });

  // 支援経過記録 through the case's life, by the lead of the day; the last of an open case may have a next step (some overdue).
  const lastMs = closed ? closedMs : end;
  const notes = 1 + rnd.int(7);
  const noteIds: Array<{ id: string; author: string }> = [];
  for (let i = 0; i < notes; i++) {
    const at = openedMs + ((i + rnd.next()) / notes) * (lastMs - openedMs);
    const author = leadAt(at);
    const staff = cc.staffOf(author);
    const kind = NOTE_KINDS[rnd.int(NOTE_KINDS.length)]!;
    const wantsNextStep = rnd.next() < 0.5;
    const due = !closed && i === notes - 1 && wantsNextStep ? day(cc.now.getTime() + (rnd.int(40) - 10) * DAY) : null;
    const noteId = id();
    const createdAt = during(rnd, at);
    out.add('progress_note', {
      municipality_id: mid,
      progress_note_id: noteId,
      case_id: caseId,
      person_id: h.subjectId,
      author_agency_id: author,
      author_user_id: staff.userId,
      occurred_on: day(at),
      kind,
      subject: NOTE_TEXT[kind][0],
      body: NOTE_TEXT[kind][1],
      next_action: due ? '次回訪問して状況を確認する' : null,
      next_action_due: due,
      created_at: createdAt,
      updated_at: createdAt,
    });
    noteIds.push({ id: noteId, author });
    if (rnd.next() < 0.1) cc.audit.add(out, { occurredAt: createdAt, actorUserId: staff.userId, actorLogin: staff.login, action: 'progress_note.create', targetType: 'progress_note', targetId: noteId, basis: '自機関の記録', details: { caseId, bodyLength: NOTE_TEXT[kind][1].length } });
  }

  // つなぐ: on about 1 in 8 open cases (any state, recent) and 1 in 20 closed ones (ended states).
  if (rnd.next() >= (closed ? 0.05 : 0.125)) return;
  const from = secondLead;
  const targets = cc.consultationAgencies.filter((a) => a !== from);
  const to = targets[rnd.int(targets.length)]!;
  const path = closed ? CLOSED_PATHS[rnd.int(CLOSED_PATHS.length)]! : rnd.next() < 0.6 ? OPEN_PATHS[rnd.int(OPEN_PATHS.length)]! : CLOSED_PATHS[rnd.int(CLOSED_PATHS.length)]!;
  const status = path[path.length - 1]!;
  const createdMs = closed ? Math.max(openedMs, closedMs - (5 + rnd.int(30)) * DAY) : Math.max(openedMs, cc.now.getTime() - (2 + rnd.int(25)) * DAY - rnd.int(8) * 3_600_000);
  const stepMs = Math.max(3_600_000, Math.min(DAY, (cc.now.getTime() - createdMs) / (path.length + 1)));
  const referralId = id();
  const consultation = consultationIds[consultationIds.length - 1]!;
  const consent = consultation.consent === 'given';
  const sent = status !== 'draft';
  const sender = cc.staffOf(from);
  const receiver = cc.staffOf(to);
  out.add('referral', {
    municipality_id: mid,
    referral_id: referralId,
    from_agency_id: from,
    to_agency_id: to,
    person_id: h.subjectId,
    household_id: null,
    case_id: caseId,
    consultation_id: consultation.id,
    reason: '専門的な支援が必要なため、つなぎます。',
    urgency: rnd.next() < 0.7 ? 'normal' : rnd.next() < 0.8 ? 'urgent' : 'emergency',
    status,
    basis: consent ? 'consent' : 'legal',
    legal_basis: consent ? null : 'support_meeting_106_6',
    consent_id: consent && sent ? consultation.consentId : null,
    consent_consultation_id: consent && sent ? consultation.id : null,
    reject_reason: status === 'rejected' ? (rnd.next() < 0.5 ? 'no_capacity' : 'not_eligible') : null,
    outcome_note: status === 'completed' ? '支援につながった' : status === 'failed' ? '本人と連絡が取れなかった' : null,
    need_met: status === 'completed' ? rnd.next() < 0.8 : null,
    created_by_user_id: sender.userId,
    requested_at: sent ? new Date(createdMs + stepMs) : null,
    responded_at: path.length > 2 && status !== 'cancelled' ? new Date(createdMs + 2 * stepMs) : null,
    closed_at: TERMINAL.has(status) ? new Date(createdMs + (path.length - 1) * stepMs) : null,
    created_at: new Date(createdMs),
    updated_at: new Date(createdMs + (path.length - 1) * stepMs),
  });
  path.forEach((s, i) => {
    const bySender = i < 2 || s === 'cancelled';
    out.add('referral_event', { municipality_id: mid, referral_id: referralId, seq: i + 1, from_status: i === 0 ? null : path[i - 1], to_status: s, at: new Date(createdMs + i * stepMs), by_user_id: bySender ? sender.userId : receiver.userId, by_agency_id: bySender ? from : to, note: null });
  });
  // Only records the sender owns are shared: its consultation, else its latest note.
  const ownNote = [...noteIds].reverse().find((n) => n.author === from);
  if (consultation.agencyId === from) out.add('referral_attachment', { municipality_id: mid, referral_id: referralId, record_kind: 'consultation', record_id: consultation.id });
  else if (ownNote) out.add('referral_attachment', { municipality_id: mid, referral_id: referralId, record_kind: 'progress_note', record_id: ownNote.id });
  cc.audit.add(out, { occurredAt: new Date(createdMs), actorUserId: sender.userId, actorLogin: sender.login, action: 'referral.create', targetType: 'referral', targetId: referralId, basis: '自機関の記録', details: { toAgencyId: to } });
}
