import { currentConsentFact } from '../../consultation/consultation.repo.js';
import { can } from '../../platform/access/policy.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { meetingForParty, memberBasis } from './meeting-access.js';
import type { MeetingRole } from './meeting-rules.js';
import { type LoadedMeeting, loadAgendaItems, meetingFactOf } from './meeting.repo.js';

export type MeetingView = Awaited<ReturnType<typeof buildMeetingView>>;
const SHOWN_REASONS = ['confidentiality_not_acknowledged', 'consent_missing', 'meeting_closed', 'no_relationship'] as const;
type HiddenReason = (typeof SHOWN_REASONS)[number] | 'default_deny';

/**
 * One meeting for its convener and members: schedule, members and attendance, 守秘義務の確認, and the
 * agenda. An agenda item names its household only when the actor may read that item's material
 * (the same policy as the material itself); otherwise only the case id and why it is hidden.
 */
export async function buildMeetingView(tx: Ctx, meeting: LoadedMeeting, role: MeetingRole) {
  const mid = tx.actor.municipalityId;
  const meetingId = meeting.row.meeting_id;
  const fact = meetingFactOf(meeting);
  const items = await loadAgendaItems(tx.db, mid, meetingId);
  const agendaItems = [];
  for (const item of items) {
    const consent = item.consent_consultation_id ? await currentConsentFact(tx.db, mid, item.consent_consultation_id) : undefined;
    const decision = can(
      tx.actor,
      'read',
      { kind: 'meeting_material', municipalityId: mid, id: item.agenda_item_id, ownerAgencyIds: [meeting.row.convened_by_agency_id], meetings: [fact], consents: consent ? [consent] : [] },
      { now: tx.now },
    );
    const reason = decision.allowed ? null : decision.reason;
    const hiddenReason: HiddenReason | null = reason === null ? null : SHOWN_REASONS.find((r) => r === reason) ?? 'default_deny';
    agendaItems.push({
      id: item.agenda_item_id,
      caseId: item.case_id,
      basis: item.basis,
      legalBasis: item.legal_basis,
      consentId: item.consent_id,
      householdLabel: decision.allowed ? item.household_label : null,
      hiddenReason,
      decision: decision.allowed ? item.decision : null,
      version: item.version,
    });
  }
  const r = meeting.row;
  return {
    id: r.meeting_id,
    title: r.title,
    scheduledAt: new Date(r.scheduled_at).toISOString(),
    place: r.place,
    status: r.status,
    version: r.version,
    type: { id: r.meeting_type_id, code: r.type_code, name: r.type_name, legalBasis: r.legal_basis, consentRequired: r.consent_required, closedToPublic: r.closed_to_public },
    convenedByAgencyId: r.convened_by_agency_id,
    convenedByAgencyName: r.convener_name,
    myRole: role,
    acknowledgementRequired: !r.consent_required,
    acknowledgedByMe: meeting.acks.some((a) => a.user_id === tx.actor.userId),
    members: meeting.members.map((m) => ({ agencyId: m.agency_id, agencyName: m.agency_name, userId: m.user_id, userName: m.display_name, attended: m.attended })),
    acknowledgements: meeting.acks.map((a) => ({ userId: a.user_id, userName: a.display_name, at: new Date(a.acknowledged_at).toISOString() })),
    agendaItems,
  };
}

/** The meeting as the actor sees it now (after a change, inside the same transaction). */
export async function viewMeetingIn(tx: Ctx, meetingId: string): Promise<MeetingView> {
  const { meeting, role } = await meetingForParty(tx, meetingId, 'meeting.read');
  return buildMeetingView(tx, meeting, role);
}

/** 会議の閲覧 (convener and members), audited; household labels shown are counted, never named. */
export async function viewMeeting(ctx: Ctx, meetingId: string): Promise<MeetingView> {
  return inTransaction(ctx, async (tx) => {
    const { meeting, role } = await meetingForParty(tx, meetingId, 'meeting.read');
    const view = await buildMeetingView(tx, meeting, role);
    const basis = role === 'convener' ? '自機関の会議' : memberBasis(meeting);
    await audit(tx, { action: 'meeting.read', targetType: 'meeting', targetId: meetingId, basis, details: { shownItems: view.agendaItems.filter((i) => i.householdLabel !== null).length } });
    return view;
  });
}
