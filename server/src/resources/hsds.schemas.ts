/**
 * The HSDS 3.0 objects Kasane writes (export and the public API), as Zod shapes for the response
 * serializer and OpenAPI. Field names and nesting follow the official schemas in
 * /work/shared/specs/hsds-3.0/ (compiled/service.json …); tests validate real output against them.
 * A value Kasane does not have is left out (HSDS types are not nullable).
 */
import { z } from 'zod';

const S = z.string();
const O = z.string().optional();
const Num = z.number().optional();

export const HsdsTaxonomy = z.object({ id: S, name: S, description: S, uri: O, version: O });

export const HsdsTaxonomyTerm = z.object({
  id: S,
  code: O,
  name: S,
  description: S,
  parent_id: O,
  taxonomy: O,
  taxonomy_id: O,
  taxonomy_detail: HsdsTaxonomy.optional(),
  language: O,
});

export const HsdsAttribute = z.object({
  id: S,
  link_id: S,
  taxonomy_term_id: S,
  link_type: O,
  link_entity: S,
  value: O,
  taxonomy_term: HsdsTaxonomyTerm.optional(),
});

export const HsdsPhone = z.object({ id: S, service_id: O, organization_id: O, location_id: O, number: S, type: O });

export const HsdsAddress = z.object({
  id: S,
  location_id: O,
  address_1: S,
  address_2: O,
  city: S,
  region: O,
  state_province: S,
  postal_code: S,
  country: S,
  address_type: z.enum(['physical', 'postal', 'virtual']),
});

export const HsdsAccessibility = z.object({ id: S, location_id: O, description: O });

export const HsdsSchedule = z.object({
  id: S,
  service_id: O,
  location_id: O,
  service_at_location_id: O,
  valid_from: O,
  valid_to: O,
  timezone: Num,
  freq: z.enum(['WEEKLY', 'MONTHLY']).optional(),
  interval: Num,
  byday: O,
  bymonthday: O,
  description: O,
  opens_at: O,
  closes_at: O,
});

export const HsdsLocation = z.object({
  id: S,
  location_type: z.enum(['physical', 'postal', 'virtual']),
  organization_id: O,
  name: O,
  description: O,
  latitude: Num,
  longitude: Num,
  addresses: z.array(HsdsAddress).optional(),
  accessibility: z.array(HsdsAccessibility).optional(),
  attributes: z.array(HsdsAttribute).optional(),
});

export const HsdsServiceArea = z.object({ id: S, service_id: O, name: O, description: O, extent_type: O, attributes: z.array(HsdsAttribute).optional() });
export const HsdsLanguage = z.object({ id: S, service_id: O, name: O, code: O, note: O });
export const HsdsCostOption = z.object({ id: S, service_id: S, option: O, currency: O, amount: Num, amount_description: O });

export const HsdsOrganizationBrief = z.object({
  id: S,
  name: S,
  alternate_name: O,
  description: S,
  email: O,
  website: O,
});

const serviceOneToOne = {
  id: S,
  organization_id: O,
  name: S,
  alternate_name: O,
  description: O,
  url: O,
  email: O,
  status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed']),
  application_process: O,
  fees_description: O,
  eligibility_description: O,
  minimum_age: Num,
  maximum_age: Num,
  assured_date: O,
  assurer_email: O,
  last_modified: O,
};

/** compiled/service_list.json: one-to-one fields and the organization. */
export const HsdsServiceBrief = z.object({ ...serviceOneToOne, organization: HsdsOrganizationBrief.optional() });

export const HsdsServiceAtLocation = z.object({
  id: S,
  service_id: O,
  location_id: O,
  description: O,
  location: HsdsLocation.optional(),
  schedules: z.array(HsdsSchedule).optional(),
});

export const HsdsOrganization = HsdsOrganizationBrief.extend({
  phones: z.array(HsdsPhone).optional(),
  locations: z.array(HsdsLocation).optional(),
  services: z.array(HsdsServiceBrief).optional(),
});

/** compiled/service.json: the fully nested service. */
export const HsdsService = z.object({
  ...serviceOneToOne,
  organization: HsdsOrganization.optional(),
  phones: z.array(HsdsPhone),
  schedules: z.array(HsdsSchedule),
  service_areas: z.array(HsdsServiceArea),
  service_at_locations: z.array(HsdsServiceAtLocation),
  languages: z.array(HsdsLanguage),
  cost_options: z.array(HsdsCostOption),
  attributes: z.array(HsdsAttribute),
});

/** compiled/service_at_location_list.json: the link with its location and the service's one-to-one fields. */
export const HsdsServiceAtLocationBrief = HsdsServiceAtLocation.extend({ service: HsdsServiceBrief.optional() });

export type HsdsServiceT = z.infer<typeof HsdsService>;
export type HsdsServiceBriefT = z.infer<typeof HsdsServiceBrief>;
export type HsdsOrganizationT = z.infer<typeof HsdsOrganization>;
export type HsdsLocationT = z.infer<typeof HsdsLocation>;
export type HsdsAttributeT = z.infer<typeof HsdsAttribute>;
export type HsdsTaxonomyTermT = z.infer<typeof HsdsTaxonomyTerm>;
export type HsdsTaxonomyT = z.infer<typeof HsdsTaxonomy>;
export type HsdsServiceAtLocationT = z.infer<typeof HsdsServiceAtLocation>;
export type HsdsServiceAtLocationBriefT = z.infer<typeof HsdsServiceAtLocationBrief>;

/** The paged list of the HSDS API profile (openapi.json components/schemas/Page + contents). */
export function hsdsPage<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    total_items: z.number().int(),
    total_pages: z.number().int(),
    page_number: z.number().int(),
    size: z.number().int(),
    first_page: z.boolean(),
    last_page: z.boolean(),
    empty: z.boolean(),
    contents: z.array(item),
  });
}
