/** 計画の登録: a plan with its period and, by default, the six statutory indicators. */
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { newId } from '../../platform/db/ids.js';
import type { WelfarePlanKind } from '../../platform/db/schema-analytics.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { STATUTORY_INDICATORS, type StatutoryIndicatorCode } from '../statutory-indicators.js';
import { authorizeTargetsWrite } from './targets-access.js';
import { loadPlan } from './targets.repo.js';

export interface PlanInput {
  kind: WelfarePlanKind;
  name: string;
  fromFiscalYear: number;
  toFiscalYear: number;
}

export async function assertNameFree(ctx: Ctx, name: string, exceptPlanId?: string): Promise<void> {
  let q = ctx.db.selectFrom('welfare_plan').select('plan_id').where('municipality_id', '=', ctx.actor.municipalityId).where('name', '=', name);
  if (exceptPlanId) q = q.where('plan_id', '!=', exceptPlanId);
  if (await q.executeTakeFirst()) throw new AppError('duplicate', { fields: [{ path: 'name', message: '同じ名前の計画がすでにあります。' }] });
}

export async function createPlan(ctx: Ctx, input: PlanInput & { statutoryCodes?: StatutoryIndicatorCode[] | undefined }) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorizeTargetsWrite(tx, 'welfare_plan.create');
    const mid = tx.actor.municipalityId;
    await assertNameFree(tx, input.name);
    const planId = newId();
    await tx.db
      .insertInto('welfare_plan')
      .values({ municipality_id: mid, plan_id: planId, kind: input.kind, name: input.name, from_fiscal_year: input.fromFiscalYear, to_fiscal_year: input.toFiscalYear, created_at: tx.now, updated_at: tx.now })
      .execute();
    const codes = input.statutoryCodes ?? STATUTORY_INDICATORS.map((i) => i.code);
    const indicators = STATUTORY_INDICATORS.filter((i) => codes.includes(i.code));
    if (indicators.length > 0) {
      await tx.db
        .insertInto('plan_indicator')
        .values(indicators.map((i, n) => ({ municipality_id: mid, indicator_id: newId(), plan_id: planId, position: n + 1, statutory_code: i.code, label: i.label, unit: i.unit, created_at: tx.now, updated_at: tx.now })))
        .execute();
    }
    await audit(tx, { action: 'welfare_plan.create', targetType: 'welfare_plan', targetId: planId, basis, details: { kind: input.kind, from: input.fromFiscalYear, to: input.toFiscalYear, indicators: indicators.length } });
    return loadPlan(tx.db, mid, planId);
  });
}
