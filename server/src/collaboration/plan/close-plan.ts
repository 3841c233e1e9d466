import { authorize } from '../../platform/access/authorize.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { isoDayInJapan } from '../../consultation/japanese/japanese-date.js';
import { planFacts } from './plan.repo.js';
import { invalid } from './plan-rules.js';
import { loadPlanView, type PlanView } from './plan-view.js';

export interface ClosePlanInput {
  version: number;
  /** 'closed' = 終結, 'suspended' = 中断 */
  outcome: 'closed' | 'suspended';
  reason: string;
  on?: string | null | undefined;
}

/** 終結 / 中断: ends the plan in force with a reason and date; a new plan may then follow (再プラン). */
export async function closePlan(ctx: Ctx, planId: string, input: ClosePlanInput): Promise<PlanView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const { plan, facts } = await planFacts(tx.db, mid, planId);
    const basis = authorize(tx, 'update', facts, { auditAction: 'plan.close' });
    if (!plan) throw new AppError('not_found');
    if (plan.status !== 'active') throw invalid('status', 'この支援プランはすでに終結または中断しています。');
    if (plan.version !== input.version) throw new AppError('conflict');
    const today = isoDayInJapan(tx.now);
    const on = input.on ?? today;
    if (on > today) throw invalid('on', '終結・中断の日に未来の日付は入力できません。');
    const updated = await tx.db
      .updateTable('support_plan')
      .set({ status: input.outcome, outcome_reason: input.reason, outcome_on: on, version: plan.version + 1, updated_at: tx.now })
      .where('municipality_id', '=', mid)
      .where('plan_id', '=', planId)
      .where('version', '=', input.version)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('conflict');
    await audit(tx, { action: `plan.${input.outcome === 'closed' ? 'close' : 'suspend'}`, targetType: 'plan', targetId: planId, basis, details: { caseId: plan.case_id, on } });
    return loadPlanView(tx, planId, facts);
  });
}
