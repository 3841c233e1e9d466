/**
 * Loaders of the records behind the 施行規則34条の10 indicators, parameterised by municipality and scope
 * (not by the signed-in actor: the prefecture view counts every municipality of its prefecture). They
 * feed the same pure functions as the 参加支援 and 地域づくり pages (participation/kpis.ts countKpis,
 * community/kpi.ts computeKpi), so the dashboard, the targets page and the prefecture view agree.
 */
import type { Kysely } from 'kysely';
import { countsOfRow } from '../community/age-bands.js';
import type { KpiPlace, KpiSession } from '../community/kpi.js';
import type { KpiRecords } from '../participation/kpis.js';
import type { Database } from '../platform/db/schema.js';
import { agencyIn, areaIs, type Scope } from './analytics-scope.js';

export interface StatutoryRecords {
  /** Consultations received per day (received_on) in the period, every route, online included —
   * counted in SQL, so a 年度 of a city's consultations is at most 366 rows here. */
  consultationsByDay: Array<{ day: string; count: number }>;
  participation: KpiRecords;
  places: KpiPlace[];
  /** In held_on order (countStatutory takes each month's as a slice). */
  sessions: KpiSession[];
}

export async function loadStatutoryRecords(db: Kysely<Database>, scope: Scope, from: string, to: string): Promise<StatutoryRecords> {
  const mid = scope.municipalityId;
  const consultations = await db
    .selectFrom('consultation')
    .select((eb) => ['received_on', eb.fn.countAll<string>().as('count')])
    .where('municipality_id', '=', mid)
    .where('received_on', '>=', from)
    .where('received_on', '<=', to)
    .where((eb) => agencyIn(scope, eb.ref('receiving_agency_id')))
    .groupBy('received_on')
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
  const sessionRows = await db
    .selectFrom('community_session as s')
    .innerJoin('community_activity as a', (j) => j.onRef('a.municipality_id', '=', 's.municipality_id').onRef('a.activity_id', '=', 's.activity_id'))
    .innerJoin('community_place as p', (j) => j.onRef('p.municipality_id', '=', 'a.municipality_id').onRef('p.place_id', '=', 'a.place_id'))
    .leftJoin('community_session_partner as sp', (j) => j.onRef('sp.municipality_id', '=', 's.municipality_id').onRef('sp.session_id', '=', 's.session_id'))
    .select(['s.session_id', 's.held_on', 's.status', 's.count_child', 's.count_adult', 's.count_elderly', 's.count_unknown', 'sp.partner_id'])
    .where('s.municipality_id', '=', mid)
    .where('s.held_on', '>=', from)
    .where('s.held_on', '<=', to)
    .where((eb) => areaIs(scope, eb.ref('p.area_id')))
    .execute();
  const sessions = new Map<string, KpiSession & { partnerIds: string[] }>();
  for (const r of sessionRows) {
    const s = sessions.get(r.session_id) ?? { heldOn: r.held_on, status: r.status, counts: countsOfRow(r), partnerIds: [] };
    if (r.partner_id !== null) s.partnerIds.push(r.partner_id);
    sessions.set(r.session_id, s);
  }
  return {
    consultationsByDay: consultations.map((c) => ({ day: c.received_on, count: Number(c.count) })),
    participation: {
      needs: needs.map((n) => ({ personId: n.person_id, openedOn: n.opened_on, closedOn: n.closed_on })),
      placements: placements.map((p) => ({ personId: p.person_id, startOn: p.start_on, endedOn: p.ended_on, status: p.status })),
      hosts: hosts.map((h) => ({ registeredOn: h.registered_on })),
      followups: [],
    },
    places,
    // Sorted here: an ORDER BY made PostgreSQL sort the joined rows, slower than this at a city's size.
    sessions: [...sessions.values()].sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0)),
  };
}
