/**
 * 誰も担当していない相談 (DOMAIN.md §5: no person falls through). One row per consultation that is not
 * settled — or, for a household with an open case, one row for the case (its latest consultation):
 *  - no_owner: no open case (主担当) for the person's household and no accepted referral about them,
 *    and no case that closed after the consultation came in;
 *  - no_next_step: an open case with no 支援経過記録 whose 次の予定 is due today or later, and no open
 *    referral on it;
 *  - no_contact: the last contact (a consultation, or a 面談/電話/訪問/同行/メール record) is older
 *    than N days.
 */
import { sql } from 'kysely';
import type { DbHandle } from '../platform/db/database.js';

export type UnownedReason = 'no_owner' | 'no_next_step' | 'no_contact';

export interface UnownedRow {
  consultation_id: string;
  received_on: string;
  receiving_agency_id: string;
  agency_name: string;
  summary: string;
  person_id: string | null;
  family_name: string | null;
  given_name: string | null;
  household_id: string | null;
  household_label: string | null;
  case_id: string | null;
  lead_agency_id: string | null;
  last_contact_on: string;
  no_owner: boolean;
  no_next_step: boolean;
  no_contact: boolean;
}

/** `agencyIds` null: the whole municipality (for counts only); otherwise rows the agencies own. */
export async function findUnowned(db: DbHandle, mid: string, today: string, days: number, agencyIds: readonly string[] | null): Promise<UnownedRow[]> {
  const agencies = agencyIds === null ? null : sql`${sql.val([...agencyIds])}::uuid[]`;
  const scope = agencies === null ? sql`true` : sql`(b.receiving_agency_id = any(${agencies}) or b.lead_agency_id = any(${agencies}))`;
  // For agencies, only consultations that can matter are looked at: those they received, and every
  // consultation of a household they lead or hold a consultation in — whole households, so that
  // "the case's latest consultation" (rn = 1 below) is chosen among the same rows as for the municipality.
  const candidates =
    agencies === null
      ? sql`true`
      : sql`c.consultation_id in (
          select c1.consultation_id from consultation c1 where c1.municipality_id = ${mid} and c1.receiving_agency_id = any(${agencies})
          union
          select c2.consultation_id
            from (select hm0.household_id from consultation c0
                    join household_membership hm0 on hm0.municipality_id = c0.municipality_id and hm0.person_id = c0.person_id and hm0.left_on is null
                   where c0.municipality_id = ${mid} and c0.receiving_agency_id = any(${agencies})
                  union
                  select k0.household_id from support_case k0 where k0.municipality_id = ${mid} and k0.status = 'open' and k0.lead_agency_id = any(${agencies})) s
            join household_membership hm2 on hm2.municipality_id = ${mid} and hm2.household_id = s.household_id and hm2.left_on is null
            join consultation c2 on c2.municipality_id = ${mid} and c2.person_id = hm2.person_id)`;
  const result = await sql<UnownedRow>`
    with base as (
      select c.consultation_id, c.received_on, c.receiving_agency_id, c.summary, c.person_id, m.household_id,
             k.case_id, k.lead_agency_id,
             row_number() over (partition by coalesce(k.case_id, c.consultation_id) order by c.received_on desc, c.consultation_id desc) as rn
        from consultation c
        left join lateral (
          select hm.household_id from household_membership hm
           where hm.municipality_id = c.municipality_id and hm.person_id = c.person_id and hm.left_on is null
           order by hm.joined_on desc limit 1) m on true
        left join support_case k
          on k.municipality_id = c.municipality_id and k.household_id = m.household_id and k.status = 'open'
       where c.municipality_id = ${mid} and ${candidates}
         and not exists (
           select 1 from support_case done
            where done.municipality_id = c.municipality_id and done.household_id = m.household_id
              and done.status = 'closed' and done.closed_on >= c.received_on)
    ), facts as (
      select b.*,
        (b.case_id is null and not exists (
           select 1 from referral r where r.municipality_id = ${mid}
              and r.status in ('accepted', 'in_progress', 'on_hold')
              and (r.person_id = b.person_id or r.household_id = b.household_id))) as no_owner,
        (b.case_id is not null and not exists (
           select 1 from progress_note n where n.municipality_id = ${mid} and n.case_id = b.case_id
              and n.next_action_due >= ${today}::date)
          and not exists (
           select 1 from referral r where r.municipality_id = ${mid} and r.case_id = b.case_id
              and r.status in ('requested', 'accepted', 'in_progress', 'on_hold'))) as no_next_step,
        greatest(b.received_on, (
           select max(n.occurred_on) from progress_note n where n.municipality_id = ${mid} and n.case_id = b.case_id
              and n.kind in ('interview', 'phone', 'visit', 'accompany', 'email'))) as last_contact_on
        from base b
       where b.rn = 1 and ${scope}
    )
    select f.consultation_id, f.received_on::text as received_on, f.receiving_agency_id, a.name as agency_name, f.summary,
           f.person_id, p.family_name, p.given_name, f.household_id, h.label as household_label, f.case_id, f.lead_agency_id,
           f.last_contact_on::text as last_contact_on, f.no_owner, f.no_next_step,
           (f.last_contact_on < ${today}::date - ${days}::int) as no_contact
      from facts f
      join agency a on a.municipality_id = ${mid} and a.agency_id = f.receiving_agency_id
      left join person p on p.municipality_id = ${mid} and p.person_id = f.person_id
      left join household h on h.municipality_id = ${mid} and h.household_id = f.household_id
     where f.no_owner or f.no_next_step or f.last_contact_on < ${today}::date - ${days}::int
     order by f.received_on desc, f.consultation_id desc`.execute(db);
  return result.rows;
}
