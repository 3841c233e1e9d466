/**
 * 按分の実行: splits every cost of a 年度 by the chosen key (counts read from the records now), works
 * out the claim with the rates in force for the municipality's population, and stores the run with
 * its key counts and lines, so each yen can be traced back to a cost and the counts later on.
 */
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import type { RoundingRule } from './allocate.js';
import { computeRun, type RateInput } from './compute-run.js';
import { authorizeFunding } from './funding-access.js';
import type { AllocationKey, GrantPart, Silo } from './funding-codes.js';
import { currentOf, loadCosts, loadRates, optYen } from './funding.repo.js';
import { countNewConsultations, loadKeyCounts } from './run-keys.js';
import { loadRun } from './run.repo.js';

export async function runAllocation(ctx: Ctx, input: { fiscalYear: number; key: AllocationKey }) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorizeFunding(tx, 'update', 'funding.run.create');
    const mid = tx.actor.municipalityId;
    const { population } = await tx.db.selectFrom('municipality').select('population').where('municipality_id', '=', mid).executeTakeFirstOrThrow();
    const costs = await loadCosts(tx.db, mid, { fiscalYear: input.fiscalYear });
    if (costs.length === 0) {
      const message = 'この年度の経費が登録されていません。';
      throw new AppError('invalid', { fields: [{ path: 'fiscalYear', message }] }, message);
    }
    const keys = await loadKeyCounts(tx.db, mid, input.fiscalYear, input.key, costs);
    const inBracket = (await loadRates(tx.db, mid, input.fiscalYear)).filter((r) => r.population_from <= population && (r.population_to === null || population < r.population_to));
    const rates: RateInput[] = currentOf(inBracket).map((r) => ({
      rateId: r.rate_id,
      versionNo: r.version_no,
      part: r.part as GrantPart,
      silo: r.silo as Silo,
      baseAmountYen: optYen(r.base_amount_yen),
      ratios: { kuni: r.ratio_kuni, todofuken: r.ratio_todofuken, shichoson: r.ratio_shichoson, hoken1: r.ratio_hoken1, hoken2: r.ratio_hoken2 },
      rounding: r.rounding as RoundingRule,
      isSample: r.is_sample,
    }));
    const newConsultations = await countNewConsultations(tx.db, mid, input.fiscalYear);
    const result = computeRun({ key: input.key, costs, keys, rates, newConsultations, population });
    const runId = newId();
    const stamp = { created_at: tx.now, updated_at: tx.now };
    await tx.db
      .insertInto('funding_run')
      .values({ municipality_id: mid, run_id: runId, fiscal_year: input.fiscalYear, allocation_key: input.key, population, new_consultations: newConsultations, total_cost_yen: result.totalCostYen, created_by_user_id: tx.actor.userId, ...stamp })
      .execute();
    if (keys.length > 0) {
      await tx.db
        .insertInto('funding_run_key')
        .values(keys.map((k, i) => ({ municipality_id: mid, run_id: runId, key_no: i + 1, part: k.part, silo: k.silo, cost_id: k.costId, source_id: k.sourceId, source_label: k.sourceLabel, key_count: k.count, ...stamp })))
        .execute();
    }
    if (result.lines.length > 0) {
      await tx.db
        .insertInto('funding_run_line')
        .values(
          result.lines.map((l, i) => ({
            municipality_id: mid,
            run_id: runId,
            line_no: i + 1,
            cost_id: l.costId,
            cost_kind: l.costKind,
            cost_label: l.costLabel,
            cost_amount_yen: l.costAmountYen,
            part: l.part,
            silo: l.silo,
            weight: l.weight,
            weight_total: l.weightTotal,
            amount_yen: l.amountYen,
            ...stamp,
          })),
        )
        .execute();
    }
    await tx.db
      .insertInto('funding_run_claim')
      .values(
        result.claims.map((c) => ({
          municipality_id: mid,
          run_id: runId,
          part: c.part,
          silo: c.silo,
          allocated_yen: c.allocatedYen,
          rate_id: c.rate?.rateId ?? null,
          rate_version_no: c.rate?.versionNo ?? null,
          base_amount_yen: c.rate?.baseAmountYen ?? null,
          rounding: c.rate?.rounding ?? null,
          is_sample: c.rate?.isSample ?? false,
          claimed_yen: c.claimedYen,
          kuni_yen: c.payers?.kuni ?? null,
          todofuken_yen: c.payers?.todofuken ?? null,
          shichoson_yen: c.payers?.shichoson ?? null,
          hoken1_yen: c.payers?.hoken1 ?? null,
          hoken2_yen: c.payers?.hoken2 ?? null,
          ...stamp,
        })),
      )
      .execute();
    await audit(tx, { action: 'funding.run.create', targetType: 'funding_run', targetId: runId, basis, details: { fiscalYear: input.fiscalYear, key: input.key, totalCostYen: result.totalCostYen } });
    return (await loadRun(tx.db, mid, runId))!;
  });
}
