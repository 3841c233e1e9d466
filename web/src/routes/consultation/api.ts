/** 本人・世帯 (persons and households) on the server: types, queries and mutations. */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Role } from '../../lib/me';

/** Roles the server lets work with persons (server STAFF_ROLES); others get a plain refusal. */
export const CONSULTATION_ROLES: readonly Role[] = ['municipal_admin', 'coordinator', 'caseworker', 'outreach_worker'];

export const SEXES = ['male', 'female', 'other', 'unanswered'] as const;
export type Sex = (typeof SEXES)[number];

/** 相談票の16項目, in form order. Labels live in ja.consultation.categories. */
export const CONCERN_CATEGORY_CODES = [
  'health_disability',
  'housing',
  'living_costs',
  'rent_loan',
  'tax_utilities',
  'debt',
  'job_search',
  'work_trouble',
  'community',
  'family',
  'childcare',
  'care',
  'withdrawal',
  'dv_abuse',
  'no_food',
  'other',
] as const;

export const CARE_FLAG_CODES = ['disability', 'illness', 'crime_victim', 'dv_victim', 'welfare_recipient'] as const;
export type CareFlag = (typeof CARE_FLAG_CODES)[number];

export interface PersonHit {
  id: string;
  familyName: string;
  givenName: string;
  familyKana: string | null;
  givenKana: string | null;
  sex: Sex;
  birthDate: string | null;
  address: string | null;
  rank: number;
}

export interface PersonSearchResult {
  items: PersonHit[];
  kind: 'birth_date' | 'phone' | 'kana' | 'name';
}

export interface PersonMembership {
  householdId: string;
  label: string;
  roleInHousehold: 'head' | 'member';
  livingTogether: boolean;
  joinedOn: string;
  leftOn: string | null;
}

export interface PersonView {
  id: string;
  familyName: string;
  givenName: string;
  familyKana: string | null;
  givenKana: string | null;
  sex: Sex;
  birthDate: string | null;
  address: string | null;
  phones: string[];
  notes: string | null;
  careFlags: CareFlag[];
  confidential: boolean;
  registeredByAgencyId: string;
  version: number;
  concerns: { categories: string[]; tags: string[] };
  households: PersonMembership[];
}

/** What the registration/edit form sends. `birthDate` is free text (和暦 or 西暦); the server parses it. */
export interface PersonInput {
  familyName: string;
  givenName: string;
  familyKana: string | null;
  givenKana: string | null;
  sex: Sex;
  birthDate: string | null;
  address: string | null;
  phones: string[];
  notes: string | null;
  careFlags: CareFlag[];
  concerns: { categories: string[]; tags: string[] };
  confidential: boolean;
}

export interface HouseholdMember {
  personId: string;
  familyName: string;
  givenName: string;
  familyKana: string | null;
  givenKana: string | null;
  birthDate: string | null;
  sex: Sex;
  roleInHousehold: 'head' | 'member';
  livingTogether: boolean;
  joinedOn: string;
  leftOn: string | null;
  concerns: { categories: string[]; tags: string[] };
}

export type RelationshipKind = 'parent' | 'child' | 'spouse' | 'sibling' | 'grandparent' | 'grandchild' | 'other';

/** 続柄: `personId` is the `kind` of `relatedPersonId` (parent: personId is the parent). */
export interface HouseholdRelationship {
  id: string;
  personId: string;
  relatedPersonId: string;
  kind: RelationshipKind;
  livingTogether: boolean;
}

export interface HouseholdView {
  id: string;
  label: string;
  address: string | null;
  notes: string | null;
  confidential: boolean;
  registeredByAgencyId: string;
  version: number;
  members: HouseholdMember[];
  relationships: HouseholdRelationship[];
}

export interface MemberInput {
  personId: string;
  roleInHousehold: 'head' | 'member';
  livingTogether: boolean;
}

export interface HouseholdInput {
  label: string;
  address: string | null;
  notes: string | null;
  confidential: boolean;
  members: MemberInput[];
}

const enc = encodeURIComponent;

export const personSearchQueryOptions = (q: string, limit = 30) =>
  queryOptions({
    queryKey: ['persons', 'search', q, limit] as const,
    queryFn: ({ signal }) => api.get<PersonSearchResult>('/persons', { q, limit }, signal),
    enabled: q.trim().length > 0,
    staleTime: 10_000,
  });

export const personQueryKey = (id: string) => ['persons', 'detail', id] as const;
export const personQueryOptions = (id: string) =>
  queryOptions({
    queryKey: personQueryKey(id),
    queryFn: ({ signal }) => api.get<PersonView>(`/persons/${enc(id)}`, undefined, signal),
    retry: false,
  });

export const householdQueryKey = (id: string) => ['households', 'detail', id] as const;
export const householdQueryOptions = (id: string) =>
  queryOptions({
    queryKey: householdQueryKey(id),
    queryFn: ({ signal }) => api.get<HouseholdView>(`/households/${enc(id)}`, undefined, signal),
    retry: false,
  });

export const registerPerson = (input: PersonInput) => api.post<PersonView>('/persons', input);
export const updatePerson = (id: string, input: PersonInput & { version: number }) =>
  api.put<PersonView>(`/persons/${enc(id)}`, input);
export const registerHousehold = (input: HouseholdInput) => api.post<HouseholdView>('/households', input);
export const addHouseholdMember = (id: string, member: MemberInput) =>
  api.post<HouseholdView>(`/households/${enc(id)}/members`, member);
