import { authorize } from '../../platform/access/authorize.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { isoDayInJapan } from '../../consultation/japanese/japanese-date.js';
import { planFacts } from './plan.repo.js';
import { invalid } from './plan-rules.js';
import { loadPlanView, type PlanView } from './plan-view.js';

/**
 * 完了にする: sets 完了日 on an action of the current version. The stored content of the version is
 * not changed (the action row carries it); the plan's version moves on, so a revision being edited
 * from the older reading gets a conflict instead of undoing the 完了.
 */
export async function markActionDone(ctx: Ctx, planId: string, versionNo: number, actionNo: number, input: { version: number; doneOn?: string | null | undefined }): Promise<PlanView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const { plan, facts } = await planFacts(tx.db, mid, planId);
    const basis = authorize(tx, 'update', facts, { auditAction: 'plan.action_done' });
    if (!plan) throw new AppError('not_found');
    if (plan.status !== 'active') throw invalid('status', '終結・中断した支援プランは変更できません。');
    if (versionNo !== plan.current_version) throw invalid('versionNo', '完了にできるのは現在の版の役割分担です。');
    if (plan.version !== input.version) throw new AppError('conflict');
    const today = isoDayInJapan(tx.now);
    const doneOn = input.doneOn ?? today;
    if (doneOn > today) throw invalid('doneOn', '完了日に未来の日付は入力できません。');
    const r = await tx.db
      .updateTable('support_plan_action')
      .set({ done_on: doneOn })
      .where('municipality_id', '=', mid)
      .where('plan_id', '=', planId)
      .where('version_no', '=', versionNo)
      .where('action_no', '=', actionNo)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('not_found', undefined, '役割分担が見つかりません。');
    const bumped = await tx.db
      .updateTable('support_plan')
      .set({ version: plan.version + 1, updated_at: tx.now })
      .where('municipality_id', '=', mid)
      .where('plan_id', '=', planId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(bumped.numUpdatedRows) === 0) throw new AppError('conflict');
    await audit(tx, { action: 'plan.action_done', targetType: 'plan', targetId: planId, basis, details: { versionNo, actionNo, doneOn } });
    return loadPlanView(tx, planId, facts);
  });
}
