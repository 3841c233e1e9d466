/**
 * 都道府県の集計: the six statutory indicators for every municipality of the analyst's prefecture,
 * for a 年度 (or one month of it), with small counts hidden. Counts only: no record, no name of a
 * person ever leaves here.
 */
import { fiscalMonths, fiscalYearOf, fiscalYearPeriod } from '../../community/kpi.js';
import { isoDayInJapan } from '../../consultation/japanese/japanese-date.js';
import { authorize } from '../../platform/access/authorize.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { DEFAULT_SMALL_CELL_THRESHOLD } from '../../platform/export/suppression.js';
import { smallCellThreshold } from '../../platform/export/suppression-setting.js';
import { statutoryIndicatorActuals } from '../statutory-indicators.js';
import { municipalitiesOfPrefecture, prefectureOf } from './prefecture.repo.js';
import { INDICATOR_CODES, suppressPrefectureTable } from './prefecture-table.js';

export interface PrefectureQuery {
  fiscalYear?: number | undefined;
  /** 'YYYY-MM', a month of the 年度. */
  month?: string | undefined;
}

export async function viewPrefecture(ctx: Ctx, query: PrefectureQuery) {
  return inTransaction(ctx, async (tx) => {
    const fiscalYear = query.fiscalYear ?? fiscalYearOf(isoDayInJapan(tx.now));
    const month = query.month ? fiscalMonths(fiscalYear).find((m) => m.month === query.month) : undefined;
    if (query.month && !month) throw new AppError('invalid', { fields: [{ path: 'month', message: '年度の中の月を指定してください。' }] });
    const period = month ?? fiscalYearPeriod(fiscalYear);

    // The aggregate policy lets a prefecture analyst read the aggregates of ANY municipality (its only
    // cross-municipal path). This view narrows that to the municipalities of the analyst's own
    // prefecture (the prefecture_code of the analyst's municipality); another prefecture's
    // municipalities are never loaded, let alone counted.
    const prefecture = await prefectureOf(tx.db, tx.actor.municipalityId);
    const municipalities = (await municipalitiesOfPrefecture(tx.db, prefecture.code)).filter((m) => m.prefectureCode === prefecture.code);
    // Every municipality is authorized on its own: an actor who may not read one of them (a
    // municipal administrator looking past their municipality) gets nothing.
    let basis = '';
    for (const m of municipalities) basis = authorize(tx, 'read', { kind: 'aggregate', municipalityId: m.municipalityId }, { auditAction: 'analytics.prefecture' });

    const counted = [];
    for (const m of municipalities) counted.push({ code: m.code, name: m.name, population: m.population, counts: await statutoryIndicatorActuals(tx.db, m.municipalityId, period) });
    // Each municipality sets what may leave it (analytics_setting, default 5): the strictest applies.
    const thresholds: number[] = [];
    for (const m of municipalities) thresholds.push(await smallCellThreshold(tx.db, m.municipalityId));
    const threshold = thresholds.length > 0 ? Math.max(...thresholds) : DEFAULT_SMALL_CELL_THRESHOLD;
    const table = suppressPrefectureTable(counted, threshold);

    await audit(tx, {
      action: 'analytics.prefecture',
      targetType: 'aggregate',
      basis,
      details: { prefectureCode: prefecture.code, fiscalYear, month: month?.month ?? null, municipalities: municipalities.map((m) => m.code), suppressed: table.suppressed },
    });
    return {
      prefectureCode: prefecture.code,
      prefectureName: prefecture.name,
      fiscalYear,
      month: month?.month ?? null,
      from: period.from,
      to: period.to,
      threshold,
      indicators: [...INDICATOR_CODES],
      ...table,
    };
  });
}
