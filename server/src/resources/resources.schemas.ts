/** Zod shapes of the staff 地域資源 API (validation and OpenAPI); only declared fields leave the server. */
import { z } from 'zod';
import { SERVICE_STATUSES } from './resource-input.js';

const S = z.string();
const N = z.string().nullable();
const I = z.number().int().nullable();
const Status = z.enum(SERVICE_STATUSES);

export const TermView = z.object({ id: S, taxonomy: S, code: S, name: S });
const AreaView = z.object({ areaId: N, areaName: N });

export const ServiceView = z.object({
  id: S,
  organization: z.object({ id: S, name: S }),
  name: S,
  alternateName: N,
  description: S,
  url: N,
  email: N,
  phone: N,
  status: Status,
  applicationProcess: N,
  feesDescription: N,
  eligibilityDescription: N,
  minimumAge: I,
  maximumAge: I,
  capacity: I,
  waitlistCount: I,
  assuredDate: N,
  assuredBy: N,
  stale: z.boolean(),
  lastModified: S,
  version: z.number().int(),
  terms: z.array(TermView),
  schedules: z.array(
    z.object({
      id: S,
      locationId: N,
      freq: z.enum(['WEEKLY', 'MONTHLY']).nullable(),
      interval: z.number().int(),
      byday: N,
      bymonthday: N,
      opensAt: N,
      closesAt: N,
      validFrom: N,
      validTo: N,
      description: N,
    }),
  ),
  serviceAreas: z.array(AreaView.extend({ id: S, name: S, description: N })),
  languages: z.array(z.object({ id: S, code: S, name: S, note: N })),
  costOptions: z.array(z.object({ id: S, option: N, amount: I, currency: S, amountDescription: N })),
  locations: z.array(
    AreaView.extend({
      id: S,
      serviceAtLocationId: S,
      locationType: z.enum(['physical', 'postal', 'virtual']),
      name: N,
      description: N,
      address: N,
      postalCode: N,
      latitude: z.number().nullable(),
      longitude: z.number().nullable(),
      accessibility: N,
    }),
  ),
  canEdit: z.boolean(),
});

export const ServiceListItem = z.object({
  id: S,
  name: S,
  organizationName: S,
  status: Status,
  terms: z.array(TermView),
  areaNames: z.array(S),
  assuredDate: N,
  assuredBy: N,
  stale: z.boolean(),
  capacity: I,
  waitlistCount: I,
  lastModified: S,
});

export const ServiceList = z.object({
  items: z.array(ServiceListItem),
  total: z.number().int(),
  staleTotal: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
  canEdit: z.boolean(),
});

export const ServiceListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  termId: z.uuid().optional(),
  areaId: z.uuid().optional(),
  organizationId: z.uuid().optional(),
  status: Status.optional(),
  stale: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(50),
});

export const OrganizationView = z.object({
  id: S,
  name: S,
  alternateName: N,
  description: S,
  email: N,
  website: N,
  phone: N,
  version: z.number().int(),
  serviceCount: z.number().int(),
});

export const DirectoryOptions = z.object({
  terms: z.array(TermView.extend({ description: S })),
  areas: z.array(z.object({ id: S, code: S, name: S })),
  organizations: z.array(z.object({ id: S, name: S })),
  canEdit: z.boolean(),
});

export const ImportResult = z.object({
  services: z.object({ created: z.number().int(), updated: z.number().int() }),
  organizations: z.object({ created: z.number().int(), updated: z.number().int() }),
  locations: z.number().int(),
  taxonomyTerms: z.object({ created: z.number().int() }),
  /** Fields of the imported objects (and files of the package) Kasane does not keep. */
  ignoredFields: z.array(S),
});
