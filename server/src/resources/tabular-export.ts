/**
 * Nested HSDS services → the tables of the HSDS tabular package → CSV text per file (pure).
 * CSV is UTF-8 without BOM and without the spreadsheet formula guard: this is a data interchange
 * package read by other HSDS systems, and a leading apostrophe would change the data
 * (Kasane's Excel-oriented exports use platform/export/csv.ts with the guard on).
 */
import { toCsv } from '../platform/export/csv.js';
import type { HsdsAttributeT, HsdsLocationT, HsdsOrganizationT, HsdsServiceT, HsdsTaxonomyTermT } from './hsds.schemas.js';
import { PACKAGE_DESCRIPTOR, TABULAR_TABLES, type TabularRow, type TabularTable } from './tabular-tables.js';

export type Tables = Record<TabularTable, TabularRow[]>;

/** Flattens services (and organizations / taxonomy terms that have no service) into the tabular tables. */
export function toTables(services: readonly HsdsServiceT[], extra: { organizations?: readonly HsdsOrganizationT[]; terms?: readonly HsdsTaxonomyTermT[] } = {}): Tables {
  const t: Tables = {
    organization: [],
    service: [],
    location: [],
    address: [],
    phone: [],
    service_at_location: [],
    schedule: [],
    service_area: [],
    language: [],
    cost_option: [],
    accessibility: [],
    taxonomy: [],
    taxonomy_term: [],
    attribute: [],
  };
  const orgs = new Map<string, HsdsOrganizationT>();
  const locations = new Map<string, HsdsLocationT>();
  const terms = new Map<string, HsdsTaxonomyTermT>();
  for (const o of extra.organizations ?? []) orgs.set(o.id, o);
  for (const term of extra.terms ?? []) terms.set(term.id, term);
  const addAttributes = (attrs: readonly HsdsAttributeT[] | undefined) => {
    for (const { taxonomy_term: term, ...a } of attrs ?? []) {
      t.attribute.push(a);
      if (term && !terms.has(term.id)) terms.set(term.id, term);
    }
  };
  for (const s of services) {
    const { organization, phones, schedules, service_areas, service_at_locations, languages, cost_options, attributes, ...row } = s;
    t.service.push(row);
    if (organization && !orgs.has(organization.id)) orgs.set(organization.id, organization);
    t.phone.push(...phones);
    t.schedule.push(...schedules);
    for (const { attributes: areaAttrs, ...a } of service_areas) {
      t.service_area.push(a);
      addAttributes(areaAttrs);
    }
    for (const { location, schedules: _atLocation, ...sal } of service_at_locations) {
      t.service_at_location.push(sal);
      if (location && !locations.has(location.id)) locations.set(location.id, location);
    }
    t.language.push(...languages);
    t.cost_option.push(...cost_options);
    addAttributes(attributes);
  }
  for (const { phones, locations: _l, services: _s, ...o } of orgs.values()) {
    t.organization.push(o);
    t.phone.push(...(phones ?? []));
  }
  for (const { addresses, accessibility, attributes, ...l } of locations.values()) {
    t.location.push(l);
    t.address.push(...(addresses ?? []));
    t.accessibility.push(...(accessibility ?? []));
    addAttributes(attributes);
  }
  const taxonomies = new Map<string, TabularRow>();
  for (const { taxonomy_detail, ...term } of terms.values()) {
    t.taxonomy_term.push(term);
    if (taxonomy_detail && !taxonomies.has(taxonomy_detail.id)) taxonomies.set(taxonomy_detail.id, taxonomy_detail);
  }
  t.taxonomy.push(...taxonomies.values());
  return t;
}

/** One CSV text per table file, plus datapackage.json describing them. */
export function toCsvFiles(tables: Tables): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, def] of Object.entries(TABULAR_TABLES) as Array<[TabularTable, (typeof TABULAR_TABLES)[TabularTable]]>) {
    files[def.path] = toCsv(
      def.columns,
      tables[name].map((row) => def.columns.map((c) => row[c] ?? null)),
      { guardFormulas: false },
    );
  }
  files[PACKAGE_DESCRIPTOR] = `${JSON.stringify(
    {
      name: 'kasane-hsds',
      title: 'Kasane 地域資源（HSDS 3.0 tabular）',
      profile: 'tabular-data-package',
      resources: Object.entries(TABULAR_TABLES).map(([name, def]) => ({ name, path: def.path, profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8' })),
    },
    null,
    2,
  )}\n`;
  return files;
}
