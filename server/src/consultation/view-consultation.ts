import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { consentHistory, consultationFacts, loadConsultation } from './consultation.repo.js';
import { type ConsultationView, toConsultationView } from './consultation-view.js';

/** 相談受付票の閲覧, audited with its basis (own agency, or the person's consent). */
export async function viewConsultation(ctx: Ctx, consultationId: string): Promise<ConsultationView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const facts = (await consultationFacts(tx.db, mid, consultationId)) ?? { kind: 'consultation' as const, municipalityId: mid, id: consultationId };
    const basis = authorize(tx, 'read', facts);
    const row = await loadConsultation(tx.db, mid, consultationId);
    if (!row) throw new AppError('not_found');
    await audit(tx, { action: 'consultation.read', targetType: 'consultation', targetId: consultationId, basis });
    return toConsultationView(row, await consentHistory(tx.db, mid, consultationId));
  });
}
