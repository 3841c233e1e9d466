import { authorize } from '../../platform/access/authorize.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { newId } from '../../platform/db/ids.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import type { PlanContentInput } from './plan-content.js';
import { actingAgencyFor, insertVersion, planCaseFacts } from './plan.repo.js';
import { checkedContent, contentStats, invalid } from './plan-rules.js';
import { loadPlanView, type PlanView } from './plan-view.js';

export interface CreatePlanInput {
  content: PlanContentInput;
  changeNote?: string | null | undefined;
  /** 再プラン: the closed (終結) or suspended (中断) plan of the same case this one follows. */
  replacesPlanId?: string | null | undefined;
}

/**
 * 支援プランを作成: the first version (第1版) of a plan for an open case. A case has at most one plan
 * in force; 再プラン names the ended plan it follows.
 */
export async function createPlan(ctx: Ctx, caseId: string, input: CreatePlanInput): Promise<PlanView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const facts = await planCaseFacts(tx.db, mid, caseId);
    const basis = authorize(tx, 'create', facts, { auditAction: 'plan.create' });
    const kase = await tx.db.selectFrom('support_case').selectAll().where('municipality_id', '=', mid).where('case_id', '=', caseId).executeTakeFirst();
    if (!kase) throw new AppError('not_found');
    if (kase.status !== 'open') throw invalid('caseId', '終結したケースには支援プランを作成できません。');
    const active = await tx.db
      .selectFrom('support_plan')
      .select('plan_id')
      .where('municipality_id', '=', mid)
      .where('case_id', '=', caseId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (active) throw new AppError('conflict', { planId: active.plan_id }, 'このケースには実施中の支援プランがあります。新しい版を作成するか、終結・中断してから再プランしてください。');
    if (input.replacesPlanId) {
      const old = await tx.db
        .selectFrom('support_plan')
        .select(['case_id', 'status'])
        .where('municipality_id', '=', mid)
        .where('plan_id', '=', input.replacesPlanId)
        .executeTakeFirst();
      if (!old || old.case_id !== caseId) throw invalid('replacesPlanId', '再プランの元になる支援プランは、同じケースのものを選んでください。');
      if (old.status !== 'closed' && old.status !== 'suspended') throw invalid('replacesPlanId', '再プランできるのは終結または中断した支援プランです。');
      const already = await tx.db.selectFrom('support_plan').select('plan_id').where('municipality_id', '=', mid).where('replaces_plan_id', '=', input.replacesPlanId).executeTakeFirst();
      if (already) throw new AppError('conflict', { planId: already.plan_id }, 'この支援プランはすでに再プランされています。');
    }
    const content = await checkedContent(tx, kase, input.content);
    const planId = newId();
    await tx.db
      .insertInto('support_plan')
      .values({
        municipality_id: mid,
        plan_id: planId,
        case_id: caseId,
        status: 'active',
        current_version: 1,
        replaces_plan_id: input.replacesPlanId ?? null,
        created_by_user_id: tx.actor.userId,
        created_at: tx.now,
        updated_at: tx.now,
      })
      .execute();
    const agencyId = actingAgencyFor(tx.actor.agencyIds, facts);
    await insertVersion(tx.db, { municipalityId: mid, planId, versionNo: 1, content, changeNote: input.changeNote ?? null, userId: tx.actor.userId, agencyId, at: tx.now });
    await audit(tx, {
      action: 'plan.create',
      targetType: 'plan',
      targetId: planId,
      basis,
      details: { caseId, versionNo: 1, replacesPlanId: input.replacesPlanId ?? null, ...contentStats(content) },
    });
    return loadPlanView(tx, planId, { ...facts, id: planId });
  });
}
