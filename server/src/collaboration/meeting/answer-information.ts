import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { agendaItemForParty, memberBasis, refusal, requireWork } from './meeting-access.js';
import { needsAcknowledgement } from './meeting-rules.js';
import { infoRequestsOf } from './view-agenda-material.js';

/**
 * 情報提供（回答）: only the asked agency answers, once; in a 支援会議 only after its worker has
 * confirmed 守秘義務 (what they share is protected by 法106条の6第6項).
 */
export async function answerInformation(ctx: Ctx, infoRequestId: string, input: { answer: string }) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const auditAction = 'meeting.info_answer';
    const request = await tx.db.selectFrom('meeting_info_request').selectAll().where('municipality_id', '=', mid).where('info_request_id', '=', infoRequestId).executeTakeFirst();
    if (!request) throw refusal(tx, auditAction, 'meeting_info_request', infoRequestId, 'no_relationship');
    const { meeting } = await agendaItemForParty(tx, request.agenda_item_id, auditAction);
    if (!tx.actor.agencyIds.includes(request.to_agency_id)) throw new AppError('forbidden', undefined, 'この依頼に回答できるのは、依頼された機関だけです。');
    requireWork(meeting.row.status, 'answer');
    const acks = meeting.acks.map((a) => a.user_id);
    if (needsAcknowledgement({ consentRequired: meeting.row.consent_required }, acks, tx.actor.userId)) {
      throw new AppError('forbidden', undefined, '守秘義務の確認をしてから回答してください。');
    }
    const r = await tx.db
      .updateTable('meeting_info_request')
      .set({ answer: input.answer, answered_by_user_id: tx.actor.userId, answered_at: tx.now })
      .where('municipality_id', '=', mid)
      .where('info_request_id', '=', infoRequestId)
      .where('answer', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict', undefined, 'この依頼にはすでに回答があります。');
    await audit(tx, { action: auditAction, targetType: 'meeting_info_request', targetId: infoRequestId, basis: memberBasis(meeting), details: { agendaItemId: request.agenda_item_id } });
    return { items: await infoRequestsOf(tx.db, mid, request.agenda_item_id) };
  });
}
