/** 按分の結果: the runs of a 年度 and one run as it was stored (re-viewable, with its trace). */
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { authorizeFunding } from './funding-access.js';
import type { AllocationKey } from './funding-codes.js';
import { yen } from './funding.repo.js';
import { loadRun } from './run.repo.js';

export async function listRuns(ctx: Ctx, fiscalYear: number) {
  return inTransaction(ctx, async (tx) => {
    authorizeFunding(tx, 'read', 'funding.runs.list');
    const rows = await tx.db
      .selectFrom('funding_run')
      .select(['run_id', 'fiscal_year', 'allocation_key', 'created_at', 'total_cost_yen'])
      .where('municipality_id', '=', tx.actor.municipalityId)
      .where('fiscal_year', '=', fiscalYear)
      .orderBy('created_at', 'desc')
      .orderBy('run_id', 'desc')
      .execute();
    return { runs: rows.map((r) => ({ runId: r.run_id, fiscalYear: r.fiscal_year, key: r.allocation_key as AllocationKey, createdAt: new Date(r.created_at).toISOString(), totalCostYen: yen(r.total_cost_yen) })) };
  });
}

export async function viewRun(ctx: Ctx, runId: string) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorizeFunding(tx, 'read', 'funding.run.read', runId);
    const run = await loadRun(tx.db, tx.actor.municipalityId, runId);
    if (!run) throw new AppError('not_found');
    await audit(tx, { action: 'funding.run.read', targetType: 'funding_run', targetId: runId, basis, details: { fiscalYear: run.fiscalYear } });
    return run;
  });
}
