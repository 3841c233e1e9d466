/**
 * ケースの経過 (case timeline): one chronological list of what happened around a household's case —
 * opening and closing, lead changes and transfer requests, consultations about its members,
 * 支援経過記録 and つなぐ steps — limited to what the reader may see: progress notes through
 * noteVisibleTo, consultation text only for the reader's own agencies, referral steps only for
 * referrals the reader's agencies lead the case for, sent or received.
 */
import type { Actor } from '../platform/access/actor.js';
import type { DbHandle } from '../platform/db/database.js';
import { KIND_LABELS, noteVisibleTo } from './progress/progress-note.repo.js';

export type TimelineKind = 'case_opened' | 'case_closed' | 'lead_changed' | 'transfer' | 'consultation' | 'progress_note' | 'referral';

export interface TimelineItem {
  /** Stable key of the entry (kind and the record behind it). */
  id: string;
  at: string;
  kind: TimelineKind;
  title: string;
  detail: string | null;
  agencyName: string;
  link: { type: 'consultation' | 'progress' | 'referral'; id: string } | null;
}

const STATUS_LABELS: Record<string, string> = {
  draft: '下書き', requested: '依頼', accepted: '受理', rejected: '受理しない', in_progress: '対応開始',
  on_hold: '保留', completed: '完了', failed: '不成立', cancelled: '取消',
};
const TRANSFER_LABELS: Record<string, string> = { requested: '依頼中', accepted: '受理', declined: '受理しない', cancelled: '取消' };
const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : String(d));

