/** Reference data the 地域づくり screens choose from: age bands and entries of the 地域資源 directory. */
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AGE_BANDS } from './age-bands.js';
import { authorizeDirectory } from './community-access.js';

const LIMIT = 1000;

export async function listAgeBands(ctx: Ctx) {
  return inTransaction(ctx, async (tx) => {
    authorizeDirectory(tx, 'list', 'community_age_band.list');
    return { items: AGE_BANDS.map((b) => ({ ...b })) };
  });
}

/** Directory organizations, locations and services a 拠点 or 参加団体 may be linked to. */
export async function directoryOptions(ctx: Ctx) {
  return inTransaction(ctx, async (tx) => {
    authorizeDirectory(tx, 'list', 'community_directory_options.list');
    const mid = tx.actor.municipalityId;
    const organizations = await tx.db.selectFrom('resource_organization').select(['organization_id as id', 'name']).where('municipality_id', '=', mid).orderBy('name').limit(LIMIT).execute();
    const locations = await tx.db
      .selectFrom('resource_location')
      .select(['location_id as id', 'name', 'address', 'area_id as areaId'])
      .where('municipality_id', '=', mid)
      .orderBy('name')
      .limit(LIMIT)
      .execute();
    const services = await tx.db
      .selectFrom('resource_service as s')
      .innerJoin('resource_organization as o', (j) => j.onRef('o.municipality_id', '=', 's.municipality_id').onRef('o.organization_id', '=', 's.organization_id'))
      .select(['s.service_id as id', 's.name', 'o.name as organizationName'])
      .where('s.municipality_id', '=', mid)
      .orderBy('s.name')
      .limit(LIMIT)
      .execute();
    return { organizations, locations: locations.map((l) => ({ ...l, name: l.name ?? l.address ?? '' })), services };
  });
}
