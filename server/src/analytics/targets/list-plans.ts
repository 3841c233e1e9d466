/** 計画の一覧 with their indicators. */
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { authorizeTargetsRead, canEditTargets } from './targets-access.js';
import { listIndicators, listPlanRows } from './targets.repo.js';

export async function listPlans(ctx: Ctx) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorizeTargetsRead(tx, 'welfare_plan.list');
    const mid = tx.actor.municipalityId;
    const plans = await listPlanRows(tx.db, mid);
    const indicators = await listIndicators(tx.db, mid, plans.map((p) => p.id));
    await audit(tx, { action: 'welfare_plan.list', targetType: 'welfare_plan', basis, details: { plans: plans.length } });
    return { canEdit: canEditTargets(tx), items: plans.map((p) => ({ ...p, indicators: indicators.filter((i) => i.planId === p.id) })) };
  });
}
