/**
 * SQL of the 地域資源 directory: load services with everything nested under them (a handful of
 * batched queries, never one per row), and replace a service's nested rows. Every query is scoped
 * by municipality_id.
 */
import type { DbHandle } from '../platform/db/database.js';
import type { AreaRef, DirectoryPlace, LocationRecord, OrganizationRecord, ServiceAreaRecord, ServiceRecord, TermRecord } from './resource-records.js';

type Areas = ReadonlyMap<string, { code: string; name: string }>;

export async function loadAreas(db: DbHandle, mid: string): Promise<Map<string, { code: string; name: string; sortOrder: number }>> {
  const rows = await db.selectFrom('municipal_area').select(['area_id', 'code', 'name', 'sort_order']).where('municipality_id', '=', mid).orderBy('sort_order').orderBy('code').execute();
  return new Map(rows.map((r) => [r.area_id, { code: r.code, name: r.name, sortOrder: r.sort_order }]));
}

export async function loadPlace(db: DbHandle, mid: string): Promise<DirectoryPlace> {
  const m = await db.selectFrom('municipality').select(['name', 'prefecture_name']).where('municipality_id', '=', mid).executeTakeFirstOrThrow();
  return { municipalityName: m.name, prefectureName: m.prefecture_name };
}

const areaRef = (areas: Areas, areaId: string | null): AreaRef => ({
  areaId,
  areaCode: areaId ? (areas.get(areaId)?.code ?? null) : null,
  areaName: areaId ? (areas.get(areaId)?.name ?? null) : null,
});
const num = (v: string | number | null) => (v === null ? null : Number(v));
const hhmm = (v: string | null) => (v === null ? null : v.slice(0, 5));

export function organizationRecord(r: {
  organization_id: string;
  name: string;
  alternate_name: string | null;
  description: string;
  email: string | null;
  website: string | null;
  phone: string | null;
  version: number;
  updated_at: Date;
}): OrganizationRecord {
  return {
    id: r.organization_id,
    name: r.name,
    alternateName: r.alternate_name,
    description: r.description,
    email: r.email,
    website: r.website,
    phone: r.phone,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export async function loadOrganizations(db: DbHandle, mid: string, ids: readonly string[]): Promise<Map<string, OrganizationRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('resource_organization')
    .selectAll()
    .where('municipality_id', '=', mid)
    .where('organization_id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.organization_id, organizationRecord(r)]));
}

export async function loadLocations(db: DbHandle, mid: string, ids: readonly string[], areas: Areas): Promise<Map<string, LocationRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('resource_location')
    .selectAll()
    .where('municipality_id', '=', mid)
    .where('location_id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((l) => [
      l.location_id,
      {
        id: l.location_id,
        organizationId: l.organization_id,
        locationType: l.location_type,
        name: l.name,
        description: l.description,
        address: l.address,
        postalCode: l.postal_code,
        latitude: num(l.latitude),
        longitude: num(l.longitude),
        accessibility: l.accessibility,
        ...areaRef(areas, l.area_id),
      },
    ]),
  );
}

export function termRecord(t: { term_id: string; taxonomy: string; code: string; name: string; description: string; parent_term_id: string | null }): TermRecord {
  return { id: t.term_id, taxonomy: t.taxonomy, code: t.code, name: t.name, description: t.description, parentId: t.parent_term_id };
}

