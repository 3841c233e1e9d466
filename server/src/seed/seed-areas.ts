import type { DbHandle } from '../platform/db/database.js';

/** デモ市's 日常生活圏域, each with its 地域包括支援センター as the responsible agency. */
export const DEMO_AREAS = [
  { code: 'east', name: '東部圏域', agencyKey: 'houkatsu1' },
  { code: 'west', name: '西部圏域', agencyKey: 'houkatsu2' },
  { code: 'south', name: '南部圏域', agencyKey: 'houkatsu3' },
] as const;

/** Inserts the demo 圏域 and returns their ids by code. */
export async function seedAreas(db: DbHandle, municipalityId: string, agencyIds: ReadonlyMap<string, string>, makeId: () => string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const rows = DEMO_AREAS.map((a, i) => {
    const areaId = makeId();
    ids.set(a.code, areaId);
    return { municipality_id: municipalityId, area_id: areaId, code: a.code, name: a.name, kind: 'daily_life' as const, responsible_agency_id: agencyIds.get(a.agencyKey) ?? null, sort_order: i + 1 };
  });
  await db.insertInto('municipal_area').values(rows).execute();
  return ids;
}
