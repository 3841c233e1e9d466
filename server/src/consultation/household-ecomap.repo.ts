import { sql } from 'kysely';
import type { DbHandle } from '../platform/db/database.js';

/** How an agency is involved with a household (エコマップの線の種類). */
export type EcomapRole = 'registered' | 'lead' | 'former_lead' | 'consultation' | 'referral' | 'team';

export interface EcomapAgency {
  agencyId: string;
  name: string;
  kind: string;
  roles: EcomapRole[];
  /** The earliest day of any of its roles (YYYY-MM-DD), when known. */
  since: string | null;
  /** False when every role has ended (e.g. only a former 主担当). */
  active: boolean;
}

/** Order in which roles are listed: the strongest tie first. */
const ROLE_ORDER: readonly EcomapRole[] = ['lead', 'team', 'referral', 'registered', 'consultation', 'former_lead'];

interface RoleRow {
  agency_id: string;
  role: EcomapRole;
  since: string | null;
  active: boolean;
}

/**
 * The agencies involved with a household, one row per agency with all its roles:
 * - registered: the agency that registered the household (世帯の登録機関);
 * - lead: the 主担当 of the household's open case;
 * - former_lead: agencies that led one of its cases before (case_lead_period ended, or the case closed),
 *   unless they lead the open case now;
 * - consultation: agencies that received a consultation (相談受付) about a current member;
 * - referral: agencies an open つなぐ (requested → on_hold) about the household, its case or a current
 *   member went to.
 * 支援チーム agencies ('team') and 地域資源 join here as those features land (issue 4/5); the roles are
 * already in the type so the ecomap draws them when present.
 */
export async function householdAgencies(db: DbHandle, municipalityId: string, householdId: string): Promise<EcomapAgency[]> {
  const result = await sql<RoleRow>`
    with current_lead as (
      select c.lead_agency_id as agency_id, c.case_id
        from support_case c
        where c.municipality_id = ${municipalityId} and c.household_id = ${householdId} and c.status = 'open'
    )
    select h.registered_by_agency_id::text as agency_id, 'registered' as role,
           to_char(h.created_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD') as since, true as active
      from household h
      where h.municipality_id = ${municipalityId} and h.household_id = ${householdId}
    union all
    select l.agency_id::text, 'lead',
           (select to_char(min(p.started_at) at time zone 'Asia/Tokyo', 'YYYY-MM-DD') from case_lead_period p
             where p.municipality_id = ${municipalityId} and p.case_id = l.case_id and p.agency_id = l.agency_id and p.ended_at is null),
           true
      from current_lead l
    union all
    select p.agency_id::text, 'former_lead', to_char(min(p.started_at) at time zone 'Asia/Tokyo', 'YYYY-MM-DD'), false
      from case_lead_period p
      join support_case c on c.municipality_id = p.municipality_id and c.case_id = p.case_id
      where c.municipality_id = ${municipalityId} and c.household_id = ${householdId}
        and (p.ended_at is not null or c.status = 'closed')
        and p.agency_id not in (select agency_id from current_lead)
      group by p.agency_id
    union all
    select k.receiving_agency_id::text, 'consultation', to_char(min(k.received_on), 'YYYY-MM-DD'), true
      from consultation k
      join household_membership m on m.municipality_id = k.municipality_id and m.person_id = k.person_id
      where k.municipality_id = ${municipalityId} and m.household_id = ${householdId} and m.left_on is null
      group by k.receiving_agency_id
    union all
    select r.to_agency_id::text, 'referral', to_char(min(r.requested_at) at time zone 'Asia/Tokyo', 'YYYY-MM-DD'), true
      from referral r
      where r.municipality_id = ${municipalityId}
        and r.status in ('requested', 'accepted', 'in_progress', 'on_hold')
        and (r.household_id = ${householdId}
          or r.case_id in (select c.case_id from support_case c where c.municipality_id = ${municipalityId} and c.household_id = ${householdId})
          or r.person_id in (select m.person_id from household_membership m
                              where m.municipality_id = ${municipalityId} and m.household_id = ${householdId} and m.left_on is null))
      group by r.to_agency_id
  `.execute(db);
  if (result.rows.length === 0) return [];

  const byAgency = new Map<string, { roles: Set<EcomapRole>; since: string | null; active: boolean }>();
  for (const r of result.rows) {
    const entry = byAgency.get(r.agency_id) ?? { roles: new Set<EcomapRole>(), since: null, active: false };
    entry.roles.add(r.role);
    if (r.since && (!entry.since || r.since < entry.since)) entry.since = r.since;
    entry.active ||= r.active;
    byAgency.set(r.agency_id, entry);
  }
  const agencies = await db
    .selectFrom('agency')
    .select(['agency_id', 'name', 'kind'])
    .where('municipality_id', '=', municipalityId)
    .where('agency_id', 'in', [...byAgency.keys()])
    .execute();
  return agencies
    .map((a) => {
      const e = byAgency.get(a.agency_id)!;
      return { agencyId: a.agency_id, name: a.name, kind: a.kind, roles: ROLE_ORDER.filter((r) => e.roles.has(r)), since: e.since, active: e.active };
    })
    .sort((x, y) => ROLE_ORDER.indexOf(x.roles[0]!) - ROLE_ORDER.indexOf(y.roles[0]!) || x.name.localeCompare(y.name, 'ja'));
}