/** Services by id with organization, terms, schedules, 提供地域, languages, costs and locations, in the order asked. */
export async function loadServices(db: DbHandle, mid: string, ids: readonly string[], knownAreas?: Areas): Promise<ServiceRecord[]> {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)];
  const areas = knownAreas ?? (await loadAreas(db, mid));
  // One query per table, one after the other (a transaction is one connection).
  const services = await db.selectFrom('resource_service').selectAll().where('municipality_id', '=', mid).where('service_id', 'in', unique).execute();
  const terms = await db
    .selectFrom('resource_service_term as st')
    .innerJoin('resource_taxonomy_term as t', (j) => j.onRef('t.municipality_id', '=', 'st.municipality_id').onRef('t.term_id', '=', 'st.term_id'))
    .select(['st.service_id', 't.term_id', 't.taxonomy', 't.code', 't.name', 't.description', 't.parent_term_id'])
    .where('st.municipality_id', '=', mid)
    .where('st.service_id', 'in', unique)
    .orderBy('t.taxonomy')
    .orderBy('t.created_at')
    .orderBy('t.term_id')
    .execute();
  const schedules = await db.selectFrom('resource_schedule').selectAll().where('municipality_id', '=', mid).where('service_id', 'in', unique).orderBy('schedule_id').execute();
  const serviceAreas = await db.selectFrom('resource_service_area').selectAll().where('municipality_id', '=', mid).where('service_id', 'in', unique).orderBy('service_area_id').execute();
  const languages = await db.selectFrom('resource_language').selectAll().where('municipality_id', '=', mid).where('service_id', 'in', unique).orderBy('language_id').execute();
  const costs = await db.selectFrom('resource_cost_option').selectAll().where('municipality_id', '=', mid).where('service_id', 'in', unique).orderBy('cost_option_id').execute();
  const links = await db.selectFrom('resource_service_at_location').selectAll().where('municipality_id', '=', mid).where('service_id', 'in', unique).orderBy('service_at_location_id').execute();
  const orgs = await loadOrganizations(
    db,
    mid,
    services.map((s) => s.organization_id),
  );
  const locations = await loadLocations(
    db,
    mid,
    links.map((l) => l.location_id),
    areas,
  );
  const by = <T extends { service_id: string }>(rows: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.service_id, [...(map.get(r.service_id) ?? []), r]);
    return (id: string) => map.get(id) ?? [];
  };
  const termsOf = by(terms);
  const schedulesOf = by(schedules);
  const areasOf = by(serviceAreas);
  const languagesOf = by(languages);
  const costsOf = by(costs);
  const linksOf = by(links);
  const byId = new Map(services.map((s) => [s.service_id, s]));
  return ids.flatMap((id): ServiceRecord[] => {
    const s = byId.get(id);
    if (!s) return [];
    return [
      {
        id: s.service_id,
        organizationId: s.organization_id,
        name: s.name,
        alternateName: s.alternate_name,
        description: s.description,
        url: s.url,
        email: s.email,
        phone: s.phone,
        status: s.status,
        applicationProcess: s.application_process,
        feesDescription: s.fees_description,
        eligibilityDescription: s.eligibility_description,
        minimumAge: s.minimum_age,
        maximumAge: s.maximum_age,
        capacity: s.capacity,
        waitlistCount: s.waitlist_count,
        assuredDate: s.assured_date,
        assuredBy: s.assured_by,
        lastModified: s.last_modified,
        createdAt: s.created_at,
        version: s.version,
        organization: orgs.get(s.organization_id)!,
        terms: termsOf(id).map(termRecord),
        schedules: schedulesOf(id).map((r) => ({
          id: r.schedule_id,
          locationId: r.location_id,
          freq: r.freq,
          interval: r.interval,
          byday: r.byday,
          bymonthday: r.bymonthday,
          opensAt: hhmm(r.opens_at),
          closesAt: hhmm(r.closes_at),
          validFrom: r.valid_from,
          validTo: r.valid_to,
          description: r.description,
        })),
        serviceAreas: areasOf(id).map((r): ServiceAreaRecord => ({ id: r.service_area_id, name: r.name, description: r.description, ...areaRef(areas, r.area_id) })),
        languages: languagesOf(id).map((r) => ({ id: r.language_id, code: r.code, name: r.name, note: r.note })),
        costOptions: costsOf(id).map((r) => ({ id: r.cost_option_id, option: r.option, amount: r.amount, currency: r.currency, amountDescription: r.amount_description })),
        locations: linksOf(id).flatMap((l) => {
          const location = locations.get(l.location_id);
          return location ? [{ id: l.service_at_location_id, description: l.description, location }] : [];
        }),
      },
    ];
  });
}

/** Deletes the rows nested under services (before they are written again). */
export async function deleteServiceChildren(db: DbHandle, mid: string, serviceIds: readonly string[]): Promise<void> {
  if (serviceIds.length === 0) return;
  const ids = [...serviceIds];
  await db.deleteFrom('resource_service_term').where('municipality_id', '=', mid).where('service_id', 'in', ids).execute();
  await db.deleteFrom('resource_schedule').where('municipality_id', '=', mid).where('service_id', 'in', ids).execute();
  await db.deleteFrom('resource_service_area').where('municipality_id', '=', mid).where('service_id', 'in', ids).execute();
  await db.deleteFrom('resource_language').where('municipality_id', '=', mid).where('service_id', 'in', ids).execute();
  await db.deleteFrom('resource_cost_option').where('municipality_id', '=', mid).where('service_id', 'in', ids).execute();
  await db.deleteFrom('resource_service_at_location').where('municipality_id', '=', mid).where('service_id', 'in', ids).execute();
}

/** The display name of the signed-in user, for 確認者 (assured_by). */
export async function displayNameOf(db: DbHandle, mid: string, userId: string): Promise<string> {
  const row = await db.selectFrom('app_user').select('display_name').where('municipality_id', '=', mid).where('user_id', '=', userId).executeTakeFirst();
  return row?.display_name ?? '';
}
