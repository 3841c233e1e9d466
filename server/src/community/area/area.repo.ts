/** 圏域 (municipal_area) rows with the names a screen shows: parent 圏域 and responsible agency. */
import type { DbHandle } from '../../platform/db/database.js';
import type { AreaKind } from '../../platform/db/schema-resources.js';

export interface AreaView {
  id: string;
  code: string;
  name: string;
  kind: AreaKind;
  parentId: string | null;
  parentName: string | null;
  responsibleAgencyId: string | null;
  responsibleAgencyName: string | null;
  sortOrder: number;
  version: number;
}

function areaQuery(db: DbHandle, municipalityId: string) {
  return db
    .selectFrom('municipal_area as a')
    .leftJoin('municipal_area as p', (j) => j.onRef('p.municipality_id', '=', 'a.municipality_id').onRef('p.area_id', '=', 'a.parent_area_id'))
    .leftJoin('agency as g', (j) => j.onRef('g.municipality_id', '=', 'a.municipality_id').onRef('g.agency_id', '=', 'a.responsible_agency_id'))
    .select([
      'a.area_id as id',
      'a.code',
      'a.name',
      'a.kind',
      'a.parent_area_id as parentId',
      'p.name as parentName',
      'a.responsible_agency_id as responsibleAgencyId',
      'g.name as responsibleAgencyName',
      'a.sort_order as sortOrder',
      'a.version',
    ])
    .where('a.municipality_id', '=', municipalityId);
}

export async function listAreaRows(db: DbHandle, municipalityId: string): Promise<AreaView[]> {
  return areaQuery(db, municipalityId).orderBy('a.sort_order').orderBy('a.code').execute();
}

export async function loadArea(db: DbHandle, municipalityId: string, areaId: string): Promise<AreaView | undefined> {
  return areaQuery(db, municipalityId).where('a.area_id', '=', areaId).executeTakeFirst();
}

/** Parent links of every 圏域 (for the cycle check). */
export async function parentLinks(db: DbHandle, municipalityId: string): Promise<Map<string, string | null>> {
  const rows = await db.selectFrom('municipal_area').select(['area_id', 'parent_area_id']).where('municipality_id', '=', municipalityId).execute();
  return new Map(rows.map((r) => [r.area_id, r.parent_area_id]));
}
