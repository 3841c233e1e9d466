/** 家族図・エコマップ on the server: the ecomap query and 続柄 (relationship) mutations. */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { HouseholdView, RelationshipKind } from '../api';

export type EcomapRole = 'registered' | 'lead' | 'former_lead' | 'consultation' | 'referral' | 'team';

export interface EcomapAgency {
  agencyId: string;
  name: string;
  kind: string;
  roles: EcomapRole[];
  since: string | null;
  active: boolean;
}

export interface HouseholdEcomap {
  householdId: string;
  householdLabel: string;
  agencies: EcomapAgency[];
  resources: Array<{ resourceId: string; name: string; kind: string }>;
}

const enc = encodeURIComponent;

export const ecomapQueryOptions = (householdId: string) =>
  queryOptions({
    queryKey: ['households', 'ecomap', householdId] as const,
    queryFn: ({ signal }) => api.get<HouseholdEcomap>(`/households/${enc(householdId)}/ecomap`, undefined, signal),
    retry: false,
  });

export interface RelationshipInput {
  personId: string;
  relatedPersonId: string;
  kind: RelationshipKind;
  livingTogether: boolean;
}

export const addRelationship = (householdId: string, input: RelationshipInput) =>
  api.post<HouseholdView>(`/households/${enc(householdId)}/relationships`, input);
export const removeRelationship = (householdId: string, relationshipId: string) =>
  api.delete<HouseholdView>(`/households/${enc(householdId)}/relationships/${enc(relationshipId)}`);
