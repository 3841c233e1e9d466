import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { actingAgency } from './acting-agency.js';
import { type CaseView, changeLead, loadCase, toCaseView } from './case.repo.js';
import { householdFacts } from './household.repo.js';
import { isoDayInJapan } from './japanese/japanese-date.js';

/** ケースを開始: a household the worker may see gets a support episode led by the worker's agency. */
export async function openCase(ctx: Ctx, input: { householdId: string; agencyId?: string | null | undefined; note?: string | null | undefined }): Promise<CaseView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const agencyId = actingAgency(tx, input.agencyId);
    authorize(tx, 'read', (await householdFacts(tx.db, mid, input.householdId)) ?? { kind: 'household', municipalityId: mid, id: input.householdId });
    const basis = authorize(tx, 'create', { kind: 'case', municipalityId: mid, ownerAgencyIds: [agencyId] });
    const open = await tx.db
      .selectFrom('support_case')
      .select('case_id')
      .where('municipality_id', '=', mid)
      .where('household_id', '=', input.householdId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (open) throw new AppError('duplicate', undefined, 'この世帯にはすでに支援中のケースがあります。');
    const caseId = newId();
    await tx.db
      .insertInto('support_case')
      .values({ municipality_id: mid, case_id: caseId, household_id: input.householdId, lead_agency_id: agencyId, opened_on: isoDayInJapan(tx.now), opened_by_user_id: tx.actor.userId, opening_note: input.note ?? null, created_at: tx.now, updated_at: tx.now })
      .execute();
    await changeLead(tx.db, mid, caseId, agencyId, tx.now);
    await audit(tx, { action: 'case.open', targetType: 'case', targetId: caseId, basis, details: { householdId: input.householdId } });
    return toCaseView((await loadCase(tx.db, mid, caseId))!);
  });
}
