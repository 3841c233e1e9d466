/**
 * What matching reads: active directory services (HSDS tables of the 地域資源 directory, read
 * directly) and registered 協力事業者, as `Candidate`s, with the places their running placements
 * hold; and the labels (taxonomy names, 圏域 names) reasons are written with.
 */
import type { DbHandle } from '../platform/db/database.js';
import type { Candidate } from './matching.js';
import { CAPACITY_HOLDING, SHIPPED_TAXONOMY, TAXONOMY } from './participation-codes.js';

export interface Vocabulary {
  wishes: Array<{ code: string; name: string }>;
  areas: Array<{ id: string; name: string }>;
  wish: (code: string) => string;
  area: (id: string) => string;
}

/** Wish options: the directory's kasane-ja terms, plus any shipped code it does not (yet) hold. */
export async function loadVocabulary(db: DbHandle, municipalityId: string): Promise<Vocabulary> {
  const terms = await db.selectFrom('resource_taxonomy_term').select(['code', 'name']).where('municipality_id', '=', municipalityId).where('taxonomy', '=', TAXONOMY).orderBy('code').execute();
  const names = new Map<string, string>(Object.entries(SHIPPED_TAXONOMY));
  for (const t of terms) names.set(t.code, t.name);
  const areas = await db.selectFrom('municipal_area').select(['area_id', 'name']).where('municipality_id', '=', municipalityId).orderBy('sort_order').orderBy('name').execute();
  const areaNames = new Map(areas.map((a) => [a.area_id, a.name]));
  return {
    wishes: [...names].map(([code, name]) => ({ code, name })),
    areas: areas.map((a) => ({ id: a.area_id, name: a.name })),
    wish: (code) => names.get(code) ?? code,
    area: (id) => areaNames.get(id) ?? id,
  };
}

const uniq = (xs: Array<string | null>) => [...new Set(xs.filter((x): x is string => x !== null))];

