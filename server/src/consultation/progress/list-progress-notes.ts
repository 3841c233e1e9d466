import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { authorizeCaseNotes, caseNoteFacts, loadCaseHeader, loadTimeline, toNoteView } from './progress-note.repo.js';

/** Authorises `action` on a case's notes and loads its 経過一覧 (the notes the actor may see). */
export async function readTimeline(ctx: Ctx, caseId: string, action: 'list' | 'export', auditAction?: string) {
  const mid = ctx.actor.municipalityId;
  const basis = authorizeCaseNotes(ctx, action, caseId, await caseNoteFacts(ctx.db, mid, caseId), auditAction);
  const kase = await loadCaseHeader(ctx.db, mid, caseId);
  if (!kase) throw new AppError('not_found');
  const rows = await loadTimeline(ctx.db, ctx.actor, kase);
  return { basis, kase, items: rows.map((r) => toNoteView(r, ctx.actor)) };
}

/** 経過一覧 of a case, oldest first; the read is audited (counts only). */
export async function listProgressNotes(ctx: Ctx, caseId: string) {
  return inTransaction(ctx, async (tx) => {
    const { basis, kase, items } = await readTimeline(tx, caseId, 'list');
    await audit(tx, { action: 'progress_note.list', targetType: 'case', targetId: caseId, basis, details: { returned: items.length } });
    return {
      caseId,
      householdId: kase.household_id,
      householdLabel: kase.household_label,
      caseStatus: kase.status,
      leadAgencyName: kase.lead_agency_name,
      items,
    };
  });
}
