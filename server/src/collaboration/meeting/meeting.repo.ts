/**
 * SQL of 会議 (municipality_id in every query): meeting types, a meeting with its type, members and
 * 守秘義務の確認, agenda items, the consents that could carry a case onto a consent-based agenda, and
 * the policy facts of one agenda item's material.
 */
import { sql } from 'kysely';
import { currentConsentFact } from '../../consultation/consultation.repo.js';
import type { MeetingFact, RecordFacts } from '../../platform/access/index.js';
import type { DbHandle } from '../../platform/db/database.js';
import { meetingFactsForCases } from '../collaboration-facts.js';
import type { CandidateConsent } from './agenda-rules.js';

export async function loadMeetingType(db: DbHandle, mid: string, typeId: string) {
  return db.selectFrom('meeting_type').selectAll().where('municipality_id', '=', mid).where('meeting_type_id', '=', typeId).executeTakeFirst();
}
export type MeetingTypeRow = NonNullable<Awaited<ReturnType<typeof loadMeetingType>>>;

export async function loadMeeting(db: DbHandle, mid: string, meetingId: string) {
  const row = await db
    .selectFrom('meeting as m')
    .innerJoin('meeting_type as t', (j) => j.onRef('t.municipality_id', '=', 'm.municipality_id').onRef('t.meeting_type_id', '=', 'm.meeting_type_id'))
    .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'm.municipality_id').onRef('a.agency_id', '=', 'm.convened_by_agency_id'))
    .selectAll('m')
    .select(['t.code as type_code', 't.name as type_name', 't.legal_basis', 't.consent_required', 't.closed_to_public', 't.convened_by as type_convened_by', 'a.name as convener_name'])
    .where('m.municipality_id', '=', mid)
    .where('m.meeting_id', '=', meetingId)
    .executeTakeFirst();
  if (!row) return null;
  const members = await db
    .selectFrom('meeting_member as mm')
    .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'mm.municipality_id').onRef('a.agency_id', '=', 'mm.agency_id'))
    .leftJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'mm.municipality_id').onRef('u.user_id', '=', 'mm.user_id'))
    .select(['mm.agency_id', 'a.name as agency_name', 'mm.user_id', 'u.display_name', 'mm.attended'])
    .where('mm.municipality_id', '=', mid)
    .where('mm.meeting_id', '=', meetingId)
    .orderBy('a.name')
    .execute();
  const acks = await db
    .selectFrom('meeting_acknowledgement as k')
    .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'k.municipality_id').onRef('u.user_id', '=', 'k.user_id'))
    .select(['k.user_id', 'u.display_name', 'k.acknowledged_at'])
    .where('k.municipality_id', '=', mid)
    .where('k.meeting_id', '=', meetingId)
    .orderBy('k.acknowledged_at')
    .execute();
  return { row, members, acks };
}
export type LoadedMeeting = NonNullable<Awaited<ReturnType<typeof loadMeeting>>>;

export function partiesOf(m: LoadedMeeting) {
  return {
    convenedByAgencyId: m.row.convened_by_agency_id,
    memberAgencyIds: m.members.map((x) => x.agency_id),
    memberUserIds: m.members.flatMap((x) => (x.user_id ? [x.user_id] : [])),
  };
}

/** The same fact meetingFactsForCases builds, from a loaded meeting. */
export function meetingFactOf(m: LoadedMeeting): MeetingFact {
  const parties = partiesOf(m);
  return {
    meetingId: m.row.meeting_id,
    meetingTypeCode: m.row.type_code,
    legalBasis: m.row.legal_basis,
    consentRequired: m.row.consent_required,
    memberAgencyIds: parties.memberAgencyIds,
    memberUserIds: parties.memberUserIds,
    confidentialityAcknowledgedUserIds: m.acks.map((a) => a.user_id),
    status: m.row.status,
  };
}

