import { authorize } from '../../platform/access/authorize.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { checkNoteInput, NOTE_MESSAGES, type NoteInput, noteColumns } from './note-input.js';
import { loadCaseHeader, loadNote, type NoteView, progressNoteFacts, toNoteView } from './progress-note.repo.js';

/**
 * 経過記録の修正: only a worker of the agency that wrote the entry, from the version they read. The
 * lead may read another agency's entry but not rewrite it (the record is that agency's account).
 */
export async function updateProgressNote(ctx: Ctx, noteId: string, input: NoteInput & { version: number }): Promise<NoteView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'update', (await progressNoteFacts(tx.db, mid, noteId)) ?? { kind: 'progress_note', municipalityId: mid, id: noteId });
    const current = (await loadNote(tx.db, mid, noteId))!;
    if (!tx.actor.agencyIds.includes(current.author_agency_id)) {
      throw new AppError('forbidden', undefined, NOTE_MESSAGES.notAuthorAgency, {
        municipalityId: mid,
        actorUserId: tx.actor.userId,
        actorLogin: tx.actor.loginName,
        action: 'progress_note.update',
        targetType: 'progress_note',
        targetId: noteId,
        basis: 'not_author_agency',
      });
    }
    const kase = (await loadCaseHeader(tx.db, mid, current.case_id))!;
    await checkNoteInput(tx, kase, input, current.person_id);
    const r = await tx.db
      .updateTable('progress_note')
      .set((eb) => ({ ...noteColumns(input), updated_at: tx.now, version: eb('version', '+', 1) }))
      .where('municipality_id', '=', mid)
      .where('progress_note_id', '=', noteId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
    await audit(tx, { action: 'progress_note.update', targetType: 'progress_note', targetId: noteId, basis, details: { caseId: current.case_id, fromVersion: input.version } });
    return toNoteView((await loadNote(tx.db, mid, noteId))!, tx.actor);
  });
}
