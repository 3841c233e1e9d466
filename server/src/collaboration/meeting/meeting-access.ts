/**
 * Who may touch a meeting at all: its convening agency and its members (agency or named user), staff
 * roles only. Anyone else gets `not_found` (the meeting's existence does not leak) and the refusal is
 * audited after the rollback, like every policy refusal.
 */
import { isStaff } from '../../platform/access/relationships.js';
import type { Ctx } from '../../platform/context.js';
import type { MeetingStatus } from '../../platform/db/schema.js';
import { AppError } from '../../platform/http/errors.js';
import { checkWork, type MeetingRole, type MeetingWork, meetingRoleOf } from './meeting-rules.js';
import { type LoadedMeeting, loadAgendaItem, loadMeeting, partiesOf } from './meeting.repo.js';

export function refusal(tx: Ctx, action: string, targetType: string, targetId: string, basis: string): AppError {
  return new AppError('not_found', undefined, undefined, {
    municipalityId: tx.actor.municipalityId,
    actorUserId: tx.actor.userId,
    actorLogin: tx.actor.loginName,
    action,
    targetType,
    targetId,
    basis,
  });
}

export async function meetingForParty(tx: Ctx, meetingId: string, auditAction: string): Promise<{ meeting: LoadedMeeting; role: MeetingRole }> {
  const meeting = await loadMeeting(tx.db, tx.actor.municipalityId, meetingId);
  const role = meeting ? meetingRoleOf(tx.actor, partiesOf(meeting)) : null;
  if (!meeting || !role) throw refusal(tx, auditAction, 'meeting', meetingId, isStaff(tx.actor) ? 'no_relationship' : 'role_not_permitted');
  return { meeting, role };
}

export function requireConvener(role: MeetingRole): void {
  if (role !== 'convener') throw new AppError('forbidden', undefined, 'この操作は会議を招集した機関だけができます。');
}

export function requireWork(status: MeetingStatus, work: MeetingWork): void {
  const check = checkWork(status, work);
  if (!check.ok) throw new AppError('conflict', undefined, check.message);
}

/** Audit basis for what a member (not the convener) does in a meeting. */
export function memberBasis(meeting: LoadedMeeting): string {
  return `会議の構成員（${meeting.row.legal_basis}）`;
}

/** An agenda item and its meeting, for a party of that meeting; anyone else: not_found (audited). */
export async function agendaItemForParty(tx: Ctx, agendaItemId: string, auditAction: string) {
  const item = await loadAgendaItem(tx.db, tx.actor.municipalityId, agendaItemId);
  if (!item) throw refusal(tx, auditAction, 'meeting_agenda_item', agendaItemId, isStaff(tx.actor) ? 'no_relationship' : 'role_not_permitted');
  const { meeting, role } = await meetingForParty(tx, item.meeting_id, auditAction);
  return { item, meeting, role };
}
