/**
 * The HSDS 3.0 tabular package (compiled/tabular.json): one CSV file per table, columns = the
 * table's non-array fields, in the schema's order. Kasane writes and reads these tables; a test
 * checks these lists against the official schema.
 */
export const TABULAR_TABLES = {
  organization: {
    path: 'organizations.csv',
    columns: ['id', 'name', 'alternate_name', 'description', 'email', 'website', 'tax_status', 'tax_id', 'year_incorporated', 'legal_status', 'logo', 'uri', 'parent_organization_id'],
  },
  service: {
    path: 'services.csv',
    columns: [
      'id',
      'organization_id',
      'program_id',
      'name',
      'alternate_name',
      'description',
      'url',
      'email',
      'status',
      'interpretation_services',
      'application_process',
      'fees_description',
      'wait_time',
      'fees',
      'accreditations',
      'eligibility_description',
      'minimum_age',
      'maximum_age',
      'assured_date',
      'assurer_email',
      'licenses',
      'alert',
      'last_modified',
    ],
  },
  location: {
    path: 'locations.csv',
    columns: ['id', 'location_type', 'url', 'organization_id', 'name', 'alternate_name', 'description', 'transportation', 'latitude', 'longitude', 'external_identifier', 'external_identifier_type'],
  },
  address: { path: 'addresses.csv', columns: ['id', 'location_id', 'attention', 'address_1', 'address_2', 'city', 'region', 'state_province', 'postal_code', 'country', 'address_type'] },
  phone: { path: 'phones.csv', columns: ['id', 'location_id', 'service_id', 'organization_id', 'contact_id', 'service_at_location_id', 'number', 'extension', 'type', 'description'] },
  service_at_location: { path: 'service_at_location.csv', columns: ['id', 'service_id', 'location_id', 'description'] },
  schedule: {
    path: 'schedules.csv',
    columns: [
      'id',
      'service_id',
      'location_id',
      'service_at_location_id',
      'valid_from',
      'valid_to',
      'dtstart',
      'timezone',
      'until',
      'count',
      'wkst',
      'freq',
      'interval',
      'byday',
      'byweekno',
      'bymonthday',
      'byyearday',
      'description',
      'opens_at',
      'closes_at',
      'schedule_link',
      'attending_type',
      'notes',
    ],
  },
  service_area: { path: 'service_areas.csv', columns: ['id', 'service_id', 'name', 'description', 'extent', 'extent_type', 'uri'] },
  language: { path: 'languages.csv', columns: ['id', 'service_id', 'location_id', 'phone_id', 'name', 'code', 'note'] },
  cost_option: { path: 'cost_options.csv', columns: ['id', 'service_id', 'valid_from', 'valid_to', 'option', 'currency', 'amount', 'amount_description'] },
  accessibility: { path: 'accessibility.csv', columns: ['id', 'location_id', 'description', 'details', 'url'] },
  taxonomy: { path: 'taxonomies.csv', columns: ['id', 'name', 'description', 'uri', 'version'] },
  taxonomy_term: { path: 'taxonomy_terms.csv', columns: ['id', 'code', 'name', 'description', 'parent_id', 'taxonomy', 'language', 'taxonomy_id', 'term_uri'] },
  attribute: { path: 'attributes.csv', columns: ['id', 'link_id', 'taxonomy_term_id', 'link_type', 'link_entity', 'value'] },
} as const;

export type TabularTable = keyof typeof TABULAR_TABLES;
export type TabularRow = Record<string, string | number | null | undefined>;

/** Columns the schema types as numbers (read back from CSV text as numbers). */
export const NUMERIC_COLUMNS: ReadonlySet<string> = new Set(['year_incorporated', 'minimum_age', 'maximum_age', 'latitude', 'longitude', 'extension', 'timezone', 'count', 'interval', 'amount']);

export const PACKAGE_DESCRIPTOR = 'datapackage.json';
