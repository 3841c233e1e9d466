import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import type { AttemptKind, AttemptOutcome } from '../platform/db/schema-outreach.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { leadStepProblem, statusAfterAttempt } from './lead-rules.js';
import { getLeadRow, leadFactsOrUnknown } from './lead.repo.js';
import { type LeadView, loadLeadView } from './lead-view.js';

export interface RecordAttemptInput {
  occurredAt?: string | null | undefined;
  kind: AttemptKind;
  outcome: AttemptOutcome;
  note?: string | null | undefined;
}

const invalid = (path: string, message: string) => new AppError('invalid', { fields: [{ path, message }] });

/**
 * 訪問記録: a visit, call, letter, meeting or accompaniment and what came of it. 会えた turns an
 * 未接触 lead into 接触中. The attempt counts as contact for the つながり続ける cadence.
 */
export async function recordAttempt(ctx: Ctx, leadId: string, input: RecordAttemptInput): Promise<LeadView> {
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : ctx.now;
  if (Number.isNaN(occurredAt.getTime())) throw invalid('occurredAt', '日時を正しく入力してください。');
  if (occurredAt.getTime() > ctx.now.getTime() + 5 * 60_000) throw invalid('occurredAt', '未来の日時は記録できません。');
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const facts = await leadFactsOrUnknown(tx, leadId);
    const basis = authorize(tx, 'update', facts, { auditAction: 'contact_attempt.create' });
    const lead = await getLeadRow(tx.db, mid, leadId);
    const problem = leadStepProblem(lead.status, 'attempt');
    if (problem) throw invalid('status', problem);
    const agencyId = tx.actor.agencyIds.find((a) => facts.ownerAgencyIds?.includes(a) || facts.teamAgencyIds?.includes(a)) ?? tx.actor.agencyIds[0];
    if (!agencyId) throw new AppError('forbidden');
    const attemptId = newId();
    await tx.db
      .insertInto('contact_attempt')
      .values({ municipality_id: mid, attempt_id: attemptId, lead_id: leadId, occurred_at: occurredAt, kind: input.kind, outcome: input.outcome, note: input.note ?? null, agency_id: agencyId, recorded_by_user_id: tx.actor.userId, created_at: tx.now, updated_at: tx.now })
      .execute();
    // The lead's version moves with every attempt so that an edit made on a stale page conflicts.
    const status = statusAfterAttempt(lead.status, input.outcome);
    await tx.db
      .updateTable('outreach_lead')
      .set((eb) => ({ status, updated_at: tx.now, version: eb('version', '+', 1) }))
      .where('municipality_id', '=', mid)
      .where('lead_id', '=', leadId)
      .execute();
    await audit(tx, { action: 'contact_attempt.create', targetType: 'outreach_lead', targetId: leadId, basis, details: { attemptId, kind: input.kind, outcome: input.outcome, status } });
    return loadLeadView(tx, leadId, true);
  });
}
