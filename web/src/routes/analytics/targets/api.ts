/** 計画と目標 on the server: types, queries, mutations. The server decides who may do what. */
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Role } from '../../../lib/me';

/** Who sees the page (the server checks again); the 市町村管理者 changes plans and targets. */
export const TARGET_READERS: readonly Role[] = ['municipal_admin', 'coordinator'];
export const PLAN_KINDS = ['implementation', 'community_welfare'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export interface Plan {
  id: string;
  kind: PlanKind;
  kindLabel: string;
  name: string;
  fromFiscalYear: number;
  toFiscalYear: number;
  version: number;
}
export interface Indicator {
  id: string;
  planId: string;
  position: number;
  statutoryCode: string | null;
  label: string;
  unit: string;
  version: number;
}
export interface TargetRow {
  indicatorId: string;
  statutoryCode: string | null;
  label: string;
  unit: string;
  target: number | null;
  actual: number | null;
  actualSource: 'records' | 'manual';
  achievement: number | null;
  evaluation: string | null;
  version: number;
}
export interface Targets {
  plan: Plan;
  fiscalYear: number;
  from: string;
  to: string;
  asOf: string | null;
  canEdit: boolean;
  rows: TargetRow[];
}
export interface SmallCellSetting {
  threshold: number;
  version: number;
  canEdit: boolean;
}

const enc = encodeURIComponent;

export const plansQueryOptions = queryOptions({
  queryKey: ['analytics', 'plans'],
  queryFn: ({ signal }) => api.get<{ canEdit: boolean; items: (Plan & { indicators: Indicator[] })[] }>('/analytics/plans', undefined, signal),
});
export const targetsQueryOptions = (planId: string, fiscalYear: number) =>
  queryOptions({
    queryKey: ['analytics', 'targets', planId, fiscalYear],
    queryFn: ({ signal }) => api.get<Targets>(`/analytics/plans/${enc(planId)}/targets`, { fiscalYear }, signal),
  });
export const smallCellQueryOptions = queryOptions({
  queryKey: ['analytics', 'small-cell-threshold'],
  queryFn: ({ signal }) => api.get<SmallCellSetting>('/analytics/small-cell-threshold', undefined, signal),
});

export const createPlan = (input: { kind: PlanKind; name: string; fromFiscalYear: number; toFiscalYear: number }) => api.post<Plan>('/analytics/plans', input);
export const addIndicator = (planId: string, input: { label: string; unit: string }) => api.post<Indicator>(`/analytics/plans/${enc(planId)}/indicators`, input);
export const saveIndicatorYear = (indicatorId: string, fiscalYear: number, input: { target: number | null; manualActual: number | null; evaluation: string | null; version: number }) =>
  api.put<{ version: number }>(`/analytics/indicators/${enc(indicatorId)}/years/${fiscalYear}`, input);
export const saveSmallCellThreshold = (input: { threshold: number; version: number }) => api.put<SmallCellSetting>('/analytics/small-cell-threshold', input);

export function targetsChanged(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['analytics'] });
}
