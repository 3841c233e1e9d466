/** 経費 of a 年度 (staff, contracts, other costs) and the agencies a cost can be placed at. */
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { authorizeFunding } from './funding-access.js';
import { siloOfAgencyKind } from './funding-codes.js';
import { loadCosts } from './funding.repo.js';

export async function listCosts(ctx: Ctx, fiscalYear: number) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorizeFunding(tx, 'read', 'funding.costs.list');
    const mid = tx.actor.municipalityId;
    const costs = await loadCosts(tx.db, mid, { fiscalYear });
    const agencies = await tx.db.selectFrom('agency').select(['agency_id', 'name', 'kind']).where('municipality_id', '=', mid).where('status', '=', 'active').orderBy('name').execute();
    await audit(tx, { action: 'funding.costs.list', targetType: 'funding_cost', basis, details: { fiscalYear, count: costs.length } });
    return {
      fiscalYear,
      totalYen: costs.reduce((s, c) => s + c.amountYen, 0),
      costs,
      agencies: agencies.map((a) => ({ agencyId: a.agency_id, name: a.name, silo: siloOfAgencyKind(a.kind) })),
    };
  });
}
