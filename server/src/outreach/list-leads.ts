import { sql } from 'kysely';
import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import type { LeadSource, LeadStatus, Urgency } from '../platform/db/schema-outreach.js';
import { inTransaction } from '../platform/db/transaction.js';

export type LeadFilter = 'active' | 'consented' | 'closed' | 'all';

export interface LeadListItem {
  id: string;
  label: string;
  identified: boolean;
  areaName: string | null;
  source: LeadSource;
  fromVolunteer: boolean;
  urgency: Urgency;
  status: LeadStatus;
  stageName: string | null;
  assignedName: string | null;
  openedOn: string;
  attempts: number;
  lastAttemptAt: string | null;
}

const STATUSES: Record<LeadFilter, LeadStatus[]> = {
  active: ['open', 'in_contact'],
  consented: ['consented'],
  closed: ['closed'],
  all: ['open', 'in_contact', 'consented', 'closed'],
};

/**
 * アウトリーチの一覧 (the agency's queue): leads held by the actor's agencies only — a list never
 * relies on consent or a team — most urgent first, then newest. `mine`: assigned to the actor.
 */
export async function listLeads(ctx: Ctx, input: { filter: LeadFilter; mine: boolean }): Promise<{ items: LeadListItem[] }> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'list', { kind: 'outreach_lead', municipalityId: mid, ownerAgencyIds: [...tx.actor.agencyIds] });
    if (tx.actor.agencyIds.length === 0) return { items: [] };
    let q = tx.db
      .selectFrom('outreach_lead as l')
      .leftJoin('person as p', (j) => j.onRef('p.municipality_id', '=', 'l.municipality_id').onRef('p.person_id', '=', 'l.person_id'))
      .leftJoin('municipal_area as ar', (j) => j.onRef('ar.municipality_id', '=', 'l.municipality_id').onRef('ar.area_id', '=', 'l.area_id'))
      .leftJoin('app_user as au', (j) => j.onRef('au.municipality_id', '=', 'l.municipality_id').onRef('au.user_id', '=', 'l.assigned_user_id'))
      .leftJoin('trust_stage as ts', (j) => j.onRef('ts.municipality_id', '=', 'l.municipality_id').onRef('ts.stage_id', '=', 'l.trust_stage_id'))
      .select([
        'l.lead_id',
        'l.person_id',
        'l.person_description',
        'p.family_name',
        'p.given_name',
        'ar.name as area_name',
        'l.source',
        'l.urgency',
        'l.status',
        'ts.name as stage_name',
        'au.display_name as assigned_name',
        'l.opened_on',
        sql<boolean>`exists (select 1 from volunteer_report v where v.municipality_id = l.municipality_id and v.lead_id = l.lead_id)`.as('from_volunteer'),
        sql<number>`(select count(*)::int from contact_attempt a where a.municipality_id = l.municipality_id and a.lead_id = l.lead_id)`.as('attempts'),
        sql<Date | null>`(select max(a.occurred_at) from contact_attempt a where a.municipality_id = l.municipality_id and a.lead_id = l.lead_id)`.as('last_attempt_at'),
      ])
      .where('l.municipality_id', '=', mid)
      .where('l.agency_id', 'in', [...tx.actor.agencyIds])
      .where('l.status', 'in', STATUSES[input.filter]);
    if (input.mine) q = q.where('l.assigned_user_id', '=', tx.actor.userId);
    const rows = await q
      .orderBy(sql`case l.urgency when 'emergency' then 0 when 'urgent' then 1 else 2 end`)
      .orderBy('l.opened_on', 'desc')
      .orderBy('l.lead_id', 'desc')
      .limit(500)
      .execute();
    await audit(tx, { action: 'outreach_lead.list', targetType: 'outreach_lead', basis, details: { filter: input.filter, mine: input.mine, count: rows.length } });
    return {
      items: rows.map((r) => ({
        id: r.lead_id,
        label: r.family_name != null ? `${r.family_name} ${r.given_name ?? ''}`.trim() : r.person_description,
        identified: r.person_id !== null,
        areaName: r.area_name,
        source: r.source,
        fromVolunteer: r.from_volunteer,
        urgency: r.urgency,
        status: r.status,
        stageName: r.stage_name,
        assignedName: r.assigned_name,
        openedOn: r.opened_on,
        attempts: Number(r.attempts),
        lastAttemptAt: r.last_attempt_at ? new Date(r.last_attempt_at).toISOString() : null,
      })),
    };
  });
}
