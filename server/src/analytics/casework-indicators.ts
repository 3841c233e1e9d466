/**
 * 包括的相談支援 counts for a period (one SQL statement each, municipality first; counts, never persons):
 * - referrals (つなぐ) sent in the period (requested_at, drafts excluded), by their state now and by
 *   agency pair (from → to) — where the sender or the receiver is in scope;
 * - time to first owner and first plan: for cases opened in the period (lead agency in scope), days from
 *   the household's first consultation (on or before the case opened) to the case (its 主担当) and to
 *   its first 支援プラン; median and 90th percentile (linear interpolation, percentile_cont); the
 *   per-case subqueries run once per case (`materialized`), not once per aggregate that reads them;
 * - co-occurrence of concern categories: households whose members' consultations received in the
 *   period (receiving agency in scope) carry both categories; the diagonal is one category alone. A
 *   member counts for a household unless they had left it before the consultation (memberships are
 *   often recorded after the first consultation, so the joining day is not required);
 * - no contact for N days: cases open at `asOf` (lead agency in scope) whose last contact (面談/電話/
 *   訪問/同行/メール note, outreach attempt on a lead of the case, or the case opening) is more than N
 *   days before `asOf`, by lead agency.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { agencyIn, type Scope } from './analytics-scope.js';
import type { Period } from './statutory-indicators.js';

const day = (column: string) => sql`(${sql.ref(column)} at time zone 'Asia/Tokyo')::date`;

export async function referralCounts(db: Kysely<Database>, scope: Scope, p: Period) {
  const mid = scope.municipalityId;
  const { rows } = await sql<{ status: string; from_agency_id: string; from_name: string; to_agency_id: string; to_name: string; n: string }>`
    select r.status, r.from_agency_id, fa.name as from_name, r.to_agency_id, ta.name as to_name, count(*) as n
      from referral r
      join agency fa on fa.municipality_id = r.municipality_id and fa.agency_id = r.from_agency_id
      join agency ta on ta.municipality_id = r.municipality_id and ta.agency_id = r.to_agency_id
     where r.municipality_id = ${mid} and r.status <> 'draft' and r.requested_at is not null
       and (${agencyIn(scope, sql.ref('r.from_agency_id'))} or ${agencyIn(scope, sql.ref('r.to_agency_id'))})
       and ${day('r.requested_at')} between ${p.from}::date and ${p.to}::date
     group by r.status, r.from_agency_id, fa.name, r.to_agency_id, ta.name`.execute(db);
  const byStatus = new Map<string, number>();
  const pairs = new Map<string, { fromAgencyId: string; fromName: string; toAgencyId: string; toName: string; count: number }>();
  for (const r of rows) {
    const n = Number(r.n);
    byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + n);
    const key = `${r.from_agency_id}>${r.to_agency_id}`;
    const pair = pairs.get(key) ?? { fromAgencyId: r.from_agency_id, fromName: r.from_name, toAgencyId: r.to_agency_id, toName: r.to_name, count: 0 };
    pair.count += n;
    pairs.set(key, pair);
  }
  return {
    total: rows.reduce((s, r) => s + Number(r.n), 0),
    byStatus: [...byStatus].map(([status, count]) => ({ status, count })).sort((a, b) => a.status.localeCompare(b.status)),
    pairs: [...pairs.values()].sort((a, b) => b.count - a.count || a.fromName.localeCompare(b.fromName) || a.toName.localeCompare(b.toName)),
  };
}

const round1 = (v: number | string | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);

export async function timeToOwnerAndPlan(db: Kysely<Database>, scope: Scope, p: Period) {
  const mid = scope.municipalityId;
  const { rows } = await sql<Record<string, string | number | null>>`
    with c as materialized (
      select k.opened_on,
        (select min(co.received_on) from consultation co
           join household_membership m on m.municipality_id = co.municipality_id and m.person_id = co.person_id
          where co.municipality_id = ${mid} and m.household_id = k.household_id and co.received_on <= k.opened_on) as first_consultation,
        (select min(${day('v.created_at')}) from support_plan pl
           join support_plan_version v on v.municipality_id = pl.municipality_id and v.plan_id = pl.plan_id
          where pl.municipality_id = ${mid} and pl.case_id = k.case_id) as first_plan
        from support_case k
       where k.municipality_id = ${mid} and ${agencyIn(scope, sql.ref('k.lead_agency_id'))}
         and k.opened_on between ${p.from}::date and ${p.to}::date
    ), d as (
      select opened_on - first_consultation as to_owner, first_plan - first_consultation as to_plan from c where first_consultation is not null
    )
    select count(to_owner) as owner_cases,
           percentile_cont(0.5) within group (order by to_owner) as owner_median,
           percentile_cont(0.9) within group (order by to_owner) as owner_p90,
           count(to_plan) as plan_cases,
           percentile_cont(0.5) within group (order by to_plan) as plan_median,
           percentile_cont(0.9) within group (order by to_plan) as plan_p90
      from d`.execute(db);
  const r = rows[0]!;
  return {
    toOwner: { cases: Number(r.owner_cases), medianDays: round1(r.owner_median ?? null), p90Days: round1(r.owner_p90 ?? null) },
    toPlan: { cases: Number(r.plan_cases), medianDays: round1(r.plan_median ?? null), p90Days: round1(r.plan_p90 ?? null) },
  };
}

export async function concernCooccurrence(db: Kysely<Database>, scope: Scope, p: Period) {
  const mid = scope.municipalityId;
  const { rows } = await sql<{ a: string; b: string; households: string }>`
    with hc as (
      select distinct m.household_id, cat.code
        from consultation co
        cross join lateral unnest(co.categories) as cat(code)
        join household_membership m on m.municipality_id = co.municipality_id and m.person_id = co.person_id
             and (m.left_on is null or m.left_on > co.received_on)
       where co.municipality_id = ${mid} and ${agencyIn(scope, sql.ref('co.receiving_agency_id'))}
         and co.received_on between ${p.from}::date and ${p.to}::date
    )
    select x.code as a, y.code as b, count(*) as households
      from hc x join hc y on y.household_id = x.household_id and x.code <= y.code
     group by x.code, y.code
     order by x.code, y.code`.execute(db);
  return rows.map((r) => ({ a: r.a, b: r.b, households: Number(r.households) }));
}

export async function noContactCases(db: Kysely<Database>, scope: Scope, asOf: string, days: number) {
  const mid = scope.municipalityId;
  const { rows } = await sql<{ agency_id: string; name: string; open_cases: string; no_contact: string }>`
    with k as (
      select k.case_id, k.lead_agency_id, greatest(k.opened_on,
        (select max(n.occurred_on) from progress_note n where n.municipality_id = ${mid} and n.case_id = k.case_id
            and n.kind in ('interview', 'phone', 'visit', 'accompany', 'email') and n.occurred_on <= ${asOf}::date),
        (select max(${day('a.occurred_at')}) from contact_attempt a
           join outreach_lead l on l.municipality_id = a.municipality_id and l.lead_id = a.lead_id
          where a.municipality_id = ${mid} and l.case_id = k.case_id and ${day('a.occurred_at')} <= ${asOf}::date)) as last_contact
        from support_case k
       where k.municipality_id = ${mid} and ${agencyIn(scope, sql.ref('k.lead_agency_id'))}
         and k.opened_on <= ${asOf}::date and (k.closed_on is null or k.closed_on > ${asOf}::date)
    )
    select k.lead_agency_id as agency_id, g.name, count(*) as open_cases,
           count(*) filter (where k.last_contact < ${asOf}::date - ${days}::int) as no_contact
      from k join agency g on g.municipality_id = ${mid} and g.agency_id = k.lead_agency_id
     group by k.lead_agency_id, g.name
     order by g.name`.execute(db);
  const byAgency = rows.map((r) => ({ agencyId: r.agency_id, name: r.name, openCases: Number(r.open_cases), noContact: Number(r.no_contact) }));
  return {
    days,
    asOf,
    openCases: byAgency.reduce((s, a) => s + a.openCases, 0),
    noContact: byAgency.reduce((s, a) => s + a.noContact, 0),
    byAgency,
  };
}
