import { actingAgency } from '../../consultation/acting-agency.js';
import { authorize } from '../../platform/access/authorize.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { newId } from '../../platform/db/ids.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { canConvene } from './meeting-rules.js';
import { loadMeetingType } from './meeting.repo.js';
import { type MeetingView, viewMeetingIn } from './view-meeting.js';

export interface ScheduleInput {
  meetingTypeId: string;
  title: string;
  scheduledAt: string;
  place?: string | null | undefined;
  memberAgencyIds?: string[] | null | undefined;
  memberUserIds?: string[] | null | undefined;
  agencyId?: string | null | undefined;
}

const invalid = (path: string, message: string) => new AppError('invalid', { fields: [{ path, message }] });

/**
 * 会議の予定を立てる: the convening agency is the actor's; members default to the type's member
 * agencies, and the convening agency always takes part. A named member user sits for their agency.
 */
export async function scheduleMeeting(ctx: Ctx, input: ScheduleInput): Promise<MeetingView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const convener = actingAgency(tx, input.agencyId);
    const basis = authorize(tx, 'create', { kind: 'meeting_material', municipalityId: mid, ownerAgencyIds: [convener] });
    const type = await loadMeetingType(tx.db, mid, input.meetingTypeId);
    if (!type?.active) throw invalid('meetingTypeId', '会議種別を選んでください。');
    const check = canConvene(tx.actor, { code: type.code, memberAgencyIds: type.member_agency_ids }, convener);
    if (!check.ok) throw new AppError('forbidden', undefined, check.message);

    const agencies = [...new Set([convener, ...(input.memberAgencyIds ?? type.member_agency_ids)])];
    const known = await tx.db.selectFrom('agency').select('agency_id').where('municipality_id', '=', mid).where('agency_id', 'in', agencies).execute();
    if (known.length !== agencies.length) throw invalid('memberAgencyIds', '登録されていない機関が含まれています。');

    const userByAgency = new Map<string, string>();
    for (const userId of new Set(input.memberUserIds ?? [])) {
      const links = await tx.db.selectFrom('user_agency').select('agency_id').where('municipality_id', '=', mid).where('user_id', '=', userId).execute();
      const agency = links.map((l) => l.agency_id).find((a) => agencies.includes(a) && !userByAgency.has(a));
      if (!agency) throw invalid('memberUserIds', '参加者は参加機関の職員から、1機関につき1人を選んでください。');
      userByAgency.set(agency, userId);
    }

    const meetingId = newId();
    await tx.db
      .insertInto('meeting')
      .values({
        municipality_id: mid,
        meeting_id: meetingId,
        meeting_type_id: type.meeting_type_id,
        title: input.title,
        scheduled_at: new Date(input.scheduledAt),
        place: input.place ?? null,
        convened_by_agency_id: convener,
        chair_user_id: tx.actor.userId,
        created_by_user_id: tx.actor.userId,
        created_at: tx.now,
        updated_at: tx.now,
      })
      .execute();
    await tx.db
      .insertInto('meeting_member')
      .values(agencies.map((agency_id) => ({ municipality_id: mid, meeting_id: meetingId, agency_id, user_id: userByAgency.get(agency_id) ?? null })))
      .execute();
    await audit(tx, { action: 'meeting.schedule', targetType: 'meeting', targetId: meetingId, basis, details: { typeCode: type.code, members: agencies.length } });
    return viewMeetingIn(tx, meetingId);
  });
}
