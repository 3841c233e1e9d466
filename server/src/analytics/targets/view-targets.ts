/**
 * 目標と実績 of one plan for one 年度: per indicator the target, the actual (statutory indicators counted
 * from the records by analytics/statutory-indicators.ts; custom ones as entered), 達成率 and the
 * evaluation note. For the current 年度 the actual runs up to today (`asOf`); a future 年度 has none yet.
 */
import { isoDayInJapan } from '../../consultation/japanese/japanese-date.js';
import { fiscalYearOf, fiscalYearPeriod } from '../../community/kpi.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { statutoryIndicatorActuals } from '../statutory-indicators.js';
import { authorizeTargetsRead, canEditTargets } from './targets-access.js';
import { listIndicators, listYears, loadPlan } from './targets.repo.js';

/** 達成率 in percent with one decimal, or null without a target (or with a target of 0). */
export function achievement(actual: number | null, target: number | null): number | null {
  if (actual === null || target === null || target === 0) return null;
  return Math.round((actual / target) * 1000) / 10;
}

export async function viewTargets(ctx: Ctx, planId: string, requestedYear?: number) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorizeTargetsRead(tx, 'welfare_plan.read', planId);
    const mid = tx.actor.municipalityId;
    const plan = await loadPlan(tx.db, mid, planId);
    const today = isoDayInJapan(tx.now);
    const fiscalYear = requestedYear ?? Math.min(plan.toFiscalYear, Math.max(plan.fromFiscalYear, fiscalYearOf(today)));
    if (fiscalYear < plan.fromFiscalYear || fiscalYear > plan.toFiscalYear) {
      throw new AppError('invalid', { fields: [{ path: 'fiscalYear', message: '計画期間の外の年度です。' }] });
    }
    const period = fiscalYearPeriod(fiscalYear);
    const started = period.from <= today;
    const asOf = started ? [today, period.to].sort()[0]! : null; // the earlier of today and the end of the 年度
    const indicators = await listIndicators(tx.db, mid, [planId]);
    const years = await listYears(tx.db, mid, indicators.map((i) => i.id), fiscalYear);
    const counted = asOf !== null && indicators.some((i) => i.statutoryCode !== null) ? await statutoryIndicatorActuals(tx.db, mid, { from: period.from, to: asOf }) : null;
    const rows = indicators.map((i) => {
      const year = years.get(i.id);
      const actual = i.statutoryCode !== null ? (counted?.[i.statutoryCode] ?? null) : (year?.manualActual ?? null);
      const target = year?.target ?? null;
      return {
        indicatorId: i.id,
        statutoryCode: i.statutoryCode,
        label: i.label,
        unit: i.unit,
        target,
        actual,
        actualSource: i.statutoryCode !== null ? ('records' as const) : ('manual' as const),
        achievement: achievement(actual, target),
        evaluation: year?.evaluation ?? null,
        version: year?.version ?? 0,
      };
    });
    await audit(tx, { action: 'welfare_plan.read', targetType: 'welfare_plan', targetId: planId, basis, details: { fiscalYear, indicators: rows.length } });
    return { plan, fiscalYear, from: period.from, to: period.to, asOf, canEdit: canEditTargets(tx), rows };
  });
}
