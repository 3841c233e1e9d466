/** 地域資源 (HSDS directory) on the server: types, queries, mutations and downloads. The server decides who may do what. */
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { API_BASE, api } from '../../lib/api';
import type { Role } from '../../lib/me';

/** Staff who read the directory (the server lets the keepers among them edit: canEdit). */
export const RESOURCE_ROLES: readonly Role[] = ['municipal_admin', 'coordinator', 'caseworker', 'outreach_worker'];

export type ServiceStatus = 'active' | 'inactive' | 'temporarily closed' | 'defunct';
export const STATUSES: readonly ServiceStatus[] = ['active', 'inactive', 'temporarily closed', 'defunct'];

export interface Term {
  id: string;
  taxonomy: string;
  code: string;
  name: string;
}
export interface DirectoryOptions {
  terms: Array<Term & { description: string }>;
  areas: Array<{ id: string; code: string; name: string }>;
  organizations: Array<{ id: string; name: string }>;
  canEdit: boolean;
}
export interface Schedule {
  id?: string;
  locationId?: string | null;
  freq: 'WEEKLY' | 'MONTHLY' | null;
  interval?: number;
  byday: string | null;
  bymonthday: string | null;
  opensAt: string | null;
  closesAt: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  description: string | null;
}
export interface Location {
  id?: string;
  serviceAtLocationId?: string;
  locationType: 'physical' | 'postal' | 'virtual';
  name: string | null;
  description: string | null;
  address: string | null;
  postalCode: string | null;
  areaId: string | null;
  areaName?: string | null;
  latitude: number | null;
  longitude: number | null;
  accessibility: string | null;
}
export interface ServiceFields {
  organizationId: string;
  name: string;
  alternateName: string | null;
  description: string;
  url: string | null;
  email: string | null;
  phone: string | null;
  status: ServiceStatus;
  applicationProcess: string | null;
  feesDescription: string | null;
  eligibilityDescription: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  capacity: number | null;
  waitlistCount: number | null;
  termIds: string[];
  schedules: Schedule[];
  serviceAreas: Array<{ id?: string; areaId: string | null; name?: string | null; description?: string | null }>;
  languages: Array<{ id?: string; code: string; name: string; note?: string | null }>;
  costOptions: Array<{ id?: string; option: string | null; amount: number | null; amountDescription: string | null }>;
  locations: Location[];
}
export interface Service extends Omit<ServiceFields, 'organizationId' | 'termIds' | 'serviceAreas'> {
  id: string;
  organization: { id: string; name: string };
  terms: Term[];
  serviceAreas: Array<{ id: string; areaId: string | null; areaName: string | null; name: string; description: string | null }>;
  assuredDate: string | null;
  assuredBy: string | null;
  stale: boolean;
  lastModified: string;
  version: number;
  canEdit: boolean;
}
export interface ServiceListItem {
  id: string;
  name: string;
  organizationName: string;
  status: ServiceStatus;
  terms: Term[];
  areaNames: string[];
  assuredDate: string | null;
  assuredBy: string | null;
  stale: boolean;
  capacity: number | null;
  waitlistCount: number | null;
  lastModified: string;
}
export interface ServiceList {
  items: ServiceListItem[];
  total: number;
  staleTotal: number;
  page: number;
  perPage: number;
  canEdit: boolean;
}
export interface ListFilter {
  q?: string;
  termId?: string;
  areaId?: string;
  status?: ServiceStatus;
  stale?: boolean;
  page?: number;
}
export interface ImportResult {
  services: { created: number; updated: number };
  organizations: { created: number; updated: number };
  locations: number;
  taxonomyTerms: { created: number };
  ignoredFields: string[];
}
export interface ImportRowError {
  row: number;
  file?: string;
  id: string | null;
  path: string;
  message: string;
}

export const PER_PAGE = 50;

export const optionsQueryOptions = () => queryOptions({ queryKey: ['resources', 'options'], queryFn: () => api.get<DirectoryOptions>('/resources/options'), staleTime: 60_000 });

export const serviceListQueryOptions = (f: ListFilter) =>
  queryOptions({
    queryKey: ['resources', 'services', f],
    queryFn: () =>
      api.get<ServiceList>('/resources/services', {
        q: f.q,
        termId: f.termId,
        areaId: f.areaId,
        status: f.status,
        stale: f.stale ? 'true' : undefined,
        page: f.page,
        perPage: PER_PAGE,
      }),
  });

export const serviceQueryOptions = (id: string) => queryOptions({ queryKey: ['resources', 'service', id], queryFn: () => api.get<Service>(`/resources/services/${id}`) });

export const createService = (body: ServiceFields) => api.post<Service>('/resources/services', body);
export const updateService = (id: string, body: ServiceFields & { version: number }) => api.put<Service>(`/resources/services/${id}`, body);
export const assureService = (id: string, version: number) => api.post<Service>(`/resources/services/${id}/assure`, { version });
export const createOrganization = (body: { name: string; description: string; phone: string | null; website: string | null }) =>
  api.post<{ id: string; name: string }>('/resources/organizations', body);
export const importJson = (services: unknown) => api.post<ImportResult>('/resources/import/hsds-json', services);
export const importTabular = (files: Record<string, string>) => api.post<ImportResult>('/resources/import/tabular', { files });

/** After a change: the list, the options (new organizations, terms) and the one service are stale. */
export function resourcesChanged(queryClient: QueryClient, saved?: Service): void {
  if (saved) queryClient.setQueryData(serviceQueryOptions(saved.id).queryKey, saved);
  void queryClient.invalidateQueries({ queryKey: ['resources'] });
}

export const TABULAR_FILES = [
  'organizations.csv',
  'services.csv',
  'locations.csv',
  'addresses.csv',
  'phones.csv',
  'service_at_location.csv',
  'schedules.csv',
  'service_areas.csv',
  'languages.csv',
  'cost_options.csv',
  'accessibility.csv',
  'taxonomies.csv',
  'taxonomy_terms.csv',
  'attributes.csv',
  'datapackage.json',
] as const;

export const exportUrl = {
  json: `${API_BASE}/resources/export/hsds.json`,
  file: (name: string) => `${API_BASE}/resources/export/tabular/${name}`,
};

/** Saves text as a file (downloads made from data already fetched). */
export function saveText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

export const exportTabularBundle = () => api.get<{ files: Record<string, string> }>('/resources/export/tabular');
