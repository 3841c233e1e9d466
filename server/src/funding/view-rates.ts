/** 交付金の設定 of a 年度: the versions in force and every earlier version (kept, readable). */
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { authorizeFunding } from './funding-access.js';
import { currentOf, loadRates, rateView } from './funding.repo.js';

export async function viewRates(ctx: Ctx, fiscalYear: number) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorizeFunding(tx, 'read', 'funding.rates.read');
    const mid = tx.actor.municipalityId;
    const rows = await loadRates(tx.db, mid, fiscalYear);
    const municipality = await tx.db.selectFrom('municipality').select('population').where('municipality_id', '=', mid).executeTakeFirstOrThrow();
    await audit(tx, { action: 'funding.rates.read', targetType: 'municipal_config', basis, details: { fiscalYear } });
    const current = new Set(currentOf(rows).map((r) => r.rate_id));
    return {
      fiscalYear,
      population: municipality.population,
      current: rows.filter((r) => current.has(r.rate_id)).map(rateView),
      history: rows.filter((r) => !current.has(r.rate_id)).map(rateView),
    };
  });
}
