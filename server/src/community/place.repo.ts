/** 拠点 rows with the names a screen shows (圏域, 運営団体, the linked 地域資源). */
import { sql } from 'kysely';
import type { DbHandle } from '../platform/db/database.js';

function placeQuery(db: DbHandle, municipalityId: string) {
  return db
    .selectFrom('community_place as p')
    .leftJoin('municipal_area as a', (j) => j.onRef('a.municipality_id', '=', 'p.municipality_id').onRef('a.area_id', '=', 'p.area_id'))
    .leftJoin('community_partner as op', (j) => j.onRef('op.municipality_id', '=', 'p.municipality_id').onRef('op.partner_id', '=', 'p.operator_partner_id'))
    .select([
      'p.place_id as id',
      'p.name',
      'p.kind',
      'p.status',
      'p.address',
      'p.area_id as areaId',
      'a.name as areaName',
      'p.operator_name as operatorName',
      'p.operator_partner_id as operatorPartnerId',
      'op.name as operatorPartnerName',
      'p.opened_on as openedOn',
      'p.closed_on as closedOn',
    ])
    .where('p.municipality_id', '=', municipalityId);
}

export async function listPlaceRows(db: DbHandle, municipalityId: string, filter: { areaId?: string | undefined }) {
  let q = placeQuery(db, municipalityId).select([
    sql<number>`(select count(*)::int from community_activity ca where ca.municipality_id = p.municipality_id and ca.place_id = p.place_id)`.as('activityCount'),
    sql<string | null>`(select max(s.held_on) from community_session s join community_activity ca on ca.municipality_id = s.municipality_id and ca.activity_id = s.activity_id
        where s.municipality_id = p.municipality_id and ca.place_id = p.place_id and s.status = 'held')`.as('lastHeldOn'),
  ]);
  if (filter.areaId) q = q.where('p.area_id', '=', filter.areaId);
  return q.orderBy('a.sort_order').orderBy('p.name').execute();
}

export async function loadPlace(db: DbHandle, municipalityId: string, placeId: string) {
  return placeQuery(db, municipalityId)
    .leftJoin('resource_location as l', (j) => j.onRef('l.municipality_id', '=', 'p.municipality_id').onRef('l.location_id', '=', 'p.location_id'))
    .leftJoin('resource_service as rs', (j) => j.onRef('rs.municipality_id', '=', 'p.municipality_id').onRef('rs.service_id', '=', 'p.service_id'))
    .select(['p.location_id as locationId', 'l.name as locationName', 'l.address as locationAddress', 'p.service_id as serviceId', 'rs.name as serviceName', 'p.note', 'p.version'])
    .where('p.place_id', '=', placeId)
    .executeTakeFirst();
}
export type PlaceRow = NonNullable<Awaited<ReturnType<typeof loadPlace>>>;
