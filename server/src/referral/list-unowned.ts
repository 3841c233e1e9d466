import { authorize } from '../platform/access/authorize.js';
import { can } from '../platform/access/index.js';
import { japanDate } from '../platform/access/relationships.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { excerpt, loadReferralSettings } from './referral.repo.js';
import { findUnowned, type UnownedReason } from './unowned.repo.js';

const DAY_MS = 86_400_000;

/**
 * 誰も担当していない相談: the actor's agencies' own consultations and cases that nobody owns, have
 * no next step, or had no contact for N days (newest first; optionally one reason only). 市町村管理者 and 多機関協働事業者 also get the count per
 * receiving agency for the whole municipality (an aggregate: no personal data).
 */
export async function listUnowned(ctx: Ctx, filter: { days?: number | undefined; reason?: UnownedReason | undefined; limit?: number | undefined }) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'list', { kind: 'consultation', municipalityId: mid, ownerAgencyIds: [...tx.actor.agencyIds] });
    const days = filter.days ?? (await loadReferralSettings(tx.db, mid)).noContactDays;
    const today = japanDate(tx.now)!;
    const seesCounts = can(tx.actor, 'read', { kind: 'aggregate', municipalityId: mid }, { now: tx.now }).allowed;
    // Who sees the counts per agency needs the whole municipality anyway: one query, then its own rows.
    const municipality = seesCounts ? await findUnowned(tx.db, mid, today, days, null) : null;
    const mine = tx.actor.agencyIds;
    const all = municipality
      ? municipality.filter((r) => mine.includes(r.receiving_agency_id) || (r.lead_agency_id !== null && mine.includes(r.lead_agency_id)))
      : await findUnowned(tx.db, mid, today, days, mine);
    const rows = filter.reason ? all.filter((r) => r[filter.reason!]) : all;
    const limited = rows.slice(0, filter.limit ?? 200);
    let byAgency: { agencyId: string; agencyName: string; count: number }[] | null = null;
    if (municipality) {
      const counts = new Map<string, { agencyId: string; agencyName: string; count: number }>();
      for (const r of municipality) {
        const c = counts.get(r.receiving_agency_id) ?? { agencyId: r.receiving_agency_id, agencyName: r.agency_name, count: 0 };
        c.count += 1;
        counts.set(r.receiving_agency_id, c);
      }
      byAgency = [...counts.values()].sort((a, b) => b.count - a.count);
    }
    await audit(tx, { action: 'consultation.unowned_list', targetType: 'consultation', basis, details: { days, returned: limited.length, total: rows.length } });
    return {
      days,
      total: rows.length,
      items: limited.map((r) => {
        const reasons: UnownedReason[] = [];
        if (r.no_owner) reasons.push('no_owner');
        if (r.no_next_step) reasons.push('no_next_step');
        if (r.no_contact) reasons.push('no_contact');
        return {
          consultationId: r.consultation_id,
          receivedOn: r.received_on,
          agencyName: r.agency_name,
          // The lead of a case may not read another agency's consultation: only its existence shows.
          summary: tx.actor.agencyIds.includes(r.receiving_agency_id) ? excerpt(r.summary, 60) : '（他機関が受け付けた相談）',
          personName: r.family_name === null ? null : `${r.family_name} ${r.given_name ?? ''}`.trim(),
          householdId: r.household_id,
          householdLabel: r.household_label,
          caseId: r.case_id,
          reasons,
          lastContactOn: r.last_contact_on,
          daysSinceContact: Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${r.last_contact_on}T00:00:00Z`)) / DAY_MS),
        };
      }),
      byAgency,
    };
  });
}
