/** 計画の変更 (name, kind, period) with optimistic concurrency. */
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { assertNameFree, type PlanInput } from './create-plan.js';
import { authorizeTargetsWrite } from './targets-access.js';
import { loadPlan } from './targets.repo.js';

export async function updatePlan(ctx: Ctx, planId: string, input: PlanInput & { version: number }) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorizeTargetsWrite(tx, 'welfare_plan.update', planId);
    const mid = tx.actor.municipalityId;
    await loadPlan(tx.db, mid, planId);
    await assertNameFree(tx, input.name, planId);
    const res = await tx.db
      .updateTable('welfare_plan')
      .set({ kind: input.kind, name: input.name, from_fiscal_year: input.fromFiscalYear, to_fiscal_year: input.toFiscalYear, updated_at: tx.now, version: input.version + 1 })
      .where('municipality_id', '=', mid)
      .where('plan_id', '=', planId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('conflict');
    await audit(tx, { action: 'welfare_plan.update', targetType: 'welfare_plan', targetId: planId, basis, details: { kind: input.kind, from: input.fromFiscalYear, to: input.toFiscalYear } });
    return loadPlan(tx.db, mid, planId);
  });
}