/** Places held (調整中/利用中) per service and per host. */
export async function placedCounts(db: DbHandle, municipalityId: string, target: { serviceIds?: string[]; hostIds?: string[] }) {
  const services = new Map<string, number>();
  const hosts = new Map<string, number>();
  const ids = [...(target.serviceIds ?? []), ...(target.hostIds ?? [])];
  if (ids.length === 0) return { services, hosts };
  const rows = await db
    .selectFrom('participation_placement')
    .select(['service_id', 'host_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('municipality_id', '=', municipalityId)
    .where('status', 'in', [...CAPACITY_HOLDING])
    .where((eb) => eb.or([eb('service_id', 'in', ids), eb('host_id', 'in', ids)]))
    .groupBy(['service_id', 'host_id'])
    .execute();
  for (const r of rows) {
    if (r.service_id) services.set(r.service_id, Number(r.n));
    if (r.host_id) hosts.set(r.host_id, Number(r.n));
  }
  return { services, hosts };
}

/** Directory services as candidates (all statuses: the matcher keeps only active ones). */
export async function serviceCandidates(db: DbHandle, municipalityId: string, filter: { serviceIds?: string[]; activeOnly: boolean }): Promise<Candidate[]> {
  let q = db
    .selectFrom('resource_service as s')
    .innerJoin('resource_organization as o', (j) => j.onRef('o.municipality_id', '=', 's.municipality_id').onRef('o.organization_id', '=', 's.organization_id'))
    .select(['s.service_id', 's.name', 's.status', 's.minimum_age', 's.maximum_age', 's.capacity', 's.waitlist_count', 'o.name as organization_name'])
    .where('s.municipality_id', '=', municipalityId);
  if (filter.activeOnly) q = q.where('s.status', '=', 'active');
  if (filter.serviceIds) {
    if (filter.serviceIds.length === 0) return [];
    q = q.where('s.service_id', 'in', filter.serviceIds);
  }
  const services = await q.execute();
  if (services.length === 0) return [];
  const ids = services.map((s) => s.service_id);
  // One query after another: a transaction on PGlite has a single connection.
  const terms = await db
    .selectFrom('resource_service_term as st')
    .innerJoin('resource_taxonomy_term as t', (j) => j.onRef('t.municipality_id', '=', 'st.municipality_id').onRef('t.term_id', '=', 'st.term_id'))
    .select(['st.service_id', 't.code'])
    .where('st.municipality_id', '=', municipalityId)
    .where('t.taxonomy', '=', TAXONOMY)
    .where('st.service_id', 'in', ids)
    .execute();
  const serviceAreas = await db.selectFrom('resource_service_area').select(['service_id', 'area_id']).where('municipality_id', '=', municipalityId).where('service_id', 'in', ids).execute();
  const locations = await db
    .selectFrom('resource_service_at_location as sl')
    .innerJoin('resource_location as l', (j) => j.onRef('l.municipality_id', '=', 'sl.municipality_id').onRef('l.location_id', '=', 'sl.location_id'))
    .select(['sl.service_id', 'l.area_id'])
    .where('sl.municipality_id', '=', municipalityId)
    .where('sl.service_id', 'in', ids)
    .execute();
  const schedules = await db
    .selectFrom('resource_schedule')
    .select(['service_id', 'freq', 'byday', 'opens_at', 'closes_at', 'valid_from', 'valid_to'])
    .where('municipality_id', '=', municipalityId)
    .where('service_id', 'in', ids)
    .orderBy('schedule_id')
    .execute();
  const counts = await placedCounts(db, municipalityId, { serviceIds: ids });
  return services.map((s) => {
    const areas = serviceAreas.filter((a) => a.service_id === s.service_id);
    return {
      kind: 'service' as const,
      id: s.service_id,
      name: s.name,
      organizationName: s.organization_name,
      active: s.status === 'active',
      codes: terms.filter((t) => t.service_id === s.service_id).map((t) => t.code),
      areaIds: uniq([...areas.map((a) => a.area_id), ...locations.filter((l) => l.service_id === s.service_id).map((l) => l.area_id)]),
      cityWide: areas.some((a) => a.area_id === null),
      schedules: schedules
        .filter((x) => x.service_id === s.service_id)
        .map((x) => ({ freq: x.freq, byday: x.byday, opensAt: x.opens_at, closesAt: x.closes_at, validFrom: x.valid_from, validTo: x.valid_to })),
      minAge: s.minimum_age,
      maxAge: s.maximum_age,
      capacity: s.capacity,
      placed: counts.services.get(s.service_id) ?? 0,
      waitlistCount: s.waitlist_count,
      accommodationCodes: null,
    };
  });
}

/** 協力事業者 as candidates: only registered hosts are active. */
export async function hostCandidates(db: DbHandle, municipalityId: string, filter: { hostIds?: string[]; registeredOnly: boolean }): Promise<Candidate[]> {
  let q = db
    .selectFrom('participation_host as h')
    .leftJoin('resource_organization as o', (j) => j.onRef('o.municipality_id', '=', 'h.municipality_id').onRef('o.organization_id', '=', 'h.organization_id'))
    .selectAll('h')
    .select('o.name as organization_name')
    .where('h.municipality_id', '=', municipalityId);
  if (filter.registeredOnly) q = q.where('h.stage', '=', 'registered');
  if (filter.hostIds) {
    if (filter.hostIds.length === 0) return [];
    q = q.where('h.host_id', 'in', filter.hostIds);
  }
  const hosts = await q.execute();
  const counts = await placedCounts(db, municipalityId, { hostIds: hosts.map((h) => h.host_id) });
  return hosts.map((h) => ({
    kind: 'host' as const,
    id: h.host_id,
    name: h.name,
    organizationName: h.organization_name,
    active: h.stage === 'registered',
    codes: h.offer_codes,
    areaIds: h.area_id ? [h.area_id] : [],
    cityWide: false,
    schedules:
      h.available_days.length > 0 || h.opens_at || h.closes_at
        ? [{ freq: 'WEEKLY' as const, byday: h.available_days.length > 0 ? h.available_days.join(',') : null, opensAt: h.opens_at, closesAt: h.closes_at, validFrom: null, validTo: null }]
        : [],
    minAge: h.minimum_age,
    maxAge: h.maximum_age,
    capacity: h.capacity,
    placed: counts.hosts.get(h.host_id) ?? 0,
    waitlistCount: null,
    accommodationCodes: h.accommodation_codes,
  }));
}
