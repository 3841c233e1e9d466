import { authorize } from '../../platform/access/authorize.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { loadVersionContent, planFacts } from './plan.repo.js';
import { diffPlanContent, type PlanDiff } from './plan-diff.js';

/** 第N版 → 第M版の変更点 (audited as a read of both versions). */
export async function diffPlanVersions(ctx: Ctx, planId: string, from: number, to: number): Promise<{ planId: string; from: number; to: number; diff: PlanDiff }> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const { plan, facts } = await planFacts(tx.db, mid, planId);
    const basis = authorize(tx, 'read', facts);
    if (!plan) throw new AppError('not_found');
    const before = await loadVersionContent(tx.db, mid, planId, from);
    const after = await loadVersionContent(tx.db, mid, planId, to);
    if (!before || !after) throw new AppError('not_found', undefined, '指定された版が見つかりません。');
    await audit(tx, { action: 'plan.diff', targetType: 'plan', targetId: planId, basis, details: { from, to } });
    return { planId, from, to, diff: diffPlanContent(before.content, after.content) };
  });
}
