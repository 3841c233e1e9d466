/** Agencies and agency kinds, shared by the home page and the admin pages. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api';

export interface Agency {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  area: string | null;
  status: 'active' | 'closed';
  version: number;
}

export interface AgencyKind {
  code: string;
  label: string;
}

export const agenciesQueryOptions = queryOptions({
  queryKey: ['agencies'],
  queryFn: ({ signal }) => api.get<{ items: Agency[] }>('/agencies', undefined, signal),
  select: (data) => data.items,
});

export const agencyKindsQueryOptions = queryOptions({
  queryKey: ['agency-kinds'],
  queryFn: ({ signal }) => api.get<{ items: AgencyKind[] }>('/agency-kinds', undefined, signal),
  select: (data) => data.items,
  staleTime: 10 * 60_000,
});

/** Label for an agency kind code (kinds are server configuration); the code itself until loaded. */
export function useAgencyKindLabel(): (code: string) => string {
  const { data } = useQuery(agencyKindsQueryOptions);
  return (code) => data?.find((k) => k.code === code)?.label ?? code;
}
