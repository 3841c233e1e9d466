import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { requireWork } from './meeting-access.js';
import { bumpMeetingVersion, convenerMeeting } from './meeting-status.js';
import { type MeetingView, viewMeetingIn } from './view-meeting.js';

/** 出欠の記録 (the convening agency), per member agency; versioned on the meeting. */
export async function recordAttendance(ctx: Ctx, meetingId: string, input: { version: number; attendance: Array<{ agencyId: string; attended: boolean }> }): Promise<MeetingView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const { meeting, basis } = await convenerMeeting(tx, meetingId, 'meeting.attendance');
    requireWork(meeting.row.status, 'attendance');
    const members = new Set(meeting.members.map((m) => m.agency_id));
    const unknown = input.attendance.findIndex((a) => !members.has(a.agencyId));
    if (unknown >= 0) throw new AppError('invalid', { fields: [{ path: `attendance.${unknown}.agencyId`, message: 'この会議の参加機関ではありません。' }] });
    await bumpMeetingVersion(tx, meetingId, input.version);
    for (const a of input.attendance) {
      await tx.db.updateTable('meeting_member').set({ attended: a.attended }).where('municipality_id', '=', mid).where('meeting_id', '=', meetingId).where('agency_id', '=', a.agencyId).execute();
    }
    await audit(tx, { action: 'meeting.attendance', targetType: 'meeting', targetId: meetingId, basis, details: { present: input.attendance.filter((a) => a.attended).length, absent: input.attendance.filter((a) => !a.attended).length } });
    return viewMeetingIn(tx, meetingId);
  });
}
