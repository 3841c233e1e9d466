import { authorize } from '../../platform/access/authorize.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { consultationFacts } from '../consultation.repo.js';
import { type AssessmentPayload, assessmentPayload } from './assessment-view.js';

/**
 * インテーク・アセスメントの閲覧: part of the consultation record, so whoever may read the
 * consultation (receiving agency, or another agency within the person's consent) may read it.
 * Audited with its basis, even when nothing has been assessed yet.
 */
export async function viewAssessment(ctx: Ctx, consultationId: string): Promise<AssessmentPayload> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const facts = (await consultationFacts(tx.db, mid, consultationId)) ?? { kind: 'consultation' as const, municipalityId: mid, id: consultationId };
    const basis = authorize(tx, 'read', facts, { auditAction: 'assessment.read' });
    const payload = await assessmentPayload(tx.db, mid, consultationId);
    await audit(tx, {
      action: 'assessment.read',
      targetType: 'consultation',
      targetId: consultationId,
      basis,
      details: { assessmentId: payload.assessment?.id ?? null, questionSetVersion: payload.assessment?.questionSet.version ?? null },
    });
    return payload;
  });
}
