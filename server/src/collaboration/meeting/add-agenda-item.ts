import { caseFacts } from '../../consultation/case.repo.js';
import { authorize } from '../../platform/access/authorize.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { newId } from '../../platform/db/ids.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { decideAgendaBasis } from './agenda-rules.js';
import { meetingForParty, requireWork } from './meeting-access.js';
import { candidateConsents, partiesOf } from './meeting.repo.js';
import { type MeetingView, viewMeetingIn } from './view-meeting.js';

/**
 * 議題にする: the case's lead or 支援チーム (case 'update') puts it on a meeting it takes part in.
 * A consent-based type (重層的支援会議) needs a consent in force covering every member agency and
 * refuses otherwise, explaining why; a 支援会議 records its statutory basis (法106条の6) instead.
 */
export async function addAgendaItem(ctx: Ctx, meetingId: string, input: { caseId: string; purpose?: string | null | undefined }): Promise<MeetingView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const auditAction = 'meeting.agenda_add';
    const { meeting } = await meetingForParty(tx, meetingId, auditAction);
    const caseBasis = authorize(tx, 'update', (await caseFacts(tx.db, mid, input.caseId)) ?? { kind: 'case', municipalityId: mid, id: input.caseId }, { auditAction });
    requireWork(meeting.row.status, 'agenda');
    const kase = await tx.db.selectFrom('support_case').select('status').where('municipality_id', '=', mid).where('case_id', '=', input.caseId).executeTakeFirstOrThrow();
    if (kase.status !== 'open') throw new AppError('invalid', { fields: [{ path: 'caseId', message: '終結したケースは議題にできません。' }] });
    const already = await tx.db.selectFrom('meeting_agenda_item').select('agenda_item_id').where('municipality_id', '=', mid).where('meeting_id', '=', meetingId).where('case_id', '=', input.caseId).executeTakeFirst();
    if (already) throw new AppError('duplicate', undefined, 'このケースはすでに議題になっています。');

    const type = { name: meeting.row.type_name, legalBasis: meeting.row.legal_basis, consentRequired: meeting.row.consent_required };
    const consents = type.consentRequired ? await candidateConsents(tx.db, mid, input.caseId) : [];
    const decision = decideAgendaBasis(type, partiesOf(meeting).memberAgencyIds, consents, tx.now);
    if (!decision.ok) {
      throw new AppError('consent_required', { fields: [{ path: 'caseId', message: decision.message }] }, decision.message, {
        municipalityId: mid,
        actorUserId: tx.actor.userId,
        actorLogin: tx.actor.loginName,
        action: auditAction,
        targetType: 'meeting',
        targetId: meetingId,
        basis: 'consent_missing',
      });
    }
    const agendaItemId = newId();
    await tx.db
      .insertInto('meeting_agenda_item')
      .values({
        municipality_id: mid,
        agenda_item_id: agendaItemId,
        meeting_id: meetingId,
        case_id: input.caseId,
        basis: decision.basis,
        consent_id: decision.basis === 'consent' ? decision.consentId : null,
        consent_consultation_id: decision.basis === 'consent' ? decision.consultationId : null,
        legal_basis: decision.basis === 'statutory' ? decision.legalBasis : null,
        purpose: input.purpose ?? null,
        added_by_user_id: tx.actor.userId,
        created_at: tx.now,
        updated_at: tx.now,
      })
      .execute();
    const basis = decision.basis === 'consent' ? `本人同意 #${decision.consentId}` : `法定の支援会議（${decision.legalBasis}）`;
    await audit(tx, { action: auditAction, targetType: 'meeting_agenda_item', targetId: agendaItemId, basis, details: { meetingId, caseId: input.caseId, agendaBasis: decision.basis, caseAccess: caseBasis } });
    return viewMeetingIn(tx, meetingId);
  });
}
