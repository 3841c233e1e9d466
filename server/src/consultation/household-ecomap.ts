import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { type EcomapAgency, householdAgencies } from './household-ecomap.repo.js';
import { householdFacts } from './household.repo.js';

/** A community resource (地域資源) linked to the household; none are recorded yet. */
export interface EcomapResource {
  resourceId: string;
  name: string;
  kind: string;
}

export interface HouseholdEcomap {
  householdId: string;
  householdLabel: string;
  agencies: EcomapAgency[];
  resources: EcomapResource[];
}

/** エコマップの閲覧: the household and every agency (and, later, community resource) involved, audited. */
export async function viewHouseholdEcomap(ctx: Ctx, householdId: string): Promise<HouseholdEcomap> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const facts = (await householdFacts(tx.db, mid, householdId)) ?? { kind: 'household' as const, municipalityId: mid, id: householdId };
    const basis = authorize(tx, 'read', facts, { auditAction: 'household.ecomap.read' });
    const household = await tx.db
      .selectFrom('household')
      .select(['label'])
      .where('municipality_id', '=', mid)
      .where('household_id', '=', householdId)
      .executeTakeFirst();
    if (!household) throw new AppError('not_found');
    const agencies = await householdAgencies(tx.db, mid, householdId);
    await audit(tx, { action: 'household.ecomap.read', targetType: 'household', targetId: householdId, basis });
    return { householdId, householdLabel: household.label, agencies, resources: [] };
  });
}
