import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { readAudited } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { caseFactsAndRow } from './case.repo.js';
import { loadCaseTimeline } from './case-timeline.repo.js';

/** ケースの経過: everything around a case the reader may see, newest first; audited. */
export async function viewCaseTimeline(ctx: Ctx, caseId: string) {
  return readAudited(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const found = await caseFactsAndRow(tx.db, mid, caseId);
    const basis = authorize(tx, 'read', found?.facts ?? { kind: 'case', municipalityId: mid, id: caseId });
    if (!found) throw new AppError('not_found');
    const items = await loadCaseTimeline(tx.db, tx.actor, found.kase);
    await audit(tx, { action: 'case.timeline_read', targetType: 'case', targetId: caseId, basis, details: { returned: items.length } });
    return { caseId, items };
  });
}
