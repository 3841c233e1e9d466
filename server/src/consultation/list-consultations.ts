import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { actorMaySeePersons } from './person.visibility.js';

/**
 * 受付した相談: consultations received by the actor's agencies, newest first (the own-agency rule
 * of the policy, in SQL). Consent can let another agency open one by id; it does not list them.
 */
export async function listConsultations(ctx: Ctx, filter: { personId?: string | undefined; limit?: number | undefined }) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'list', { kind: 'consultation', municipalityId: mid, ownerAgencyIds: [...tx.actor.agencyIds] });
    if (!actorMaySeePersons(tx.actor)) return { items: [] };
    let q = tx.db
      .selectFrom('consultation as c')
      .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'c.municipality_id').onRef('a.agency_id', '=', 'c.receiving_agency_id'))
      .leftJoin('person as p', (j) => j.onRef('p.municipality_id', '=', 'c.municipality_id').onRef('p.person_id', '=', 'c.person_id'))
      .select(['c.consultation_id', 'c.received_on', 'c.route', 'c.receiving_agency_id', 'a.name as agency_name', 'c.person_id', 'p.family_name', 'p.given_name', 'c.anonymous', 'c.primary_category', 'c.categories', 'c.summary'])
      .select((eb) =>
        eb
          .selectFrom('consent as k')
          .select('k.status')
          .whereRef('k.municipality_id', '=', 'c.municipality_id')
          .whereRef('k.consultation_id', '=', 'c.consultation_id')
          .orderBy('k.recorded_at', 'desc')
          .orderBy('k.consent_id', 'desc')
          .limit(1)
          .as('consent_status'),
      )
      .where('c.municipality_id', '=', mid)
      .where('c.receiving_agency_id', 'in', [...tx.actor.agencyIds]);
    if (filter.personId) q = q.where('c.person_id', '=', filter.personId);
    const rows = await q.orderBy('c.received_on', 'desc').orderBy('c.consultation_id', 'desc').limit(filter.limit ?? 50).execute();
    await audit(tx, { action: 'consultation.list', targetType: 'consultation', targetId: filter.personId ?? null, basis, details: { returned: rows.length } });
    return {
      items: rows.map((r) => ({
        id: r.consultation_id,
        receivedOn: r.received_on,
        route: r.route,
        receivingAgencyId: r.receiving_agency_id,
        receivingAgencyName: r.agency_name,
        personId: r.person_id,
        personName: r.family_name ? [r.family_name, r.given_name].filter(Boolean).join(' ') : null,
        anonymous: r.anonymous,
        primaryCategory: r.primary_category,
        categories: r.categories,
        summary: r.summary.length > 80 ? `${r.summary.slice(0, 80)}…` : r.summary,
        consentStatus: r.consent_status ?? 'unknown',
      })),
    };
  });
}
