import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { transitionMeeting } from './meeting-status.js';
import { type MeetingView, viewMeetingIn } from './view-meeting.js';

/**
 * 会議を終了する: the convening agency. From then on the meeting gives its members no access to the
 * cases on its agenda (MeetingFact status 'closed'); an agency on the case's 支援チーム keeps its own.
 */
export async function closeMeeting(ctx: Ctx, meetingId: string, input: { version: number }): Promise<MeetingView> {
  return inTransaction(ctx, async (tx) => {
    await transitionMeeting(tx, meetingId, 'close', input.version);
    return viewMeetingIn(tx, meetingId);
  });
}
