/** 活動記録 (coordinator activity log) rows with place, 圏域, author and 参加団体 names. */
import type { DbHandle } from '../platform/db/database.js';

export interface LogFilter {
  from?: string | undefined;
  to?: string | undefined;
  areaId?: string | undefined;
  placeId?: string | undefined;
  entryId?: string | undefined;
}

export async function logRows(db: DbHandle, municipalityId: string, userId: string, filter: LogFilter, limit = 200) {
  let q = db
    .selectFrom('community_log_entry as e')
    .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'e.municipality_id').onRef('u.user_id', '=', 'e.user_id'))
    .leftJoin('agency as g', (j) => j.onRef('g.municipality_id', '=', 'e.municipality_id').onRef('g.agency_id', '=', 'e.agency_id'))
    .leftJoin('community_place as p', (j) => j.onRef('p.municipality_id', '=', 'e.municipality_id').onRef('p.place_id', '=', 'e.place_id'))
    .leftJoin('municipal_area as a', (j) => j.onRef('a.municipality_id', '=', 'e.municipality_id').onRef('a.area_id', '=', 'e.area_id'))
    .select([
      'e.entry_id as id',
      'e.entry_on as entryOn',
      'e.kind',
      'e.place_id as placeId',
      'p.name as placeName',
      'e.area_id as areaId',
      'a.name as areaName',
      'e.partner_ids',
      'e.note',
      'e.user_id',
      'u.display_name as userName',
      'g.name as agencyName',
      'e.version',
    ])
    .where('e.municipality_id', '=', municipalityId);
  if (filter.entryId) q = q.where('e.entry_id', '=', filter.entryId);
  if (filter.from) q = q.where('e.entry_on', '>=', filter.from);
  if (filter.to) q = q.where('e.entry_on', '<=', filter.to);
  if (filter.areaId) q = q.where('e.area_id', '=', filter.areaId);
  if (filter.placeId) q = q.where('e.place_id', '=', filter.placeId);
  const rows = await q.orderBy('e.entry_on', 'desc').orderBy('e.created_at', 'desc').limit(limit).execute();
  const ids = [...new Set(rows.flatMap((r) => r.partner_ids))];
  const names = new Map<string, string>();
  if (ids.length > 0) {
    const partners = await db.selectFrom('community_partner').select(['partner_id', 'name']).where('municipality_id', '=', municipalityId).where('partner_id', 'in', ids).execute();
    for (const p of partners) names.set(p.partner_id, p.name);
  }
  return rows.map(({ partner_ids, user_id, ...r }) => ({
    ...r,
    partners: partner_ids.filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id)! })),
    mine: user_id === userId,
    authorId: user_id,
  }));
}
