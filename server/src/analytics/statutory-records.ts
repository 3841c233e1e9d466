/**
 * Loaders of the records behind the 施行規則34条の10 indicators, parameterised by municipality and scope
 * (not by the signed-in actor: the prefecture view counts every municipality of its prefecture). They
 * feed the same pure function as the 参加支援 page (participation/kpis.ts countKpis), so the dashboard,
 * the targets page and the prefecture view agree with it. 地域づくり's sessions are summed in SQL by
 * day and by month under community/kpi.ts computeKpi's rules (sessions held only; 参加者数 is every age
 * band, 不明 included; 参加団体 are distinct): a city's 年度 is about 27,000 sessions and 34,000
 * session–organisation rows, which took ~0.2 s to send and group in Node at a million persons.
 * statutory-indicators.int.test.ts checks the counts against the 地域づくり page's for every month.
 */
import { type Kysely, sql } from 'kysely';
import type { KpiPlace } from '../community/kpi.js';
import { addDays } from '../community/schedule.js';
import type { KpiRecords } from '../participation/kpis.js';
import type { Database } from '../platform/db/schema.js';
import { agencyIn, areaIs, type Scope } from './analytics-scope.js';

export interface StatutoryRecords {
  /** The days loaded (inclusive). */
  from: string;
  to: string;
  /** Consultations received per day (received_on) in the period, every route, online included —
   * counted by triggers per day and agency (daily_record_count), so a 年度 is at most 366 rows here. */
  consultationsByDay: Array<{ day: string; count: number }>;
  participation: KpiRecords;
  places: KpiPlace[];
  /** The sessions held, and their 参加者数 (延べ), per day. */
  heldByDay: Array<{ day: string; sessions: number; participants: number }>;
  /** The organisations that took part in a session held, per month ('YYYY-MM'); the months at either
   * end of the loaded days hold only those days' organisations. */
  partnersByMonth: Map<string, readonly string[]>;
}

export async function loadStatutoryRecords(db: Kysely<Database>, scope: Scope, from: string, to: string): Promise<StatutoryRecords> {
  const mid = scope.municipalityId;
  // Kept per day and receiving agency by triggers (daily_record_count, migration 202611301010).
  const consultations = await db
    .selectFrom('daily_record_count')
    .select((eb) => ['day', eb.fn.sum<string>('records').as('count')])
    .where('municipality_id', '=', mid)
    .where('record_kind', '=', 'consultation')
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where((eb) => agencyIn(scope, eb.ref('agency_id')))
    .groupBy('day')
    .execute();
  const needs = await db
    .selectFrom('participation_need')
    .select(['person_id', 'opened_on', 'closed_on'])
    .where('municipality_id', '=', mid)
    .where('opened_on', '<=', to)
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', from)]))
    .where((eb) => agencyIn(scope, eb.ref('keeping_agency_id')))
    .execute();
  const placements = await db
    .selectFrom('participation_placement as pl')
    .innerJoin('participation_need as n', (j) => j.onRef('n.municipality_id', '=', 'pl.municipality_id').onRef('n.need_id', '=', 'pl.need_id'))
    .select(['n.person_id', 'pl.start_on', 'pl.ended_on', 'pl.status'])
    .where('pl.municipality_id', '=', mid)
    .where('pl.start_on', '<=', to)
    .where((eb) => eb.or([eb('pl.ended_on', 'is', null), eb('pl.ended_on', '>=', from)]))
    .where((eb) => agencyIn(scope, eb.ref('n.keeping_agency_id')))
    .execute();
  const hosts = await db
    .selectFrom('participation_host')
    .select('registered_on')
    .where('municipality_id', '=', mid)
    .where('stage', '=', 'registered')
    .where('registered_on', '<=', to)
    .where((eb) => areaIs(scope, eb.ref('area_id')))
    .execute();
  const places = await db
    .selectFrom('community_place')
    .select(['place_id as placeId', 'opened_on as openedOn', 'closed_on as closedOn'])
    .where('municipality_id', '=', mid)
    .where((eb) => areaIs(scope, eb.ref('area_id')))
    .execute();
  // Sessions held in the scope's 拠点: the 圏域 filter joins them to their 拠点, only when there is one.
  const held = scope.areaId === null
    ? sql`community_session s`
    : sql`community_session s
        join community_activity a on a.municipality_id = s.municipality_id and a.activity_id = s.activity_id
        join community_place p on p.municipality_id = a.municipality_id and p.place_id = a.place_id and p.area_id = ${scope.areaId}`;
  const heldWhere = sql`s.municipality_id = ${mid} and s.status = 'held' and s.held_on between ${from}::date and ${to}::date`;
  const heldDays = await sql<{ day: string; sessions: string; participants: string }>`
    select s.held_on as day, count(*) as sessions, sum(s.count_child + s.count_adult + s.count_elderly + s.count_unknown) as participants
      from ${held} where ${heldWhere} group by s.held_on`.execute(db);
  // Distinct (month, organisation) pairs, then one array per month. For the whole municipality, whole
  // months are kept by triggers (community_partner_month, migration 202611301020); a 圏域 filter, and the
  // days of a month only partly loaded, find them from the sessions.
  const whole = scope.areaId === null ? wholeMonths(from, to) : null;
  const liveRanges = whole ? [[from, addDays(whole.from, -1)], [whole.end, to]].filter(([a, b]) => a! <= b!) : [[from, to]];
  const live = liveRanges.map(
    ([a, b]) => sql`select distinct date_trunc('month', s.held_on)::date as month, sp.partner_id
      from ${held}
      join community_session_partner sp on sp.municipality_id = s.municipality_id and sp.session_id = s.session_id
     where s.municipality_id = ${mid} and s.status = 'held' and s.held_on between ${a}::date and ${b}::date`,
  );
  const kept = whole
    ? [sql`select c.month, c.partner_id from community_partner_month c
            where c.municipality_id = ${mid} and c.month >= ${whole.from}::date and c.month < ${whole.end}::date`]
    : [];
  const pairs = [...kept, ...live];
  const partners = await sql<{ month: string; partner_ids: string[] }>`
    select to_char(x.month, 'YYYY-MM') as month, array_agg(x.partner_id::text) as partner_ids
      from (${sql.join(pairs, sql` union all `)}) x
     group by x.month`.execute(db);
  return {
    from,
    to,
    consultationsByDay: consultations.map((c) => ({ day: c.day, count: Number(c.count) })),
    participation: {
      needs: needs.map((n) => ({ personId: n.person_id, openedOn: n.opened_on, closedOn: n.closed_on })),
      placements: placements.map((p) => ({ personId: p.person_id, startOn: p.start_on, endedOn: p.ended_on, status: p.status })),
      hosts: hosts.map((h) => ({ registeredOn: h.registered_on })),
      followups: [],
    },
    places,
    heldByDay: heldDays.rows.map((r) => ({ day: r.day, sessions: Number(r.sessions), participants: Number(r.participants) })),
    partnersByMonth: new Map(partners.rows.map((r) => [r.month, r.partner_ids])),
  };
}

/** The whole months within from..to: the first day of the first, and the first day after the last; null if none. */
export function wholeMonths(from: string, to: string): { from: string; end: string } | null {
  const start = from.endsWith('-01') ? from : `${addDays(`${from.slice(0, 7)}-28`, 4).slice(0, 7)}-01`;
  const end = `${addDays(to, 1).slice(0, 7)}-01`;
  return start < end ? { from: start, end } : null;
}
