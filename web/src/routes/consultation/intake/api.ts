/** 相談受付 (consultation intake) and 同意 on the server: types, queries and mutations. */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export const ROUTES = ['visit', 'phone', 'home_visit', 'email', 'meeting', 'referral', 'online'] as const;
export type IntakeRoute = (typeof ROUTES)[number];

/** What can be recorded at intake; 撤回 only exists once consent was asked. */
export const INTAKE_CONSENTS = ['given', 'refused', 'unknown'] as const;
export const CONSENT_STATUSES = ['given', 'refused', 'unknown', 'withdrawn'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export interface Visitor {
  kind: 'self' | 'other';
  relationship: string | null;
  name: string | null;
}

export interface Consent {
  status: ConsentStatus;
  recordedAt: string;
  recordedBy: string;
  /** null: every related agency. */
  agencyScope: string[] | null;
  dataScope: string[] | null;
  validUntil: string | null;
}

export interface ConsultationView {
  id: string;
  receivedOn: string;
  receivingAgencyId: string;
  receivingAgencyName: string;
  receivedBy: { loginName: string; displayName: string };
  route: IntakeRoute;
  visitor: Visitor;
  personId: string | null;
  personName: string | null;
  anonymous: boolean;
  categories: string[];
  primaryCategory: string | null;
  summary: string;
  details: string | null;
  consent: Consent;
  consentHistory: Consent[];
  version: number;
}

export interface ConsultationItem {
  id: string;
  receivedOn: string;
  route: IntakeRoute;
  receivingAgencyId: string;
  receivingAgencyName: string;
  personId: string | null;
  personName: string | null;
  anonymous: boolean;
  primaryCategory: string | null;
  categories: string[];
  summary: string;
  consentStatus: ConsentStatus;
}

export interface ConsultationInput {
  receivedOn?: string;
  agencyId?: string;
  route: IntakeRoute;
  visitor: { kind: 'self' | 'other'; relationship?: string; name?: string };
  personId?: string | null;
  anonymous?: boolean;
  categories: string[];
  primaryCategory?: string | null;
  summary: string;
  details?: string;
  consentStatus: 'given' | 'refused' | 'unknown';
}

export interface ConsentInput {
  status: ConsentStatus;
  agencyScope?: string[] | null;
  validUntil?: string | null;
  version: number;
}

const enc = encodeURIComponent;

export const consultationListQueryOptions = (filter: { personId?: string; limit?: number }) =>
  queryOptions({
    queryKey: ['consultations', 'list', filter.personId ?? null, filter.limit ?? null] as const,
    queryFn: ({ signal }) =>
      api.get<{ items: ConsultationItem[] }>('/consultations', { personId: filter.personId, limit: filter.limit }, signal),
    select: (data) => data.items,
  });

export const consultationQueryKey = (id: string) => ['consultations', 'detail', id] as const;
export const consultationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: consultationQueryKey(id),
    queryFn: ({ signal }) => api.get<ConsultationView>(`/consultations/${enc(id)}`, undefined, signal),
    retry: false,
  });

export const takeConsultation = (input: ConsultationInput) => api.post<ConsultationView>('/consultations', input);
export const linkPerson = (id: string, body: { personId: string; version: number }) =>
  api.post<ConsultationView>(`/consultations/${enc(id)}/person`, body);
export const recordConsent = (id: string, body: ConsentInput) =>
  api.post<ConsultationView>(`/consultations/${enc(id)}/consent`, body);