export async function loadAgendaItems(db: DbHandle, mid: string, meetingId: string) {
  return db
    .selectFrom('meeting_agenda_item as i')
    .innerJoin('support_case as c', (j) => j.onRef('c.municipality_id', '=', 'i.municipality_id').onRef('c.case_id', '=', 'i.case_id'))
    .innerJoin('household as h', (j) => j.onRef('h.municipality_id', '=', 'c.municipality_id').onRef('h.household_id', '=', 'c.household_id'))
    .selectAll('i')
    .select(['h.label as household_label', 'c.lead_agency_id'])
    .where('i.municipality_id', '=', mid)
    .where('i.meeting_id', '=', meetingId)
    .orderBy('i.created_at')
    .execute();
}

export async function loadAgendaItem(db: DbHandle, mid: string, agendaItemId: string) {
  return db
    .selectFrom('meeting_agenda_item as i')
    .innerJoin('support_case as c', (j) => j.onRef('c.municipality_id', '=', 'i.municipality_id').onRef('c.case_id', '=', 'i.case_id'))
    .selectAll('i')
    .select(['c.lead_agency_id', 'c.household_id'])
    .where('i.municipality_id', '=', mid)
    .where('i.agenda_item_id', '=', agendaItemId)
    .executeTakeFirst();
}
export type AgendaItemRow = NonNullable<Awaited<ReturnType<typeof loadAgendaItem>>>;

/**
 * Policy facts of one agenda item's material: owned by the convening agency; shared with the members
 * of THIS meeting only (its MeetingFact), and for a consent-based item, the consent in force now.
 */
export async function materialFacts(
  db: DbHandle,
  mid: string,
  meeting: { meetingId: string; convenedByAgencyId: string },
  item: { agendaItemId: string; caseId: string; consentConsultationId: string | null },
): Promise<RecordFacts> {
  const meetings = (await meetingFactsForCases(db, mid, [item.caseId])).filter((m) => m.meetingId === meeting.meetingId);
  const consent = item.consentConsultationId ? await currentConsentFact(db, mid, item.consentConsultationId) : undefined;
  return {
    kind: 'meeting_material',
    municipalityId: mid,
    id: item.agendaItemId,
    ownerAgencyIds: [meeting.convenedByAgencyId],
    meetings,
    consents: consent ? [consent] : [],
  };
}

/** Latest consent decision of every consultation about a current member of the case's household. */
export async function candidateConsents(db: DbHandle, mid: string, caseId: string): Promise<CandidateConsent[]> {
  const rows = await db
    .selectFrom('support_case as sc')
    .innerJoin('household_membership as hm', (j) => j.onRef('hm.municipality_id', '=', 'sc.municipality_id').onRef('hm.household_id', '=', 'sc.household_id'))
    .innerJoin('consultation as c', (j) => j.onRef('c.municipality_id', '=', 'hm.municipality_id').onRef('c.person_id', '=', 'hm.person_id'))
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('consent as k')
          .select(['k.consent_id', 'k.status', 'k.valid_until', 'k.agency_scope'])
          .whereRef('k.municipality_id', '=', 'c.municipality_id')
          .whereRef('k.consultation_id', '=', 'c.consultation_id')
          .orderBy('k.recorded_at', 'desc')
          .orderBy('k.consent_id', 'desc')
          .limit(1)
          .as('cur'),
      (j) => j.onTrue(),
    )
    .select(['c.consultation_id', 'cur.consent_id', 'cur.status', 'cur.valid_until', 'cur.agency_scope'])
    .where('sc.municipality_id', '=', mid)
    .where('sc.case_id', '=', caseId)
    .where('hm.left_on', 'is', null)
    .orderBy('c.received_on', 'desc')
    .orderBy(sql`c.consultation_id`, 'desc')
    .execute();
  return rows.map((r) => ({
    consentId: r.consent_id,
    consultationId: r.consultation_id,
    status: r.status,
    agencyScope: r.agency_scope,
    validUntil: r.valid_until ? String(r.valid_until) : null,
  }));
}
