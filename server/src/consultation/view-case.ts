import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { type CaseView, caseFacts, loadCase, toCaseView } from './case.repo.js';
import { householdFacts } from './household.repo.js';

/** ケースの閲覧 (lead agency), audited. */
export async function viewCase(ctx: Ctx, caseId: string): Promise<CaseView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'read', (await caseFacts(tx.db, mid, caseId)) ?? { kind: 'case', municipalityId: mid, id: caseId });
    const loaded = await loadCase(tx.db, mid, caseId);
    if (!loaded) throw new AppError('not_found');
    await audit(tx, { action: 'case.read', targetType: 'case', targetId: caseId, basis });
    return toCaseView(loaded);
  });
}

/**
 * ケース一覧: the cases the actor's agencies lead, or — for a household the actor may read — all of
 * that household's cases (its history).
 */
export async function listCases(ctx: Ctx, filter: { householdId?: string | undefined; status?: 'open' | 'closed' | 'all' | undefined; involvement?: 'lead' | 'team' | undefined; limit?: number | undefined }) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    let basis: string;
    let q = tx.db
      .selectFrom('support_case as c')
      .innerJoin('household as h', (j) => j.onRef('h.municipality_id', '=', 'c.municipality_id').onRef('h.household_id', '=', 'c.household_id'))
      .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'c.municipality_id').onRef('a.agency_id', '=', 'c.lead_agency_id'))
      .select(['c.case_id', 'c.household_id', 'h.label', 'c.status', 'c.lead_agency_id', 'a.name', 'c.opened_on', 'c.closed_on'])
      .select((eb) =>
        eb
          .exists(eb.selectFrom('case_lead_transfer as t').select('t.transfer_id').whereRef('t.municipality_id', '=', 'c.municipality_id').whereRef('t.case_id', '=', 'c.case_id').where('t.status', '=', 'requested'))
          .as('pending'),
      )
      .where('c.municipality_id', '=', mid);
    if (filter.householdId) {
      basis = authorize(tx, 'read', (await householdFacts(tx.db, mid, filter.householdId)) ?? { kind: 'household', municipalityId: mid, id: filter.householdId });
      q = q.where('c.household_id', '=', filter.householdId);
    } else {
      basis = authorize(tx, 'list', { kind: 'case', municipalityId: mid, ownerAgencyIds: [...tx.actor.agencyIds] });
      // authorize() refused anyone without an agency, so the list below is never empty.
      const agencies = [...tx.actor.agencyIds];
      // involvement 'team': also the cases the agency serves on the 支援チーム of (visible to it by that basis).
      q =
        filter.involvement === 'team'
          ? q.where((eb) =>
              eb.or([
                eb('c.lead_agency_id', 'in', agencies),
                eb.exists(
                  eb
                    .selectFrom('support_team_member as m')
                    .select('m.team_member_id')
                    .whereRef('m.municipality_id', '=', 'c.municipality_id')
                    .whereRef('m.case_id', '=', 'c.case_id')
                    .where('m.agency_id', 'in', agencies)
                    .where('m.left_on', 'is', null),
                ),
              ]),
            )
          : q.where('c.lead_agency_id', 'in', agencies);
    }
    if (filter.status && filter.status !== 'all') q = q.where('c.status', '=', filter.status);
    const rows = await q.orderBy('c.opened_on', 'desc').orderBy('c.case_id', 'desc').limit(filter.limit ?? 50).execute();
    await audit(tx, { action: 'case.list', targetType: 'case', targetId: filter.householdId ?? null, basis, details: { returned: rows.length } });
    return {
      items: rows.map((r) => ({
        id: r.case_id,
        householdId: r.household_id,
        householdLabel: r.label,
        status: r.status,
        leadAgencyId: r.lead_agency_id,
        leadAgencyName: r.name,
        openedOn: r.opened_on,
        closedOn: r.closed_on,
        pendingTransfer: Boolean(r.pending),
      })),
    };
  });
}
