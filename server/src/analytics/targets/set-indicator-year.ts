/**
 * One 年度 of one indicator: the target, the actual for a custom indicator (a statutory one is counted
 * from the records, so an entered actual is refused), and the evaluation note (評価・改善, PDCA).
 * `version` 0 means "no row yet"; a stale version is a conflict.
 */
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { authorizeTargetsWrite } from './targets-access.js';
import { loadIndicator, loadPlan } from './targets.repo.js';

export interface IndicatorYearInput {
  target: number | null;
  manualActual: number | null;
  evaluation: string | null;
  version: number;
}

export async function setIndicatorYear(ctx: Ctx, indicatorId: string, fiscalYear: number, input: IndicatorYearInput) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorizeTargetsWrite(tx, 'plan_indicator_year.update', indicatorId);
    const mid = tx.actor.municipalityId;
    const indicator = await loadIndicator(tx.db, mid, indicatorId);
    const plan = await loadPlan(tx.db, mid, indicator.planId);
    if (fiscalYear < plan.fromFiscalYear || fiscalYear > plan.toFiscalYear) {
      throw new AppError('invalid', { fields: [{ path: 'fiscalYear', message: '計画期間の外の年度です。' }] });
    }
    if (indicator.statutoryCode !== null && input.manualActual !== null) {
      throw new AppError('invalid', { fields: [{ path: 'manualActual', message: '法定の指標の実績は記録から集計されるため、入力できません。' }] });
    }
    const values = { target: input.target, manual_actual: input.manualActual, evaluation: input.evaluation, updated_by_user_id: tx.actor.userId, updated_at: tx.now };
    let version: number;
    if (input.version === 0) {
      const res = await tx.db
        .insertInto('plan_indicator_year')
        .values({ municipality_id: mid, indicator_id: indicatorId, fiscal_year: fiscalYear, ...values, created_at: tx.now })
        .onConflict((oc) => oc.columns(['municipality_id', 'indicator_id', 'fiscal_year']).doNothing())
        .executeTakeFirst();
      if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) throw new AppError('conflict');
      version = 1;
    } else {
      const res = await tx.db
        .updateTable('plan_indicator_year')
        .set({ ...values, version: input.version + 1 })
        .where('municipality_id', '=', mid)
        .where('indicator_id', '=', indicatorId)
        .where('fiscal_year', '=', fiscalYear)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw new AppError('conflict');
      version = input.version + 1;
    }
    await audit(tx, {
      action: 'plan_indicator_year.update',
      targetType: 'plan_indicator',
      targetId: indicatorId,
      basis,
      details: { planId: plan.id, fiscalYear, target: input.target, manualActual: input.manualActual, evaluation: input.evaluation !== null },
    });
    return { indicatorId, fiscalYear, target: input.target, manualActual: input.manualActual, evaluation: input.evaluation, version };
  });
}
