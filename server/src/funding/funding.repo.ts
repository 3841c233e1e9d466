/** Reads of the funding tables (rates, costs) and their JSON views. Municipality id in every query. */
import type { Selectable } from 'kysely';
import type { DbHandle } from '../platform/db/database.js';
import type { FundingCostTable, FundingRateTable } from '../platform/db/schema-funding.js';
import type { RoundingRule } from './allocate.js';
import type { CostKind, GrantPart, Silo } from './funding-codes.js';

export const yen = (v: string | number | bigint): number => Number(v);
export const optYen = (v: string | number | bigint | null): number | null => (v === null ? null : Number(v));

export function rateView(r: Selectable<FundingRateTable>) {
  return {
    rateId: r.rate_id,
    fiscalYear: r.fiscal_year,
    part: r.part as GrantPart,
    silo: r.silo as Silo,
    populationFrom: r.population_from,
    populationTo: r.population_to,
    versionNo: r.version_no,
    baseAmountYen: optYen(r.base_amount_yen),
    ratios: { denominator: r.ratio_denominator, kuni: r.ratio_kuni, todofuken: r.ratio_todofuken, shichoson: r.ratio_shichoson, hoken1: r.ratio_hoken1, hoken2: r.ratio_hoken2 },
    rounding: r.rounding as RoundingRule,
    isSample: r.is_sample,
    note: r.note,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
export type RateView = ReturnType<typeof rateView>;

/** Every version of every rate of a 年度, oldest version first. */
export async function loadRates(db: DbHandle, mid: string, fiscalYear: number) {
  return db
    .selectFrom('funding_rate')
    .selectAll()
    .where('municipality_id', '=', mid)
    .where('fiscal_year', '=', fiscalYear)
    .orderBy('part')
    .orderBy('silo')
    .orderBy('population_from')
    .orderBy('version_no')
    .execute();
}

/** The versions in force: the highest version_no of each fiscal year × part × silo × bracket. */
export function currentOf<T extends { part: string; silo: string; population_from: number; version_no: number }>(rows: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const r of rows) {
    const k = `${r.part}:${r.silo}:${r.population_from}`;
    const seen = latest.get(k);
    if (!seen || seen.version_no < r.version_no) latest.set(k, r);
  }
  return [...latest.values()];
}

export interface CostRow {
  costId: string;
  fiscalYear: number;
  kind: CostKind;
  label: string;
  agencyId: string | null;
  agencyName: string | null;
  agencyKind: string | null;
  part: GrantPart;
  amountYen: number;
  note: string;
  version: number;
  hours: { part: GrantPart; silo: Silo; hours: number }[];
}

function costRow(c: Selectable<FundingCostTable> & { agency_name: string | null; agency_kind: string | null }, hours: CostRow['hours']): CostRow {
  return {
    costId: c.cost_id,
    fiscalYear: c.fiscal_year,
    kind: c.kind as CostKind,
    label: c.label,
    agencyId: c.agency_id,
    agencyName: c.agency_name,
    agencyKind: c.agency_kind,
    part: c.part as GrantPart,
    amountYen: yen(c.amount_yen),
    note: c.note,
    version: c.version,
    hours,
  };
}

/** The costs of a 年度 (or one cost), with their hours by 事業, in the order they were entered. */
export async function loadCosts(db: DbHandle, mid: string, filter: { fiscalYear: number } | { costId: string }): Promise<CostRow[]> {
  let q = db
    .selectFrom('funding_cost as c')
    .leftJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'c.municipality_id').onRef('a.agency_id', '=', 'c.agency_id'))
    .selectAll('c')
    .select(['a.name as agency_name', 'a.kind as agency_kind'])
    .where('c.municipality_id', '=', mid);
  q = 'costId' in filter ? q.where('c.cost_id', '=', filter.costId) : q.where('c.fiscal_year', '=', filter.fiscalYear);
  const costs = await q.orderBy('c.created_at').orderBy('c.cost_id').execute();
  if (costs.length === 0) return [];
  const hours = await db
    .selectFrom('funding_cost_hours')
    .select(['cost_id', 'part', 'silo', 'hours'])
    .where('municipality_id', '=', mid)
    .where(
      'cost_id',
      'in',
      costs.map((c) => c.cost_id),
    )
    .orderBy('part')
    .orderBy('silo')
    .execute();
  return costs.map((c) =>
    costRow(
      c,
      hours.filter((h) => h.cost_id === c.cost_id).map((h) => ({ part: h.part as GrantPart, silo: h.silo as Silo, hours: h.hours })),
    ),
  );
}
