/** 都道府県の集計: GET /api/v1/analytics/prefecture (counts only; null = hidden). */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export const INDICATORS = ['consultations', 'participation_persons', 'participation_hosts', 'community_places', 'community_participants', 'community_organizations'] as const;
export type Indicator = (typeof INDICATORS)[number];
export type Counts = Record<Indicator, number | null>;

export interface PrefectureView {
  prefectureCode: string;
  prefectureName: string;
  fiscalYear: number;
  month: string | null;
  from: string;
  to: string;
  threshold: number;
  rows: Array<{ code: string; name: string; population: number; values: Counts }>;
  totals: Counts;
  suppressed: number;
}

export const prefectureQueryOptions = (fiscalYear: number, month: string | null) =>
  queryOptions({
    queryKey: ['analytics-prefecture', fiscalYear, month],
    queryFn: ({ signal }) => api.get<PrefectureView>('/analytics/prefecture', month ? { fiscalYear, month } : { fiscalYear }, signal),
    retry: false,
  });

/** The twelve months of a 年度, April first, as YYYY-MM. */
export function fiscalMonths(fy: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const year = i < 9 ? fy : fy + 1;
    return `${year}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`;
  });
}

export const fiscalYearOf = (day: string) => (Number(day.slice(5, 7)) >= 4 ? Number(day.slice(0, 4)) : Number(day.slice(0, 4)) - 1);
