import { authorize } from '../../platform/access/authorize.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import type { PlanContentInput } from './plan-content.js';
import { actingAgencyFor, insertVersion, planFacts } from './plan.repo.js';
import { checkedContent, contentStats, invalid } from './plan-rules.js';
import { loadPlanView, type PlanView } from './plan-view.js';

export interface RevisePlanInput {
  /** support_plan.version as read; a stale one is a conflict. */
  version: number;
  content: PlanContentInput;
  /** 変更理由 */
  changeNote: string;
}

/**
 * 新しい版を作成: every change to a plan in force makes a new version from the full content; older
 * versions stay as they were. The version's actions are written as rows for reminders.
 */
export async function revisePlan(ctx: Ctx, planId: string, input: RevisePlanInput): Promise<PlanView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const { plan, facts } = await planFacts(tx.db, mid, planId);
    const basis = authorize(tx, 'update', facts, { auditAction: 'plan.revise' });
    if (!plan) throw new AppError('not_found');
    if (plan.status !== 'active') throw invalid('status', '終結・中断した支援プランは改訂できません。再プランしてください。');
    if (plan.version !== input.version) throw new AppError('conflict');
    const content = await checkedContent(tx, { case_id: plan.case_id, lead_agency_id: plan.lead_agency_id }, input.content);
    const versionNo = plan.current_version + 1;
    const updated = await tx.db
      .updateTable('support_plan')
      .set({ current_version: versionNo, version: plan.version + 1, updated_at: tx.now })
      .where('municipality_id', '=', mid)
      .where('plan_id', '=', planId)
      .where('version', '=', input.version)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('conflict');
    const agencyId = actingAgencyFor(tx.actor.agencyIds, facts);
    await insertVersion(tx.db, { municipalityId: mid, planId, versionNo, content, changeNote: input.changeNote, userId: tx.actor.userId, agencyId, at: tx.now });
    await audit(tx, { action: 'plan.revise', targetType: 'plan', targetId: planId, basis, details: { caseId: plan.case_id, versionNo, ...contentStats(content) } });
    return loadPlanView(tx, planId, facts);
  });
}
