import { authorize } from '../../platform/access/authorize.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import type { MeetingAgendaItemTable } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import type { Updateable } from 'kysely';
import { agendaItemForParty, requireConvener, requireWork } from './meeting-access.js';
import type { MeetingWork } from './meeting-rules.js';
import { loadAgendaItem } from './meeting.repo.js';

export function toAgendaItemState(item: NonNullable<Awaited<ReturnType<typeof loadAgendaItem>>>) {
  return { id: item.agenda_item_id, minutes: item.minutes, decision: item.decision, decisionNote: item.decision_note, planId: item.plan_id, planVersion: item.plan_version, version: item.version };
}

/** The convening agency's versioned change to one agenda item (議事録, 決定), audited. */
export async function updateAgendaItem(
  tx: Ctx,
  agendaItemId: string,
  work: MeetingWork,
  version: number,
  set: Updateable<MeetingAgendaItemTable>,
  before?: (item: NonNullable<Awaited<ReturnType<typeof loadAgendaItem>>>, meeting: { consentRequired: boolean; meetingId: string }) => Promise<void>,
) {
  const mid = tx.actor.municipalityId;
  const auditAction = work === 'minutes' ? 'meeting.minutes_recorded' : 'meeting.decision_recorded';
  const { item, meeting, role } = await agendaItemForParty(tx, agendaItemId, auditAction);
  requireConvener(role);
  const basis = authorize(tx, 'update', { kind: 'meeting_material', municipalityId: mid, id: agendaItemId, ownerAgencyIds: [meeting.row.convened_by_agency_id] }, { auditAction });
  requireWork(meeting.row.status, work);
  if (item.version !== version) throw new AppError('conflict');
  await before?.(item, { consentRequired: meeting.row.consent_required, meetingId: meeting.row.meeting_id });
  const r = await tx.db
    .updateTable('meeting_agenda_item')
    .set((eb) => ({ ...set, updated_at: tx.now, version: eb('version', '+', 1) }))
    .where('municipality_id', '=', mid)
    .where('agenda_item_id', '=', agendaItemId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
  const details = work === 'minutes' ? { meetingId: item.meeting_id, caseId: item.case_id } : { meetingId: item.meeting_id, caseId: item.case_id, decision: set.decision, planId: set.plan_id ?? null, planVersion: set.plan_version ?? null };
  await audit(tx, { action: auditAction, targetType: 'meeting_agenda_item', targetId: agendaItemId, basis, details });
  return toAgendaItemState((await loadAgendaItem(tx.db, mid, agendaItemId))!);
}

/** 議事録（ケースごと）: the convening agency records the minutes of one agenda item while the meeting is held. */
export async function recordMinutes(ctx: Ctx, agendaItemId: string, input: { minutes: string; version: number }) {
  return inTransaction(ctx, (tx) => updateAgendaItem(tx, agendaItemId, 'minutes', input.version, { minutes: input.minutes }));
}
