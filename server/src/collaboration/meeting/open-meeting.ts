import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { transitionMeeting } from './meeting-status.js';
import { type MeetingView, viewMeetingIn } from './view-meeting.js';

/** 会議を開始する (予定 → 開催中): the convening agency. */
export async function openMeeting(ctx: Ctx, meetingId: string, input: { version: number }): Promise<MeetingView> {
  return inTransaction(ctx, async (tx) => {
    await transitionMeeting(tx, meetingId, 'open', input.version);
    return viewMeetingIn(tx, meetingId);
  });
}
