/** The municipalities a prefecture view covers (public facts: code, name, population). */
import type { DbHandle } from '../../platform/db/database.js';

export async function prefectureOf(db: DbHandle, municipalityId: string): Promise<{ code: string; name: string }> {
  const row = await db.selectFrom('municipality').select(['prefecture_code', 'prefecture_name']).where('municipality_id', '=', municipalityId).executeTakeFirstOrThrow();
  return { code: row.prefecture_code, name: row.prefecture_name };
}

export async function municipalitiesOfPrefecture(db: DbHandle, prefectureCode: string) {
  const rows = await db
    .selectFrom('municipality')
    .select(['municipality_id', 'code', 'name', 'population', 'prefecture_code'])
    .where('prefecture_code', '=', prefectureCode)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ municipalityId: r.municipality_id, code: r.code, name: r.name, population: r.population, prefectureCode: r.prefecture_code }));
}
