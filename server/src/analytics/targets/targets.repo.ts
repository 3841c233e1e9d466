/** 計画と目標: reading plans, their indicators and the yearly rows (target, manual actual, evaluation). */
import type { DbHandle } from '../../platform/db/database.js';
import type { WelfarePlanKind } from '../../platform/db/schema-analytics.js';
import { AppError } from '../../platform/http/errors.js';
import { STATUTORY_INDICATORS, type StatutoryIndicatorCode } from '../statutory-indicators.js';

export const PLAN_KINDS = ['implementation', 'community_welfare'] as const satisfies readonly WelfarePlanKind[];
export const PLAN_KIND_LABELS: Record<WelfarePlanKind, string> = {
  implementation: '重層的支援体制整備事業実施計画',
  community_welfare: '地域福祉計画',
};

export const STATUTORY_CODES = STATUTORY_INDICATORS.map((i) => i.code) as [StatutoryIndicatorCode, ...StatutoryIndicatorCode[]];

export function statutoryIndicator(code: string) {
  return STATUTORY_INDICATORS.find((i) => i.code === code);
}

export interface IndicatorRow {
  id: string;
  planId: string;
  position: number;
  statutoryCode: StatutoryIndicatorCode | null;
  label: string;
  unit: string;
  version: number;
}

export interface PlanRow {
  id: string;
  kind: WelfarePlanKind;
  kindLabel: string;
  name: string;
  fromFiscalYear: number;
  toFiscalYear: number;
  version: number;
}

export async function listPlanRows(db: DbHandle, mid: string): Promise<PlanRow[]> {
  const rows = await db
    .selectFrom('welfare_plan')
    .select(['plan_id', 'kind', 'name', 'from_fiscal_year', 'to_fiscal_year', 'version'])
    .where('municipality_id', '=', mid)
    .orderBy('from_fiscal_year', 'desc')
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.plan_id, kind: r.kind, kindLabel: PLAN_KIND_LABELS[r.kind], name: r.name, fromFiscalYear: r.from_fiscal_year, toFiscalYear: r.to_fiscal_year, version: r.version }));
}

export async function loadPlan(db: DbHandle, mid: string, planId: string, options: { forUpdate?: boolean } = {}): Promise<PlanRow> {
  let q = db.selectFrom('welfare_plan').select(['plan_id', 'kind', 'name', 'from_fiscal_year', 'to_fiscal_year', 'version']).where('municipality_id', '=', mid).where('plan_id', '=', planId);
  if (options.forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  if (!r) throw new AppError('not_found');
  return { id: r.plan_id, kind: r.kind, kindLabel: PLAN_KIND_LABELS[r.kind], name: r.name, fromFiscalYear: r.from_fiscal_year, toFiscalYear: r.to_fiscal_year, version: r.version };
}

export async function listIndicators(db: DbHandle, mid: string, planIds: readonly string[]): Promise<IndicatorRow[]> {
  if (planIds.length === 0) return [];
  const rows = await db
    .selectFrom('plan_indicator')
    .select(['indicator_id', 'plan_id', 'position', 'statutory_code', 'label', 'unit', 'version'])
    .where('municipality_id', '=', mid)
    .where('plan_id', 'in', planIds)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ id: r.indicator_id, planId: r.plan_id, position: r.position, statutoryCode: (r.statutory_code as StatutoryIndicatorCode | null) ?? null, label: r.label, unit: r.unit, version: r.version }));
}

export async function loadIndicator(db: DbHandle, mid: string, indicatorId: string): Promise<IndicatorRow> {
  const r = await db
    .selectFrom('plan_indicator')
    .select(['indicator_id', 'plan_id', 'position', 'statutory_code', 'label', 'unit', 'version'])
    .where('municipality_id', '=', mid)
    .where('indicator_id', '=', indicatorId)
    .executeTakeFirst();
  if (!r) throw new AppError('not_found');
  return { id: r.indicator_id, planId: r.plan_id, position: r.position, statutoryCode: (r.statutory_code as StatutoryIndicatorCode | null) ?? null, label: r.label, unit: r.unit, version: r.version };
}

export interface YearRow {
  indicatorId: string;
  target: number | null;
  manualActual: number | null;
  evaluation: string | null;
  updatedAt: Date;
  version: number;
}

export async function listYears(db: DbHandle, mid: string, indicatorIds: readonly string[], fiscalYear: number): Promise<Map<string, YearRow>> {
  if (indicatorIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('plan_indicator_year')
    .select(['indicator_id', 'target', 'manual_actual', 'evaluation', 'updated_at', 'version'])
    .where('municipality_id', '=', mid)
    .where('indicator_id', 'in', indicatorIds)
    .where('fiscal_year', '=', fiscalYear)
    .execute();
  return new Map(
    rows.map((r) => [r.indicator_id, { indicatorId: r.indicator_id, target: r.target, manualActual: r.manual_actual, evaluation: r.evaluation, updatedAt: r.updated_at, version: r.version }]),
  );
}

/** A unique-constraint violation (same plan name, same indicator twice) on either database. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}
