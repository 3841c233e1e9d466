/** 見える化 on the server: the dashboard's types and query. Counts only; the server decides who may see them. */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const JIGYO_CODES = ['soudan', 'tajikan', 'outreach', 'sanka', 'chiiki'] as const;
export type JigyoCode = (typeof JIGYO_CODES)[number];

export interface DashboardFilters {
  fiscalYear: number;
  month: string | null;
  areaId: string | null;
  agencyId: string | null;
  jigyo: JigyoCode | null;
  noContactDays: number;
}

interface Days {
  cases: number;
  medianDays: number | null;
  p90Days: number | null;
}

export interface Dashboard {
  fiscalYear: number;
  month: string | null;
  from: string;
  to: string;
  options: { areas: Array<{ id: string; name: string }>; agencies: Array<{ id: string; name: string }> };
  months: string[];
  statutory: Array<{ code: string; label: string; unit: string; jigyo: JigyoCode; value: number; months: Array<{ month: string; value: number }> }>;
  collaboration: Record<string, number> | null;
  meetings: Array<{ meetingTypeId: string; name: string; meetings: number; cases: number; casesPerMeeting: number }> | null;
  outreach: Record<string, number> | null;
  referrals: {
    total: number;
    byStatus: Array<{ status: string; count: number }>;
    pairs: Array<{ fromAgencyId: string; fromName: string; toAgencyId: string; toName: string; count: number }>;
  } | null;
  timings: { toOwner: Days; toPlan: Days } | null;
  cooccurrence: { categories: Array<{ code: string; label: string }>; cells: Array<{ a: string; b: string; households: number }> } | null;
  noContact: { days: number; asOf: string; openCases: number; noContact: number; byAgency: Array<{ agencyId: string; name: string; openCases: number; noContact: number }> } | null;
  activity: Array<{ jigyo: JigyoCode; label: string; records: number }>;
  zeroActivity: JigyoCode[];
}

export const dashboardQueryOptions = (f: DashboardFilters) =>
  queryOptions({
    queryKey: ['analytics', 'dashboard', f],
    queryFn: ({ signal }) =>
      api.get<Dashboard>(
        '/analytics/dashboard',
        {
          fiscalYear: String(f.fiscalYear),
          ...(f.month ? { month: f.month } : {}),
          ...(f.areaId ? { areaId: f.areaId } : {}),
          ...(f.agencyId ? { agencyId: f.agencyId } : {}),
          ...(f.jigyo ? { jigyo: f.jigyo } : {}),
          noContactDays: String(f.noContactDays),
        },
        signal,
      ),
    placeholderData: (previous) => previous,
    retry: false,
  });

/** 年度 (April–March) of a day, and its twelve months as 'YYYY-MM'. */
export function fiscalYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 4 ? year : year - 1;
}
export function fiscalMonths(fy: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((i + 3) % 12) + 1;
    return `${i < 9 ? fy : fy + 1}-${String(month).padStart(2, '0')}`;
  });
}
