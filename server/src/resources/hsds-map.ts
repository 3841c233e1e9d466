/**
 * Kasane's directory records → HSDS 3.0 objects (pure). Choices, for anyone reading an export:
 * - Taxonomy terms are HSDS attributes (link_entity 'service', link_type 'classification') with the
 *   nested taxonomy_term; taxonomy ids are derived from the taxonomy name (taxonomyIdOf).
 * - What HSDS has no field for goes out as attributes whose terms belong to the Kasane extension
 *   taxonomy 'kasane-ext' (link_type 'extension'): 受入枠 'capacity' and 待機人数 'waitlist_count'
 *   on the service, 圏域 'area' (the area code) on locations and service areas, and in staff exports
 *   確認者 'assured_by' (assurer_email only carries an e-mail address; the public API leaves the
 *   staff member's name out).
 * - The one-line Japanese address is address_1; city and state_province are the municipality and
 *   the prefecture; country 'JP'. Opening hours are Japan time: 'HH:MM+09:00' with timezone 9.
 * - Kasane's single phone numbers become one HSDS phone each, with ids derived from the owner's id.
 */
import { derivedId, EXT_TERMS, type ExtCode, KASANE_EXT_TAXONOMY, TAXONOMY_DESCRIPTIONS, taxonomyIdOf } from './default-taxonomy.js';
import type { HsdsAttributeT, HsdsLocationT, HsdsOrganizationT, HsdsServiceAtLocationBriefT, HsdsServiceBriefT, HsdsServiceT, HsdsTaxonomyT, HsdsTaxonomyTermT } from './hsds.schemas.js';
import type { DirectoryPlace, LocationRecord, OrganizationRecord, ServiceRecord, TermRecord } from './resource-records.js';

export interface MapOptions {
  place: DirectoryPlace;
  /** Staff exports carry 確認者; the public API does not. */
  includeAssurer: boolean;
}

/** Drops keys whose value is null or undefined (HSDS types are not nullable). */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function hsdsTaxonomy(name: string): HsdsTaxonomyT {
  return { id: taxonomyIdOf(name), name, description: TAXONOMY_DESCRIPTIONS[name] ?? name };
}

export function hsdsTerm(t: TermRecord): HsdsTaxonomyTermT {
  return compact({
    id: t.id,
    code: t.code,
    name: t.name,
    description: t.description,
    parent_id: t.parentId ?? undefined,
    taxonomy: t.taxonomy,
    taxonomy_id: taxonomyIdOf(t.taxonomy),
    taxonomy_detail: hsdsTaxonomy(t.taxonomy),
    language: 'ja',
  });
}

export function extTermRecord(code: ExtCode): TermRecord {
  const t = EXT_TERMS[code];
  return { id: t.id, taxonomy: KASANE_EXT_TAXONOMY, code: t.code, name: t.name, description: t.description, parentId: null };
}

function attribute(linkId: string, linkEntity: string, term: TermRecord, linkType: string, value?: string): HsdsAttributeT {
  return compact({ id: derivedId(linkId, `attr:${term.id}`), link_id: linkId, taxonomy_term_id: term.id, link_type: linkType, link_entity: linkEntity, value, taxonomy_term: hsdsTerm(term) });
}

const extAttribute = (linkId: string, linkEntity: string, code: ExtCode, value: string) => attribute(linkId, linkEntity, extTermRecord(code), 'extension', value);

const jst = (time: string | null) => (time ? `${time}+09:00` : undefined);

export function hsdsLocation(l: LocationRecord, place: DirectoryPlace): HsdsLocationT {
  return compact({
    id: l.id,
    location_type: l.locationType,
    organization_id: l.organizationId ?? undefined,
    name: l.name ?? undefined,
    description: l.description ?? undefined,
    latitude: l.latitude ?? undefined,
    longitude: l.longitude ?? undefined,
    addresses: l.address
      ? [
          {
            id: derivedId(l.id, 'address'),
            location_id: l.id,
            address_1: l.address,
            city: place.municipalityName,
            state_province: place.prefectureName,
            postal_code: l.postalCode ?? '',
            country: 'JP',
            address_type: l.locationType,
          },
        ]
      : undefined,
    accessibility: l.accessibility ? [{ id: derivedId(l.id, 'accessibility'), location_id: l.id, description: l.accessibility }] : undefined,
    attributes: l.areaCode ? [extAttribute(l.id, 'location', 'area', l.areaCode)] : undefined,
  });
}

export function hsdsOrganizationBrief(o: OrganizationRecord) {
  return compact({ id: o.id, name: o.name, alternate_name: o.alternateName ?? undefined, description: o.description, email: o.email ?? undefined, website: o.website ?? undefined });
}

