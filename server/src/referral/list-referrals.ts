import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import type { DbHandle } from '../platform/db/database.js';
import { readAudited } from '../platform/db/transaction.js';
import { loadReferralSettings } from './referral.repo.js';
import { FINAL_STATUSES, OPEN_STATUSES } from './referral-states.js';
import { answerClock } from './referral-view.js';

export type Box = 'inbox' | 'outbox';

/**
 * 受信 (inbox: referrals sent to the actor's agencies) and 送信 (outbox: sent by them). The list
 * carries names, so it is a 'list' of personal records of the actor's own agencies only.
 */
export async function listReferrals(ctx: Ctx, filter: { box: Box; status?: 'open' | 'closed' | 'all' | undefined; limit?: number | undefined }) {
  return readAudited(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const agencies = [...tx.actor.agencyIds];
    const basis = authorize(tx, 'list', { kind: 'referral', municipalityId: mid, ownerAgencyIds: agencies });
    const rows = await findReferrals(tx.db, mid, agencies, filter);
    const settings = await loadReferralSettings(tx.db, mid);
    await audit(tx, { action: 'referral.list', targetType: 'referral', basis, details: { box: filter.box, returned: rows.length } });
    return {
      alertWorkingDays: settings.alertWorkingDays,
      items: rows.map((r) => ({
        id: r.referral_id,
        status: r.status,
        urgency: r.urgency,
        fromAgencyName: r.from_name,
        toAgencyName: r.to_name,
        personName: r.family_name === null ? null : `${r.family_name} ${r.given_name ?? ''}`.trim(),
        householdLabel: r.label,
        requestedAt: r.requested_at ? new Date(r.requested_at).toISOString() : null,
        ...answerClock(r.status, r.requested_at, settings, tx.now),
      })),
    };
  });
}

/** The list query itself (no authorization or audit; also the benchmark's SQL floor). */
export async function findReferrals(db: DbHandle, mid: string, agencies: string[], filter: { box: Box; status?: 'open' | 'closed' | 'all' | undefined; limit?: number | undefined }) {
  let q = db
    .selectFrom('referral as r')
    .innerJoin('agency as fa', (j) => j.onRef('fa.municipality_id', '=', 'r.municipality_id').onRef('fa.agency_id', '=', 'r.from_agency_id'))
    .innerJoin('agency as ta', (j) => j.onRef('ta.municipality_id', '=', 'r.municipality_id').onRef('ta.agency_id', '=', 'r.to_agency_id'))
    .leftJoin('person as p', (j) => j.onRef('p.municipality_id', '=', 'r.municipality_id').onRef('p.person_id', '=', 'r.person_id'))
    .leftJoin('household as h', (j) => j.onRef('h.municipality_id', '=', 'r.municipality_id').onRef('h.household_id', '=', 'r.household_id'))
    .select(['r.referral_id', 'r.status', 'r.urgency', 'r.requested_at', 'r.created_at', 'fa.name as from_name', 'ta.name as to_name', 'p.family_name', 'p.given_name', 'h.label'])
    .where('r.municipality_id', '=', mid);
  q = filter.box === 'inbox' ? q.where('r.to_agency_id', 'in', agencies).where('r.status', '<>', 'draft') : q.where('r.from_agency_id', 'in', agencies);
  if (filter.status === 'open' || filter.status === undefined) q = q.where('r.status', 'in', [...OPEN_STATUSES]);
  else if (filter.status === 'closed') q = q.where('r.status', 'in', [...FINAL_STATUSES]);
  return q
    .orderBy('r.requested_at', (ob) => ob.desc().nullsFirst())
    .orderBy('r.created_at', 'desc')
    .limit(filter.limit ?? 100)
    .execute();
}
