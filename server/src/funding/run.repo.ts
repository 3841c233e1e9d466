/** A stored 按分 run read back as it was made (claims, lines, key counts) and its totals. */
import type { DbHandle } from '../platform/db/database.js';
import type { RoundingRule } from './allocate.js';
import { unitFigures } from './compute-run.js';
import { type AllocationKey, type CostKind, type GrantPart, PAYERS, type Payer, type Silo } from './funding-codes.js';
import { optYen, yen } from './funding.repo.js';

export async function loadRun(db: DbHandle, mid: string, runId: string) {
  const run = await db.selectFrom('funding_run').selectAll().where('municipality_id', '=', mid).where('run_id', '=', runId).executeTakeFirst();
  if (!run) return null;
  const [claims, lines, keys] = await Promise.all([
    db.selectFrom('funding_run_claim').selectAll().where('municipality_id', '=', mid).where('run_id', '=', runId).execute(),
    db.selectFrom('funding_run_line').selectAll().where('municipality_id', '=', mid).where('run_id', '=', runId).orderBy('line_no').execute(),
    db.selectFrom('funding_run_key').selectAll().where('municipality_id', '=', mid).where('run_id', '=', runId).orderBy('key_no').execute(),
  ]);
  const claimViews = claims.map((c) => {
    const payers =
      c.kuni_yen === null
        ? null
        : { kuni: yen(c.kuni_yen), todofuken: yen(c.todofuken_yen ?? 0), shichoson: yen(c.shichoson_yen ?? 0), hoken1: yen(c.hoken1_yen ?? 0), hoken2: yen(c.hoken2_yen ?? 0) };
    return {
      part: c.part as GrantPart,
      silo: c.silo as Silo,
      allocatedYen: yen(c.allocated_yen),
      rateId: c.rate_id,
      rateVersionNo: c.rate_version_no,
      baseAmountYen: optYen(c.base_amount_yen),
      rounding: c.rounding as RoundingRule | null,
      isSample: c.is_sample,
      claimedYen: yen(c.claimed_yen),
      payers,
    };
  });
  const order = (p: string, s: string) => `${['houkatsu_soudan', 'chiiki_dukuri', 'aratana_kinou'].indexOf(p)}${['kaigo', 'shougai', 'kodomo', 'konkyu'].indexOf(s)}`;
  claimViews.sort((a, b) => order(a.part, a.silo).localeCompare(order(b.part, b.silo)));
  const payerTotals = Object.fromEntries(PAYERS.map((p) => [p, claimViews.reduce((s, c) => s + (c.payers?.[p] ?? 0), 0)])) as Record<Payer, number>;
  const newConsultations = run.new_consultations;
  const totalCostYen = yen(run.total_cost_yen);
  const unit = unitFigures(totalCostYen, newConsultations, run.population);
  return {
    runId: run.run_id,
    fiscalYear: run.fiscal_year,
    key: run.allocation_key as AllocationKey,
    createdAt: new Date(run.created_at).toISOString(),
    population: run.population,
    newConsultations,
    totalCostYen,
    allocatedYen: claimViews.reduce((s, c) => s + c.allocatedYen, 0),
    claimedYen: claimViews.reduce((s, c) => s + c.claimedYen, 0),
    payerTotals,
    insuranceTransferYen: claimViews.filter((c) => c.silo === 'kaigo').reduce((s, c) => s + (c.payers ? c.payers.hoken1 + c.payers.hoken2 : 0), 0),
    costPerNewConsultationYen: unit.costPerNewConsultationYen,
    newConsultationsPer100k: unit.newConsultationsPer100kTenths === null ? null : unit.newConsultationsPer100kTenths / 10,
    claims: claimViews,
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      costId: l.cost_id,
      costKind: l.cost_kind as CostKind,
      costLabel: l.cost_label,
      costAmountYen: yen(l.cost_amount_yen),
      part: l.part as GrantPart,
      silo: l.silo as Silo,
      weight: yen(l.weight),
      weightTotal: yen(l.weight_total),
      amountYen: yen(l.amount_yen),
    })),
    keys: keys.map((k) => ({ part: k.part as GrantPart | null, silo: k.silo as Silo, costId: k.cost_id, sourceId: k.source_id, sourceLabel: k.source_label, count: yen(k.key_count) })),
  };
}
export type LoadedRun = NonNullable<Awaited<ReturnType<typeof loadRun>>>;
