/** Shared by 開始 and 終了 and by changes to the meeting itself: one versioned update of the meeting row. */
import { authorize } from '../../platform/access/authorize.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import type { MeetingStatus } from '../../platform/db/schema.js';
import { AppError } from '../../platform/http/errors.js';
import { meetingForParty, requireConvener } from './meeting-access.js';
import { type StatusAction, statusStep } from './meeting-rules.js';
import type { LoadedMeeting } from './meeting.repo.js';

/** Bumps the meeting's version if it is still `expected`; zero rows → conflict. */
export async function bumpMeetingVersion(tx: Ctx, meetingId: string, expected: number, status?: MeetingStatus): Promise<void> {
  const r = await tx.db
    .updateTable('meeting')
    .set((eb) => ({ ...(status ? { status } : {}), updated_at: tx.now, version: eb('version', '+', 1) }))
    .where('municipality_id', '=', tx.actor.municipalityId)
    .where('meeting_id', '=', meetingId)
    .where('version', '=', expected)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
}

/** The convening agency's change to its meeting: returns the loaded meeting and the audit basis. */
export async function convenerMeeting(tx: Ctx, meetingId: string, auditAction: string): Promise<{ meeting: LoadedMeeting; basis: string }> {
  const { meeting, role } = await meetingForParty(tx, meetingId, auditAction);
  requireConvener(role);
  const basis = authorize(tx, 'update', { kind: 'meeting_material', municipalityId: tx.actor.municipalityId, id: meetingId, ownerAgencyIds: [meeting.row.convened_by_agency_id] }, { auditAction });
  return { meeting, basis };
}

export async function transitionMeeting(tx: Ctx, meetingId: string, action: StatusAction, version: number): Promise<void> {
  const auditAction = `meeting.${action}`;
  const { meeting, basis } = await convenerMeeting(tx, meetingId, auditAction);
  if (meeting.row.version !== version) throw new AppError('conflict');
  const step = statusStep(action, meeting.row.status);
  if (!step.ok) throw new AppError('conflict', undefined, step.message);
  await bumpMeetingVersion(tx, meetingId, version, step.to);
  await audit(tx, { action: auditAction, targetType: 'meeting', targetId: meetingId, basis, details: { from: meeting.row.status, to: step.to } });
}
