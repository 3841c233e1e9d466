/** 指標の追加: a statutory indicator (actual counted from the records) or a custom one (actual entered by hand). */
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { newId } from '../../platform/db/ids.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import type { StatutoryIndicatorCode } from '../statutory-indicators.js';
import { authorizeTargetsWrite } from './targets-access.js';
import { loadIndicator, loadPlan, statutoryIndicator } from './targets.repo.js';

export type IndicatorInput = { statutoryCode: StatutoryIndicatorCode } | { label: string; unit: string };

export async function addIndicator(ctx: Ctx, planId: string, input: IndicatorInput) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorizeTargetsWrite(tx, 'plan_indicator.create', planId);
    const mid = tx.actor.municipalityId;
    await loadPlan(tx.db, mid, planId, { forUpdate: true });
    const statutory = 'statutoryCode' in input ? statutoryIndicator(input.statutoryCode) : undefined;
    const label = statutory?.label ?? ('label' in input ? input.label : '');
    const unit = statutory?.unit ?? ('unit' in input ? input.unit : '');
    const existing = await tx.db
      .selectFrom('plan_indicator')
      .select(['statutory_code', 'label'])
      .where('municipality_id', '=', mid)
      .where('plan_id', '=', planId)
      .execute();
    if (existing.some((e) => (statutory && e.statutory_code === statutory.code) || e.label === label)) {
      throw new AppError('duplicate', { fields: [{ path: statutory ? 'statutoryCode' : 'label', message: 'この計画にはすでに同じ指標があります。' }] });
    }
    const indicatorId = newId();
    await tx.db
      .insertInto('plan_indicator')
      .values({ municipality_id: mid, indicator_id: indicatorId, plan_id: planId, position: existing.length + 1, statutory_code: statutory?.code ?? null, label, unit, created_at: tx.now, updated_at: tx.now })
      .execute();
    await audit(tx, { action: 'plan_indicator.create', targetType: 'plan_indicator', targetId: indicatorId, basis, details: { planId, statutoryCode: statutory?.code ?? null } });
    return loadIndicator(tx.db, mid, indicatorId);
  });
}
