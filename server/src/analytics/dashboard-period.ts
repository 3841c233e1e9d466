/** The dashboard's filters: 年度 (April–March) or one month of it, 圏域, agency and 事業. */
import { fiscalMonths, fiscalYearOf, fiscalYearPeriod } from '../community/kpi.js';
import { AppError } from '../platform/http/errors.js';
import type { Period, StatutoryIndicatorCode } from './statutory-indicators.js';

/** The five 事業 of 重層的支援体制整備事業 (社会福祉法106条の4). */
export const JIGYO = [
  { code: 'soudan', label: '包括的相談支援事業' },
  { code: 'tajikan', label: '多機関協働事業' },
  { code: 'outreach', label: 'アウトリーチ等を通じた継続的支援事業' },
  { code: 'sanka', label: '参加支援事業' },
  { code: 'chiiki', label: '地域づくりに向けた支援事業' },
] as const;
export type JigyoCode = (typeof JIGYO)[number]['code'];
export const JIGYO_CODES = JIGYO.map((j) => j.code) as [JigyoCode, ...JigyoCode[]];

/** Which 事業 each statutory indicator belongs to. */
export const INDICATOR_JIGYO: Record<StatutoryIndicatorCode, JigyoCode> = {
  consultations: 'soudan',
  participation_persons: 'sanka',
  participation_hosts: 'sanka',
  community_places: 'chiiki',
  community_participants: 'chiiki',
  community_organizations: 'chiiki',
};

export interface DashboardQuery {
  fiscalYear?: number | undefined;
  /** 'YYYY-MM', a month of the 年度. */
  month?: string | undefined;
  areaId?: string | undefined;
  agencyId?: string | undefined;
  jigyo?: JigyoCode | undefined;
  /** Cases with no contact for this many days (default 30). */
  noContactDays?: number | undefined;
}

export interface DashboardPeriod {
  fiscalYear: number;
  month: string | null;
  year: Period;
  months: Array<Period & { month: string }>;
  /** The period the counts are for: the 年度 or the chosen month. */
  period: Period;
  /** The day "no contact for N days" is measured at: the end of the period, or today if earlier. */
  asOf: string;
}

export function dashboardPeriod(query: DashboardQuery, today: string): DashboardPeriod {
  const fiscalYear = query.fiscalYear ?? (query.month ? fiscalYearOf(`${query.month}-01`) : fiscalYearOf(today));
  const year = fiscalYearPeriod(fiscalYear);
  const months = fiscalMonths(fiscalYear);
  let period: Period = year;
  if (query.month) {
    const m = months.find((x) => x.month === query.month);
    if (!m) throw new AppError('invalid', { fields: [{ path: 'month', message: '年度の中の月を選んでください。' }] });
    period = { from: m.from, to: m.to };
  }
  return { fiscalYear, month: query.month ?? null, year, months, period, asOf: today < period.to ? today : period.to };
}

/** Whether a group of indicators belongs to the chosen 事業 (every group without a 事業 filter). */
export function shows(query: DashboardQuery, ...jigyo: JigyoCode[]): boolean {
  return query.jigyo === undefined || jigyo.includes(query.jigyo);
}
