import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { meetingForParty, requireWork } from './meeting-access.js';
import { type MeetingView, viewMeetingIn } from './view-meeting.js';

/**
 * 守秘義務の確認: a member (of a member agency, or named) confirms the statutory duty of
 * confidentiality (社会福祉法106条の6第6項) before seeing case material. Kept forever and audited;
 * confirming twice changes nothing.
 */
export async function acknowledgeConfidentiality(ctx: Ctx, meetingId: string): Promise<MeetingView> {
  return inTransaction(ctx, async (tx) => {
    const { meeting } = await meetingForParty(tx, meetingId, 'meeting.confidentiality_acknowledged');
    requireWork(meeting.row.status, 'acknowledge');
    if (!meeting.acks.some((a) => a.user_id === tx.actor.userId)) {
      await tx.db
        .insertInto('meeting_acknowledgement')
        .values({ municipality_id: tx.actor.municipalityId, meeting_id: meetingId, user_id: tx.actor.userId, acknowledged_at: tx.now })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await audit(tx, { action: 'meeting.confidentiality_acknowledged', targetType: 'meeting', targetId: meetingId, basis: `守秘義務の確認（${meeting.row.legal_basis}）`, details: { typeCode: meeting.row.type_code } });
    }
    return viewMeetingIn(tx, meetingId);
  });
}