export function hsdsOrganization(o: OrganizationRecord, extra: { locations?: HsdsLocationT[]; services?: HsdsServiceBriefT[] } = {}): HsdsOrganizationT {
  return compact({
    ...hsdsOrganizationBrief(o),
    phones: o.phone ? [{ id: derivedId(o.id, 'phone'), organization_id: o.id, number: o.phone }] : undefined,
    locations: extra.locations,
    services: extra.services,
  });
}

function oneToOne(s: ServiceRecord, options: MapOptions) {
  const assurerEmail = options.includeAssurer && s.assuredBy && EMAIL.test(s.assuredBy) ? s.assuredBy : undefined;
  return compact({
    id: s.id,
    organization_id: s.organizationId,
    name: s.name,
    alternate_name: s.alternateName ?? undefined,
    description: s.description,
    url: s.url ?? undefined,
    email: s.email ?? undefined,
    status: s.status,
    application_process: s.applicationProcess ?? undefined,
    fees_description: s.feesDescription ?? undefined,
    eligibility_description: s.eligibilityDescription ?? undefined,
    minimum_age: s.minimumAge ?? undefined,
    maximum_age: s.maximumAge ?? undefined,
    assured_date: s.assuredDate ?? undefined,
    assurer_email: assurerEmail,
    last_modified: s.lastModified.toISOString(),
  });
}

/** compiled/service_list.json. */
export function hsdsServiceBrief(s: ServiceRecord, options: MapOptions): HsdsServiceBriefT {
  return { ...oneToOne(s, options), organization: hsdsOrganizationBrief(s.organization) };
}

/** compiled/service.json: the fully nested service. */
export function hsdsService(s: ServiceRecord, options: MapOptions): HsdsServiceT {
  const attributes: HsdsAttributeT[] = s.terms.map((t) => attribute(s.id, 'service', t, 'classification'));
  if (s.capacity !== null) attributes.push(extAttribute(s.id, 'service', 'capacity', String(s.capacity)));
  if (s.waitlistCount !== null) attributes.push(extAttribute(s.id, 'service', 'waitlist_count', String(s.waitlistCount)));
  if (options.includeAssurer && s.assuredBy && !EMAIL.test(s.assuredBy)) attributes.push(extAttribute(s.id, 'service', 'assured_by', s.assuredBy));
  const locationIds = new Map(s.locations.map((l) => [l.location.id, l.id]));
  return {
    ...oneToOne(s, options),
    organization: hsdsOrganization(s.organization),
    phones: s.phone ? [{ id: derivedId(s.id, 'phone'), service_id: s.id, number: s.phone }] : [],
    schedules: s.schedules.map((x) =>
      compact({
        id: x.id,
        service_id: s.id,
        location_id: x.locationId ?? undefined,
        service_at_location_id: x.locationId ? locationIds.get(x.locationId) : undefined,
        valid_from: x.validFrom ?? undefined,
        valid_to: x.validTo ?? undefined,
        timezone: 9,
        freq: x.freq ?? undefined,
        interval: x.interval,
        byday: x.byday ?? undefined,
        bymonthday: x.bymonthday ?? undefined,
        description: x.description ?? undefined,
        opens_at: jst(x.opensAt),
        closes_at: jst(x.closesAt),
      }),
    ),
    service_areas: s.serviceAreas.map((a) =>
      compact({ id: a.id, service_id: s.id, name: a.name, description: a.description ?? undefined, attributes: a.areaCode ? [extAttribute(a.id, 'service_area', 'area', a.areaCode)] : undefined }),
    ),
    service_at_locations: s.locations.map((l) =>
      compact({ id: l.id, service_id: s.id, location_id: l.location.id, description: l.description ?? undefined, location: hsdsLocation(l.location, options.place) }),
    ),
    languages: s.languages.map((l) => compact({ id: l.id, service_id: s.id, name: l.name, code: l.code, note: l.note ?? undefined })),
    cost_options: s.costOptions.map((c) =>
      compact({ id: c.id, service_id: s.id, option: c.option ?? undefined, currency: c.currency, amount: c.amount ?? undefined, amount_description: c.amountDescription ?? undefined }),
    ),
    attributes,
  };
}

/** compiled/service_at_location_list.json: one row per (service, location). */
export function hsdsServiceAtLocations(s: ServiceRecord, options: MapOptions): HsdsServiceAtLocationBriefT[] {
  const full = hsdsService(s, options);
  const brief = hsdsServiceBrief(s, options);
  return full.service_at_locations.map((sal) => ({ ...sal, schedules: full.schedules.filter((x) => x.location_id === undefined || x.location_id === sal.location_id), service: brief }));
}
