/**
 * 多機関協働 and アウトリーチ counts for a period (one SQL statement each, municipality first):
 * - episodes: 多機関協働事業者の関与 (coordination_episode) running at some time in the period (関与開始 on or
 *   before its end, not ended before its start), started in it, ended in it — for the agency that asked or
 *   the coordinator's agency;
 * - plans: 支援プラン made in the period (first version's day), approved versions, evaluations, 終結, 中断 —
 *   by the case's lead agency;
 * - meetings by type: meetings scheduled in the period (convening agency) and the cases on their agendas;
 * - outreach: leads open at some time in the period (the persons reached out to), new, 同意 in it, and
 *   contact attempts made in it — the lead's own 圏域 and agency.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { agencyIn, agencyIs, areaIs, type Scope } from './analytics-scope.js';
import { instantWithin } from './period-sql.js';
import type { Period } from './statutory-indicators.js';

export async function collaborationCounts(db: Kysely<Database>, scope: Scope, p: Period) {
  const mid = scope.municipalityId;
  const from = sql`${p.from}::date`;
  const to = sql`${p.to}::date`;
  const episodeScope = sql`(${agencyIn(scope, sql.ref('e.requested_by_agency_id'))} or ${agencyIn(scope, sql.ref('e.coordinator_agency_id'))})`;
  const planScope = agencyIn(scope, sql.ref('k.lead_agency_id'));
  // The case is read only for its lead agency: without an agency scope there is nothing to join for —
  // a version or an evaluation always has its plan (foreign key), so neither is the plan read then.
  const planCase = scope.agencyIds === null ? sql`` : sql`join support_case k on k.municipality_id = pl.municipality_id and k.case_id = pl.case_id`;
  const planOf = (alias: string) =>
    scope.agencyIds === null
      ? sql``
      : sql`join support_plan pl on pl.municipality_id = ${sql.ref(`${alias}.municipality_id`)} and pl.plan_id = ${sql.ref(`${alias}.plan_id`)} ${planCase}`;
  const { rows } = await sql<Record<string, string | number>>`
    select
      (select count(*) from coordination_episode e where e.municipality_id = ${mid} and ${episodeScope}
          and e.status in ('active', 'ended') and e.started_on <= ${to} and (e.ended_on is null or e.ended_on >= ${from})) as episodes_active,
      (select count(*) from coordination_episode e where e.municipality_id = ${mid} and ${episodeScope}
          and e.started_on between ${from} and ${to}) as episodes_started,
      (select count(*) from coordination_episode e where e.municipality_id = ${mid} and ${episodeScope}
          and e.status = 'ended' and e.ended_on between ${from} and ${to}) as episodes_ended,
      (select count(*) from support_plan_version v ${planOf('v')}
         where v.municipality_id = ${mid} and v.version_no = 1 and ${planScope} and ${instantWithin('v.created_at', p.from, p.to)}) as plans_created,
      (select count(*) from support_plan_version v ${planOf('v')}
         where v.municipality_id = ${mid} and ${planScope} and v.approved_on between ${from} and ${to}) as plans_approved,
      (select count(*) from support_plan_evaluation ev ${planOf('ev')}
         where ev.municipality_id = ${mid} and ${planScope} and ev.evaluated_on between ${from} and ${to}) as evaluations,
      (select count(*) from support_plan pl ${planCase}
         where pl.municipality_id = ${mid} and ${planScope} and pl.status = 'closed' and pl.outcome_on between ${from} and ${to}) as plans_closed,
      (select count(*) from support_plan pl ${planCase}
         where pl.municipality_id = ${mid} and ${planScope} and pl.status = 'suspended' and pl.outcome_on between ${from} and ${to}) as plans_suspended`.execute(db);
  const r = rows[0]!;
  const n = (k: string) => Number(r[k]);
  return {
    episodesActive: n('episodes_active'),
    episodesStarted: n('episodes_started'),
    episodesEnded: n('episodes_ended'),
    plansCreated: n('plans_created'),
    plansApproved: n('plans_approved'),
    evaluations: n('evaluations'),
    plansClosed: n('plans_closed'),
    plansSuspended: n('plans_suspended'),
  };
}

export async function meetingsByType(db: Kysely<Database>, scope: Scope, p: Period) {
  const mid = scope.municipalityId;
  const { rows } = await sql<{ meeting_type_id: string; name: string; meetings: string; cases: string }>`
    select t.meeting_type_id, t.name, count(distinct m.meeting_id) as meetings, count(ai.agenda_item_id) as cases
      from meeting m
      join meeting_type t on t.municipality_id = m.municipality_id and t.meeting_type_id = m.meeting_type_id
      left join meeting_agenda_item ai on ai.municipality_id = m.municipality_id and ai.meeting_id = m.meeting_id
     where m.municipality_id = ${mid} and ${agencyIn(scope, sql.ref('m.convened_by_agency_id'))}
       and ${instantWithin('m.scheduled_at', p.from, p.to)}
     group by t.meeting_type_id, t.name
     order by t.name`.execute(db);
  return rows.map((r) => {
    const meetings = Number(r.meetings);
    const cases = Number(r.cases);
    return { meetingTypeId: r.meeting_type_id, name: r.name, meetings, cases, casesPerMeeting: meetings === 0 ? 0 : Math.round((cases / meetings) * 10) / 10 };
  });
}

export async function outreachCounts(db: Kysely<Database>, scope: Scope, p: Period) {
  const mid = scope.municipalityId;
  const from = sql`${p.from}::date`;
  const to = sql`${p.to}::date`;
  const leadScope = sql`${areaIs(scope, sql.ref('l.area_id'))} and ${agencyIs(scope, sql.ref('l.agency_id'))}`;
  const { rows } = await sql<Record<string, string | number>>`
    select
      (select count(*) from outreach_lead l where l.municipality_id = ${mid} and ${leadScope}
          and l.opened_on <= ${to} and (l.closed_on is null or l.closed_on >= ${from})) as leads_active,
      (select count(*) from outreach_lead l where l.municipality_id = ${mid} and ${leadScope} and l.opened_on between ${from} and ${to}) as leads_new,
      (select count(*) from outreach_lead l where l.municipality_id = ${mid} and ${leadScope} and l.consented_on between ${from} and ${to}) as leads_consented,
      (select count(*) from contact_attempt a join outreach_lead l on l.municipality_id = a.municipality_id and l.lead_id = a.lead_id
         where a.municipality_id = ${mid} and ${leadScope} and ${instantWithin('a.occurred_at', p.from, p.to)}) as attempts`.execute(db);
  const r = rows[0]!;
  return { leadsActive: Number(r.leads_active), leadsNew: Number(r.leads_new), leadsConsented: Number(r.leads_consented), attempts: Number(r.attempts) };
}
