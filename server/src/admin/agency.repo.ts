import type { DbHandle } from '../platform/db/database.js';
import { agencyKindLabel } from './agency-kinds.js';

export interface AgencyItem {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  area: string | null;
  status: 'active' | 'closed';
  version: number;
}

function query(db: DbHandle, municipalityId: string) {
  return db
    .selectFrom('agency')
    .select(['agency_id', 'name', 'kind', 'area', 'status', 'version'])
    .where('municipality_id', '=', municipalityId);
}

function toItem(r: { agency_id: string; name: string; kind: string; area: string | null; status: 'active' | 'closed'; version: number }): AgencyItem {
  return { id: r.agency_id, name: r.name, kind: r.kind, kindLabel: agencyKindLabel(r.kind), area: r.area, status: r.status, version: r.version };
}

export async function listAgencies(db: DbHandle, municipalityId: string): Promise<AgencyItem[]> {
  return (await query(db, municipalityId).orderBy('kind').orderBy('name').execute()).map(toItem);
}

export async function getAgency(db: DbHandle, municipalityId: string, agencyId: string): Promise<AgencyItem | null> {
  const row = await query(db, municipalityId).where('agency_id', '=', agencyId).executeTakeFirst();
  return row ? toItem(row) : null;
}

export async function agencyNameTaken(db: DbHandle, municipalityId: string, name: string, exceptId?: string) {
  let q = db.selectFrom('agency').select('agency_id').where('municipality_id', '=', municipalityId).where('name', '=', name);
  if (exceptId) q = q.where('agency_id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}
