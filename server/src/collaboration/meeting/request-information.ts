import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { newId } from '../../platform/db/ids.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { agendaItemForParty, requireWork } from './meeting-access.js';
import { partiesOf } from './meeting.repo.js';
import { infoRequestsOf } from './view-agenda-material.js';

/**
 * 情報提供の依頼: the convening agency or the case's lead asks a member agency a question about an
 * agenda item. The question is kept with the item; the asked agency answers it.
 */
export async function requestInformation(ctx: Ctx, agendaItemId: string, input: { toAgencyId: string; question: string }) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const { item, meeting, role } = await agendaItemForParty(tx, agendaItemId, 'meeting.info_request');
    const isLead = tx.actor.agencyIds.includes(item.lead_agency_id);
    if (role !== 'convener' && !isLead) throw new AppError('forbidden', undefined, '情報提供の依頼は、会議を招集した機関か主担当機関ができます。');
    requireWork(meeting.row.status, 'info_request');
    if (!partiesOf(meeting).memberAgencyIds.includes(input.toAgencyId)) {
      throw new AppError('invalid', { fields: [{ path: 'toAgencyId', message: 'この会議の参加機関を選んでください。' }] });
    }
    const infoRequestId = newId();
    await tx.db
      .insertInto('meeting_info_request')
      .values({ municipality_id: mid, info_request_id: infoRequestId, agenda_item_id: agendaItemId, to_agency_id: input.toAgencyId, question: input.question, requested_by_user_id: tx.actor.userId, requested_at: tx.now })
      .execute();
    const basis = role === 'convener' ? '自機関の会議' : '主担当（自機関のケース）';
    await audit(tx, { action: 'meeting.info_request', targetType: 'meeting_agenda_item', targetId: agendaItemId, basis, details: { infoRequestId, toAgencyId: input.toAgencyId } });
    return { items: await infoRequestsOf(tx.db, mid, agendaItemId) };
  });
}
