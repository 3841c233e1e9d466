import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { newId } from '../../platform/db/ids.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { WORKING_STATUSES } from '../../referral/referral-states.js';
import { actingAgency } from '../acting-agency.js';
import { checkNoteInput, NOTE_MESSAGES, type NoteInput, noteColumns } from './note-input.js';
import { authorizeCaseNotes, caseNoteFacts, loadCaseHeader, loadNote, type NoteView, toNoteView } from './progress-note.repo.js';

/** 経過を記録する: a dated entry on an open case, written for the worker's agency. */
export async function recordProgressNote(ctx: Ctx, caseId: string, input: NoteInput): Promise<NoteView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const facts = await caseNoteFacts(tx.db, mid, caseId);
    const basis = authorizeCaseNotes(tx, 'create', caseId, facts);
    // Write for the agency that gave the right to (a worker of several agencies), else the acting one.
    // A referral's receiver writes under that referral (つなぎ先の記録).
    const ownsCase = tx.actor.agencyIds.some((a) => facts?.ownerAgencyIds?.includes(a));
    const viaReferral = ownsCase ? undefined : facts?.referrals?.find((r) => tx.actor.agencyIds.includes(r.toAgencyId) && (WORKING_STATUSES as readonly string[]).includes(r.status));
    const agencyId = actingAgency(tx, viaReferral?.toAgencyId ?? tx.actor.agencyIds.find((a) => facts?.ownerAgencyIds?.includes(a)));
    const kase = await loadCaseHeader(tx.db, mid, caseId);
    if (!kase) throw new AppError('not_found');
    if (kase.status !== 'open') throw new AppError('invalid', undefined, NOTE_MESSAGES.caseClosed);
    await checkNoteInput(tx, kase, input);
    const noteId = newId();
    await tx.db
      .insertInto('progress_note')
      .values({
        municipality_id: mid,
        progress_note_id: noteId,
        case_id: caseId,
        author_agency_id: agencyId,
        author_user_id: tx.actor.userId,
        referral_id: viaReferral?.referralId ?? null,
        ...noteColumns(input),
        created_at: tx.now,
        updated_at: tx.now,
      })
      .execute();
    await audit(tx, { action: 'progress_note.create', targetType: 'progress_note', targetId: noteId, basis, details: { caseId, bodyLength: input.body.length } });
    return toNoteView((await loadNote(tx.db, mid, noteId))!, tx.actor);
  });
}