/** `team_agency_ids`: the case's current 支援チーム agencies (from its access facts), who see every note. */
export async function loadCaseTimeline(
  db: DbHandle,
  actor: Actor,
  kase: { case_id: string; household_id: string; lead_agency_id: string; team_agency_ids: readonly string[] },
): Promise<TimelineItem[]> {
  const mid = actor.municipalityId;
  const agencies = [...actor.agencyIds];
  const leads = agencies.includes(kase.lead_agency_id);
  const items: TimelineItem[] = [];
  const c = await db
    .selectFrom('support_case as c')
    .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'c.municipality_id').onRef('u.user_id', '=', 'c.opened_by_user_id'))
    .select(['c.opened_on', 'c.created_at', 'c.status', 'c.closed_on', 'c.close_reason', 'c.opening_note', 'u.display_name'])
    .where('c.municipality_id', '=', mid)
    .where('c.case_id', '=', kase.case_id)
    .executeTakeFirstOrThrow();
  const periods = await db
    .selectFrom('case_lead_period as p')
    .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'p.municipality_id').onRef('a.agency_id', '=', 'p.agency_id'))
    .select(['p.started_at', 'a.name'])
    .where('p.municipality_id', '=', mid)
    .where('p.case_id', '=', kase.case_id)
    .orderBy('p.started_at')
    .execute();
  for (const [i, p] of periods.entries()) {
    items.push(
      i === 0
        ? { id: `opened:${iso(p.started_at)}`, at: iso(p.started_at), kind: 'case_opened', title: 'ケース開始', detail: c.opening_note, agencyName: p.name, link: null }
        : { id: `lead:${iso(p.started_at)}`, at: iso(p.started_at), kind: 'lead_changed', title: '主担当の変更', detail: null, agencyName: p.name, link: null },
    );
  }
  if (c.status === 'closed' && c.closed_on) items.push({ id: 'closed', at: `${String(c.closed_on)}T23:59:59+09:00`, kind: 'case_closed', title: '終結', detail: c.close_reason, agencyName: periods.at(-1)?.name ?? '', link: null });
  if (leads) {
    const transfers = await db
      .selectFrom('case_lead_transfer as t')
      .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 't.municipality_id').onRef('a.agency_id', '=', 't.to_agency_id'))
      .select(['t.requested_at', 't.status', 't.reason', 'a.name'])
      .where('t.municipality_id', '=', mid)
      .where('t.case_id', '=', kase.case_id)
      .execute();
    for (const t of transfers) items.push({ id: `transfer:${iso(t.requested_at)}`, at: iso(t.requested_at), kind: 'transfer', title: `主担当の変更依頼（${TRANSFER_LABELS[t.status] ?? t.status}）`, detail: t.reason, agencyName: t.name, link: null });
  }
  const consultations = await db
    .selectFrom('consultation as k')
    .innerJoin('household_membership as m', (j) => j.onRef('m.municipality_id', '=', 'k.municipality_id').onRef('m.person_id', '=', 'k.person_id'))
    .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'k.municipality_id').onRef('a.agency_id', '=', 'k.receiving_agency_id'))
    .select(['k.consultation_id', 'k.received_on', 'k.summary', 'k.receiving_agency_id', 'a.name'])
    .where('k.municipality_id', '=', mid)
    .where('m.household_id', '=', kase.household_id)
    .where('m.left_on', 'is', null)
    .execute();
  for (const k of consultations) {
    const own = agencies.includes(k.receiving_agency_id);
    if (!own && !leads) continue;
    items.push({ id: `consultation:${k.consultation_id}`, at: `${String(k.received_on)}T00:00:00+09:00`, kind: 'consultation', title: '相談受付', detail: own ? k.summary : null, agencyName: k.name, link: own ? { type: 'consultation', id: k.consultation_id } : null });
  }
  const notes = await db
    .selectFrom('progress_note as n')
    .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'n.municipality_id').onRef('a.agency_id', '=', 'n.author_agency_id'))
    .select(['n.progress_note_id', 'n.occurred_on', 'n.occurred_time', 'n.kind', 'n.subject', 'a.name'])
    .where('n.municipality_id', '=', mid)
    .where('n.case_id', '=', kase.case_id)
    .where(noteVisibleTo(actor, kase.lead_agency_id, kase.team_agency_ids))
    .execute();
  for (const n of notes) {
    items.push({ id: `note:${n.progress_note_id}`, at: `${String(n.occurred_on)}T${n.occurred_time ?? '12:00'}:00+09:00`, kind: 'progress_note', title: `支援経過記録（${KIND_LABELS[n.kind]}）`, detail: n.subject, agencyName: n.name, link: { type: 'progress', id: kase.case_id } });
  }
  const steps = await db
    .selectFrom('referral_event as e')
    .innerJoin('referral as r', (j) => j.onRef('r.municipality_id', '=', 'e.municipality_id').onRef('r.referral_id', '=', 'e.referral_id'))
    .innerJoin('agency as ta', (j) => j.onRef('ta.municipality_id', '=', 'r.municipality_id').onRef('ta.agency_id', '=', 'r.to_agency_id'))
    .innerJoin('agency as ba', (j) => j.onRef('ba.municipality_id', '=', 'e.municipality_id').onRef('ba.agency_id', '=', 'e.by_agency_id'))
    .select(['e.referral_id', 'e.at', 'e.to_status', 'e.note', 'ta.name as to_name', 'ba.name as by_name', 'r.from_agency_id', 'r.to_agency_id'])
    .where('e.municipality_id', '=', mid)
    .where('r.case_id', '=', kase.case_id)
    .where('e.to_status', '<>', 'draft')
    .where((eb) => (leads ? eb.lit(true) : eb.or([eb('r.from_agency_id', 'in', agencies), eb('r.to_agency_id', 'in', agencies)])))
    .execute();
  for (const s of steps) {
    items.push({ id: `referral:${s.referral_id}:${s.to_status}`, at: iso(s.at), kind: 'referral', title: `つなぐ → ${s.to_name}（${STATUS_LABELS[s.to_status] ?? s.to_status}）`, detail: s.note, agencyName: s.by_name, link: { type: 'referral', id: s.referral_id } });
  }
  return items.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
