/**
 * 包括的相談支援 counts for a period (one SQL statement each, municipality first; counts, never persons):
 * - referrals (つなぐ) sent in the period (requested_at, drafts excluded), by their state now and by
 *   agency pair (from → to) — where the sender or the receiver is in scope;
 * - time to first owner and first plan: for cases opened in the period (lead agency in scope), days from
 *   the household's first consultation (on or before the case opened) to the case (its 主担当) and to
 *   its first 支援プラン (the day its version 1 was made); median and 90th percentile (linear
 *   interpolation, percentile_cont). The days are kept per case by triggers (case_timing, migration
 *   202611291000), read here by day from an index alone: joining a 年度's cases with their households'
 *   first consultations and their plans took about 0.4 s at a million persons;
 * - no contact for N days: cases open at `asOf` (lead agency in scope) whose last contact (面談/電話/
 *   訪問/同行/メール note, outreach attempt on a lead of the case, or the case opening) is more than N
 *   days before `asOf`, by lead agency.
 * Co-occurrence of concerns is in concern-cooccurrence.ts.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { agencyIn, type Scope } from './analytics-scope.js';
import { dateWithin, instantWithin } from './period-sql.js';
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
    select count(*) as owner_cases,
           percentile_cont(0.5) within group (order by t.to_owner_days) as owner_median,
           percentile_cont(0.9) within group (order by t.to_owner_days) as owner_p90,
           count(t.to_plan_days) as plan_cases,
           percentile_cont(0.5) within group (order by t.to_plan_days) as plan_median,
           percentile_cont(0.9) within group (order by t.to_plan_days) as plan_p90
      from case_timing t
     where t.municipality_id = ${mid} and ${agencyIn(scope, sql.ref('t.lead_agency_id'))}
       and ${dateWithin('t.opened_on', p.from, p.to)}`.execute(db);
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
  // those N days are read by day (an index range), not every case's whole history. They are one hashed
  // set (NOT IN a subquery; case ids are never null) that each open case is looked up in: joining the
  // open cases to them built a hash of every open case (~150,000 at a million persons), about 30%
  // slower. The set is not deduplicated first (union all): the hashed subquery keeps each id once anyway. The open cases are grouped by agency id alone and the few groups then named: joining every
  // case to its agency and grouping by name cost ~40% more.
  const { rows } = await sql<{ agency_id: string; name: string; open_cases: string; no_contact: string }>`
    with recent as materialized (
      select n.case_id from progress_note n
       where n.municipality_id = ${mid} and n.kind in ('interview', 'phone', 'visit', 'accompany', 'email')
         and n.occurred_on between ${since} and ${asOf}::date
      union all
      select l.case_id from contact_attempt a
        join outreach_lead l on l.municipality_id = a.municipality_id and l.lead_id = a.lead_id
       where a.municipality_id = ${mid} and l.case_id is not null and ${instantWithin('a.occurred_at', sql`${since}`, asOf)}
    ), by_agency as (
      select k.lead_agency_id, count(*) as open_cases,
             count(*) filter (where k.opened_on < ${since} and k.case_id not in (select r.case_id from recent r)) as no_contact
        from support_case k
       where k.municipality_id = ${mid} and ${agencyIn(scope, sql.ref('k.lead_agency_id'))}
         and k.opened_on <= ${asOf}::date and (k.closed_on is null or k.closed_on > ${asOf}::date)
       group by k.lead_agency_id
    )
    select b.lead_agency_id as agency_id, g.name, b.open_cases, b.no_contact
      from by_agency b
      join agency g on g.municipality_id = ${mid} and g.agency_id = b.lead_agency_id
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
