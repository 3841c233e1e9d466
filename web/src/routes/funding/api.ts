/** 交付金・経費按分 on the server: types, queries, mutations. The server decides who may do what. */
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Role } from '../../lib/me';

/** Who sees the page (the server checks again): municipal configuration. */
export const FUNDING_ROLES: readonly Role[] = ['municipal_admin', 'system_admin'];
export const PARTS = ['houkatsu_soudan', 'chiiki_dukuri', 'aratana_kinou'] as const;
export const SILOS = ['kaigo', 'shougai', 'kodomo', 'konkyu'] as const;
export const PAYERS = ['kuni', 'todofuken', 'shichoson', 'hoken1', 'hoken2'] as const;
export const KEYS = ['consultations', 'hours', 'persons', 'staff'] as const;
export const COST_KINDS = ['staff', 'contract', 'other'] as const;
export const ROUNDINGS = ['none', 'floor_1000', 'round_1000', 'floor_10000'] as const;
export type Part = (typeof PARTS)[number];
export type Silo = (typeof SILOS)[number];
export type Payer = (typeof PAYERS)[number];
export type AllocationKey = (typeof KEYS)[number];

export interface Ratios {
  denominator: number;
  kuni: number;
  todofuken: number;
  shichoson: number;
  hoken1: number;
  hoken2: number;
}
export interface Rate {
  rateId: string;
  fiscalYear: number;
  part: Part;
  silo: Silo;
  populationFrom: number;
  populationTo: number | null;
  versionNo: number;
  baseAmountYen: number | null;
  ratios: Ratios;
  rounding: (typeof ROUNDINGS)[number];
  isSample: boolean;
  note: string;
  createdAt: string;
}
export interface Rates {
  fiscalYear: number;
  population: number;
  current: Rate[];
  history: Rate[];
}
export interface CostHours {
  part: Part;
  silo: Silo;
  hours: number;
}
export interface Cost {
  costId: string;
  fiscalYear: number;
  kind: (typeof COST_KINDS)[number];
  label: string;
  agencyId: string | null;
  agencyName: string | null;
  part: Part;
  amountYen: number;
  note: string;
  version: number;
  hours: CostHours[];
}
export interface Costs {
  fiscalYear: number;
  totalYen: number;
  costs: Cost[];
  agencies: { agencyId: string; name: string; silo: Silo | null }[];
}
export type PayerYen = Record<Payer, number>;
export interface Claim {
  part: Part;
  silo: Silo;
  allocatedYen: number;
  rateId: string | null;
  rateVersionNo: number | null;
  baseAmountYen: number | null;
  rounding: string | null;
  isSample: boolean;
  claimedYen: number;
  payers: PayerYen | null;
}
export interface RunLine {
  lineNo: number;
  costId: string;
  costKind: string;
  costLabel: string;
  costAmountYen: number;
  part: Part;
  silo: Silo;
  weight: number;
  weightTotal: number;
  amountYen: number;
}
export interface RunKey {
  part: Part | null;
  silo: Silo;
  costId: string | null;
  sourceId: string | null;
  sourceLabel: string;
  count: number;
}
export interface Run {
  runId: string;
  fiscalYear: number;
  key: AllocationKey;
  createdAt: string;
  population: number;
  newConsultations: number;
  totalCostYen: number;
  allocatedYen: number;
  claimedYen: number;
  payerTotals: PayerYen;
  insuranceTransferYen: number;
  costPerNewConsultationYen: number | null;
  newConsultationsPer100k: number | null;
  claims: Claim[];
  lines: RunLine[];
  keys: RunKey[];
}

export const ratesQuery = (fiscalYear: number) =>
  queryOptions({ queryKey: ['funding', 'rates', fiscalYear], queryFn: ({ signal }) => api.get<Rates>('/funding/rates', { fiscalYear }, signal) });
export const costsQuery = (fiscalYear: number) =>
  queryOptions({ queryKey: ['funding', 'costs', fiscalYear], queryFn: ({ signal }) => api.get<Costs>('/funding/costs', { fiscalYear }, signal) });
export const runsQuery = (fiscalYear: number) =>
  queryOptions({
    queryKey: ['funding', 'runs', fiscalYear],
    queryFn: ({ signal }) => api.get<{ runs: { runId: string; key: AllocationKey; createdAt: string; totalCostYen: number }[] }>('/funding/runs', { fiscalYear }, signal),
  });
export const runQuery = (runId: string) =>
  queryOptions({ queryKey: ['funding', 'run', runId], queryFn: ({ signal }) => api.get<Run>(`/funding/runs/${encodeURIComponent(runId)}`, undefined, signal) });

export type RateInput = Omit<Rate, 'rateId' | 'versionNo' | 'createdAt'> & { expectedVersionNo: number };
export type CostInput = Omit<Cost, 'costId' | 'version' | 'agencyName'>;
export const saveRate = (input: RateInput) => api.post<Rate>('/funding/rates', input);
export const createCost = (input: CostInput) => api.post<Cost>('/funding/costs', input);
export const updateCost = (costId: string, input: CostInput & { version: number }) => api.put<Cost>(`/funding/costs/${encodeURIComponent(costId)}`, input);
export const deleteCost = (costId: string, version: number) => api.delete<null>(`/funding/costs/${encodeURIComponent(costId)}?version=${version}`);
export const runAllocation = (input: { fiscalYear: number; key: AllocationKey }) => api.post<Run>('/funding/runs', input);
export const xlsxUrl = (runId: string) => `/api/v1/funding/runs/${encodeURIComponent(runId)}/xlsx`;

export function fundingChanged(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['funding'] });
}

/** 年度 of a day in Japan (April–March). */
export function fiscalYearOf(date: Date): number {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit' }).format(date).split('-').map(Number);
  return (m ?? 1) >= 4 ? (y ?? 0) : (y ?? 0) - 1;
}
