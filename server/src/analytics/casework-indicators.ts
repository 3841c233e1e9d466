/**
 * 包括的相談支援 counts for a period (one SQL statement each, municipality first; counts, never persons):
 * - referrals (つなぐ) sent in the period (requested_at, drafts excluded), by their state now and by
 *   agency pair (from → to) — where the sender or the receiver is in scope;
 * - time to first owner and first plan: for cases opened in the period (lead agency in scope), days from
 *   the household's first consultation (on or before the case opened) to the case (its 主担当) and to
 *   its first 支援プラン; median and 90th percentile (linear interpolation, percentile_cont). The
 *   household's first consultation of all is kept by triggers (household_first_consultation, migration
 *   202611281000): when it is on or before the case opened it is also the first on or before, and when it
 *   is after, the household had none before — so the case is left out, as before. Joining every member's
 *   consultations here instead took about a second at a million persons. A plan is made with its
 *   version 1 (later versions are numbered on), so its first day is version 1's, as collaboration counts it.
 *   One join of the period's cases, their households' firsts and their plans' firsts, with no
 *   materialised list of cases in between, lets PostgreSQL pick the join order for the period's size
 *   (at a million persons: 0.5 s → 0.4 s for the year of 100,000 cases, 0.29 s → 0.12 s for one of 14,000);
 * - no contact for N days: cases open at `asOf` (lead agency in scope) whose last contact (面談/電話/
 *   訪問/同行/メール note, outreach attempt on a lead of the case, or the case opening) is more than N
 *   days before `asOf`, by lead agency.
 * Co-occurrence of concerns is in concern-cooccurrence.ts.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { agencyIn, type Scope } from './analytics-scope.js';
import { dayOf, instantWithin } from './period-sql.js';
import type { Period } from './statutory-indicators.js';

export async function referralCounts(db: Kysely<Database>, scope: Scope, p: Period) {
  const mid = scope.municipalityId;
  const { rows } = await sql<{ status: string; from_agency_id: string; from_name: string; to_agency_id: string; to_name: string; n: string }>`
    select r.status, r.from_agency_id, fa.name as from_name, r.to_agency_id, ta.name as to_name, count(*) as n
      from referral r
      join agency fa on fa.municipality_id = r.municipality_id and fa.agency_id = r.from_agency_id
      join agency ta on ta.municipality_id = r.municipality_id and ta.agency_id = r.to_agency_id
     where r.municipality_id = ${mid} and r.status <> 'draft' and r.requested_at is not null
       and (${agencyIn(scope, sql.ref('r.from_agency_id'))} or ${agencyIn(scope, sql.ref('r.to_agency_id'))})
       and ${instantWithin('r.requested_at', p.from, p.to)}
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
    with first_plan as (
      select pl.case_id, min(${dayOf('v.created_at')}) as on_day
        from support_plan pl
        join support_plan_version v on v.municipality_id = pl.municipality_id and v.plan_id = pl.plan_id and v.version_no = 1
        join support_case pk on pk.municipality_id = pl.municipality_id and pk.case_id = pl.case_id
       where pl.municipality_id = ${mid} and ${agencyIn(scope, sql.ref('pk.lead_agency_id'))}
         and pk.opened_on between ${p.from}::date and ${p.to}::date
       group by pl.case_id
    ), d as (
      select k.opened_on - fc.first_received_on as to_owner, fp.on_day - fc.first_received_on as to_plan
        from support_case k
        join household_first_consultation fc on fc.municipality_id = ${mid} and fc.household_id = k.household_id
             and fc.first_received_on <= k.opened_on
        left join first_plan fp on fp.case_id = k.case_id
       where k.municipality_id = ${mid} and ${agencyIn(scope, sql.ref('k.lead_agency_id'))}
         and k.opened_on between ${p.from}::date and ${p.to}::date
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

export async function noContactCases(db: Kysely<Database>, scope: Scope, asOf: string, days: number) {
  const mid = scope.municipalityId;
  const since = sql`(${asOf}::date - ${days}::int)`;
  // "Last contact before asOf − N" is "opened before it and no contact from it to asOf": the contacts of
  // those N days are read by day (an index range), not every case's whole history.
  const { rows } = await sql<{ agency_id: string; name: string; open_cases: string; no_contact: string }>`
    with recent as materialized (
      select n.case_id from progress_note n
       where n.municipality_id = ${mid} and n.kind in ('interview', 'phone', 'visit', 'accompany', 'email')
         and n.occurred_on between ${since} and ${asOf}::date
      union
      select l.case_id from contact_attempt a
        join outreach_lead l on l.municipality_id = a.municipality_id and l.lead_id = a.lead_id
       where a.municipality_id = ${mid} and l.case_id is not null and ${instantWithin('a.occurred_at', sql`${since}`, asOf)}
    ), k as (
      select k.case_id, k.lead_agency_id, k.opened_on
        from support_case k
       where k.municipality_id = ${mid} and ${agencyIn(scope, sql.ref('k.lead_agency_id'))}
         and k.opened_on <= ${asOf}::date and (k.closed_on is null or k.closed_on > ${asOf}::date)
    )
    select k.lead_agency_id as agency_id, g.name, count(*) as open_cases,
           count(*) filter (where k.opened_on < ${since} and r.case_id is null) as no_contact
      from k
      left join recent r on r.case_id = k.case_id
      join agency g on g.municipality_id = ${mid} and g.agency_id = k.lead_agency_id
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
