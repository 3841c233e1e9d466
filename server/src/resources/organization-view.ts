/** A 提供機関 (HSDS organization) as staff see it, with how many services it provides. */
import type { DbHandle } from '../platform/db/database.js';

export interface OrganizationViewT {
  id: string;
  name: string;
  alternateName: string | null;
  description: string;
  email: string | null;
  website: string | null;
  phone: string | null;
  version: number;
  serviceCount: number;
}

export async function loadOrganizationViews(db: DbHandle, mid: string, ids?: readonly string[]): Promise<OrganizationViewT[]> {
  if (ids && ids.length === 0) return [];
  let q = db
    .selectFrom('resource_organization as o')
    .select((eb) => [
      'o.organization_id',
      'o.name',
      'o.alternate_name',
      'o.description',
      'o.email',
      'o.website',
      'o.phone',
      'o.version',
      eb
        .selectFrom('resource_service as s')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('s.municipality_id', '=', 'o.municipality_id')
        .whereRef('s.organization_id', '=', 'o.organization_id')
        .as('service_count'),
    ])
    .where('o.municipality_id', '=', mid);
  if (ids) q = q.where('o.organization_id', 'in', [...ids]);
  const rows = await q.orderBy('o.name').orderBy('o.organization_id').execute();
  return rows.map((r) => ({
    id: r.organization_id,
    name: r.name,
    alternateName: r.alternate_name,
    description: r.description,
    email: r.email,
    website: r.website,
    phone: r.phone,
    version: r.version,
    serviceCount: Number(r.service_count ?? 0),
  }));
}
