/** 参加団体 (community_partner) and the references 地域づくり records make to them and to the directory. */
import { sql } from 'kysely';
import type { DbHandle } from '../platform/db/database.js';
import { AppError } from '../platform/http/errors.js';

export async function listPartnerRows(db: DbHandle, municipalityId: string) {
  return db
    .selectFrom('community_partner as p')
    .leftJoin('resource_organization as o', (j) => j.onRef('o.municipality_id', '=', 'p.municipality_id').onRef('o.organization_id', '=', 'p.organization_id'))
    .select(['p.partner_id as id', 'p.name', 'p.kind', 'p.organization_id as organizationId', 'o.name as organizationName', 'p.version'])
    .where('p.municipality_id', '=', municipalityId)
    .orderBy('p.name')
    .execute();
}

/** Throws `invalid` on `path` unless every id is a 参加団体 of the municipality. */
export async function checkPartners(db: DbHandle, municipalityId: string, ids: readonly string[], path: string): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await db.selectFrom('community_partner').select('partner_id').where('municipality_id', '=', municipalityId).where('partner_id', 'in', unique).execute();
  if (found.length !== unique.length) throw new AppError('invalid', { fields: [{ path, message: '登録されていない参加団体が含まれています。' }] });
  return unique;
}

type RefTable = 'municipal_area' | 'community_place' | 'resource_location' | 'resource_service' | 'resource_organization';
const KEY: Record<RefTable, 'area_id' | 'place_id' | 'location_id' | 'service_id' | 'organization_id'> = {
  municipal_area: 'area_id',
  community_place: 'place_id',
  resource_location: 'location_id',
  resource_service: 'service_id',
  resource_organization: 'organization_id',
};
const MESSAGE: Record<RefTable, string> = {
  municipal_area: '登録されていない圏域です。',
  community_place: '登録されていない拠点です。',
  resource_location: '地域資源に登録されていない場所です。',
  resource_service: '地域資源に登録されていないサービスです。',
  resource_organization: '地域資源に登録されていない団体です。',
};

/** Throws `invalid` on `path` when `id` is given and is not a row of `table` in the municipality. */
export async function checkRef(db: DbHandle, municipalityId: string, table: RefTable, id: string | null | undefined, path: string): Promise<void> {
  if (!id) return;
  const found = await sql<{ one: number }>`select 1 as one from ${sql.table(table)} where municipality_id = ${municipalityId} and ${sql.ref(KEY[table])} = ${id}`.execute(db);
  if (found.rows.length === 0) throw new AppError('invalid', { fields: [{ path, message: MESSAGE[table] }] });
}
