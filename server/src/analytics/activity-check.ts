/**
 * 事業 with no records in a period (the zero-activity warning). One SQL statement counting, per 事業, the
 * records it writes in the period within the scope:
 * - 包括的相談支援: consultations received, 支援経過記録 (by receiving / writing agency; daily counts);
 * - 多機関協働: involvement requests, meetings scheduled, plan versions made, evaluations;
 * - アウトリーチ: leads opened, contact attempts (the lead's 圏域 and agency);
 * - 参加支援: needs opened, placements started, 定着支援 done (keeping agency), 協力事業者 pipeline steps (圏域);
 * - 地域づくり: sessions held (the 拠点's 圏域), coordinator log entries (圏域 and agency).
 * Records kept by no agency (協力事業者, 拠点) follow the 圏域 only, as in statutory-records.ts.
 * The dashboard passes the consultations received and sessions held it has counted for its statutory
 * indicators (the same records, scope and period), so they are not counted twice.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { agencyIn, agencyIs, areaIs, type Scope } from './analytics-scope.js';
import { JIGYO, type JigyoCode } from './dashboard-period.js';
import { dateWithin, instantWithin } from './period-sql.js';
import type { Period } from './statutory-indicators.js';

/** Counts the caller has already made for the same scope and period (the dashboard's statutory records). */
export interface CountedActivity {
  consultations: number;
  sessionsHeld: number;
}

export async function activityByJigyo(db: Kysely<Database>, scope: Scope, p: Period, counted: CountedActivity | null = null): Promise<Array<{ jigyo: JigyoCode; label: string; records: number }>> {
  const mid = scope.municipalityId;
  const within = (column: string) => dateWithin(column, p.from, p.to);
  const instantIn = (column: string) => instantWithin(column, p.from, p.to);
  const inScope = (column: string) => agencyIn(scope, sql.ref(column));
  // An evaluation's agency is its case's lead: joined only when the scope names agencies.
  const evaluationCase =
    scope.agencyIds === null
      ? sql``
      : sql`join support_plan sp on sp.municipality_id = ev.municipality_id and sp.plan_id = ev.plan_id
           join support_case k on k.municipality_id = sp.municipality_id and k.case_id = sp.case_id`;
  const sessionsHeld = sql`(select count(*) from community_session s
          join community_activity ac on ac.municipality_id = s.municipality_id and ac.activity_id = s.activity_id
          join community_place pc on pc.municipality_id = ac.municipality_id and pc.place_id = ac.place_id
          where s.municipality_id = ${mid} and ${areaIs(scope, sql.ref('pc.area_id'))}
            and s.status = 'held' and ${within('s.held_on')})`;
  // Consultations (by receiving agency) and 支援経過記録 (by writing agency) are kept per day and agency
  // by triggers (daily_record_count, migration 202611301010): a city's 年度 of notes is ~400,000 rows.
  const dailyCount = (kind: 'consultation' | 'progress_note') =>
    sql`(select coalesce(sum(d.records), 0) from daily_record_count d
          where d.municipality_id = ${mid} and d.record_kind = ${kind} and ${inScope('d.agency_id')} and ${within('d.day')})`;
  const needJoin = sql`join participation_need n on n.municipality_id = pl.municipality_id and n.need_id = pl.need_id`;
  const { rows } = await sql<Record<JigyoCode, string>>`
    select
      ${counted ? sql`${counted.consultations}::bigint` : dailyCount('consultation')}
      + ${dailyCount('progress_note')} as soudan,
      (select count(*) from coordination_episode e where e.municipality_id = ${mid} and (${inScope('e.requested_by_agency_id')} or ${inScope('e.coordinator_agency_id')}) and ${instantIn('e.requested_at')})
      + (select count(*) from meeting m where m.municipality_id = ${mid} and ${inScope('m.convened_by_agency_id')} and ${instantIn('m.scheduled_at')})
      + (select count(*) from support_plan_version v where v.municipality_id = ${mid} and ${inScope('v.created_by_agency_id')} and ${instantIn('v.created_at')})
      + (select count(*) from support_plan_evaluation ev ${evaluationCase}
          where ev.municipality_id = ${mid} and ${inScope('k.lead_agency_id')} and ${within('ev.evaluated_on')}) as tajikan,
      (select count(*) from outreach_lead l where l.municipality_id = ${mid} and ${areaIs(scope, sql.ref('l.area_id'))} and ${agencyIs(scope, sql.ref('l.agency_id'))}
          and ${within('l.opened_on')})
      + (select count(*) from contact_attempt a join outreach_lead l on l.municipality_id = a.municipality_id and l.lead_id = a.lead_id
          where a.municipality_id = ${mid} and ${areaIs(scope, sql.ref('l.area_id'))} and ${agencyIs(scope, sql.ref('l.agency_id'))} and ${instantIn('a.occurred_at')}) as outreach,
      (select count(*) from participation_need n where n.municipality_id = ${mid} and ${inScope('n.keeping_agency_id')} and ${within('n.opened_on')})
      + (select count(*) from participation_placement pl ${needJoin} where pl.municipality_id = ${mid} and ${inScope('n.keeping_agency_id')} and ${within('pl.start_on')})
      + (select count(*) from participation_followup f join participation_placement pl on pl.municipality_id = f.municipality_id and pl.placement_id = f.placement_id ${needJoin}
          where f.municipality_id = ${mid} and ${inScope('n.keeping_agency_id')} and ${within('f.done_on')})
      + (select count(*) from participation_host_event he join participation_host h on h.municipality_id = he.municipality_id and h.host_id = he.host_id
          where he.municipality_id = ${mid} and ${areaIs(scope, sql.ref('h.area_id'))}
            and ${within('he.occurred_on')}) as sanka,
      ${counted ? sql`${counted.sessionsHeld}::bigint` : sessionsHeld}
      + (select count(*) from community_log_entry g where g.municipality_id = ${mid} and ${areaIs(scope, sql.ref('g.area_id'))} and ${agencyIs(scope, sql.ref('g.agency_id'))}
          and ${within('g.entry_on')}) as chiiki`.execute(db);
  const r = rows[0]!;
  return JIGYO.map((j) => ({ jigyo: j.code, label: j.label, records: Number(r[j.code]) }));
}
