/** アウトリーチ on the server: types, queries and mutations (leads, 訪問記録, 段階, 連絡の間隔, 移行). */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Role } from '../../lib/me';

/** Staff roles that work leads (the server decides each request). */
export const OUTREACH_ROLES: readonly Role[] = ['municipal_admin', 'coordinator', 'caseworker', 'outreach_worker'];

export const LEAD_SOURCES = ['meeting', 'neighbour', 'agency', 'self_family', 'other'] as const;
export const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export const ATTEMPT_KINDS = ['visit', 'phone', 'letter', 'interview', 'accompany'] as const;
export const ATTEMPT_OUTCOMES = ['met', 'absent', 'refused', 'letter_left', 'no_answer', 'other'] as const;
export const CLOSE_REASONS = ['unreachable', 'moved', 'declined', 'handled_elsewhere', 'no_need', 'deceased', 'other'] as const;
export type LeadFilter = 'active' | 'consented' | 'closed' | 'all';
export type LeadStatus = 'open' | 'in_contact' | 'consented' | 'closed';
export type Urgency = (typeof URGENCIES)[number];

export interface CadenceState {
  intervalDays: number;
  startsOn: string;
  lastContactOn: string;
  dueOn: string;
  lapsed: boolean;
  daysOverdue: number;
}

export interface LeadView {
  id: string;
  agencyId: string;
  agencyName: string;
  areaId: string | null;
  areaName: string | null;
  source: string;
  sourceDetail: string | null;
  meetingId: string | null;
  meetingTitle: string | null;
  personId: string | null;
  personName: string | null;
  personDescription: string;
  householdId: string | null;
  householdLabel: string | null;
  location: string | null;
  concern: string;
  urgency: Urgency;
  assignedUserId: string | null;
  assignedName: string | null;
  status: LeadStatus;
  closeReason: string | null;
  closeNote: string | null;
  closedOn: string | null;
  stageId: string | null;
  stageName: string | null;
  stageChangedOn: string | null;
  consultationId: string | null;
  caseId: string | null;
  consentedOn: string | null;
  openedOn: string;
  createdBy: string;
  version: number;
  canEdit: boolean;
  report: { id: string; reportedAt: string; reporterName: string; noticed: string[]; note: string | null; urgency: Urgency } | null;
  attempts: Array<{ id: string; occurredAt: string; kind: string; outcome: string; note: string | null; recordedBy: string; agencyName: string }>;
  stageHistory: Array<{ id: string; stageId: string; stageName: string; changedOn: string; note: string | null; recordedBy: string }>;
  cadence: (CadenceState & { version: number }) | null;
}

export interface LeadItem {
  id: string;
  label: string;
  identified: boolean;
  areaName: string | null;
  source: string;
  fromVolunteer: boolean;
  urgency: Urgency;
  status: LeadStatus;
  stageName: string | null;
  assignedName: string | null;
  openedOn: string;
  attempts: number;
  lastAttemptAt: string | null;
}

export interface LapseItem {
  kind: 'lead' | 'case';
  id: string;
  label: string;
  workerName: string;
  intervalDays: number;
  lastContactOn: string;
  dueOn: string;
  daysOverdue: number;
}

export interface TrustStages {
  version: number;
  stages: Array<{ id: string; code: string; name: string; description: string; order: number; retired: boolean }>;
}

export interface Options {
  areas: Array<{ id: string; code: string; name: string; responsibleAgencyName: string | null }>;
  workers: Array<{ id: string; name: string; agencyId: string }>;
}

export const leadQueryKey = (id: string) => ['outreach', 'lead', id] as const;

export const leadListQueryOptions = (filter: LeadFilter, mine: boolean) =>
  queryOptions({
    queryKey: ['outreach', 'leads', filter, mine] as const,
    queryFn: ({ signal }) => api.get<{ items: LeadItem[] }>('/outreach/leads', { filter, mine: mine ? 'true' : 'false' }, signal),
  });

export const leadQueryOptions = (id: string) =>
  queryOptions({ queryKey: leadQueryKey(id), queryFn: ({ signal }) => api.get<LeadView>(`/outreach/leads/${id}`, undefined, signal) });

export const lapsesQueryOptions = (scope: 'mine' | 'agency') =>
  queryOptions({
    queryKey: ['outreach', 'lapses', scope] as const,
    queryFn: ({ signal }) => api.get<{ watched: number; items: LapseItem[] }>('/outreach/lapses', { scope }, signal),
  });

export const trustStagesQueryOptions = queryOptions({
  queryKey: ['outreach', 'trust-stages'] as const,
  queryFn: ({ signal }) => api.get<TrustStages>('/outreach/trust-stages', undefined, signal),
});

export const optionsQueryOptions = queryOptions({
  queryKey: ['outreach', 'options'] as const,
  queryFn: ({ signal }) => api.get<Options>('/outreach/options', undefined, signal),
  staleTime: 60_000,
});

export const caseCadenceQueryOptions = (caseId: string) =>
  queryOptions({
    queryKey: ['outreach', 'case-cadence', caseId] as const,
    queryFn: ({ signal }) => api.get<{ caseId: string; canEdit: boolean; cadence: (CadenceState & { workerName: string }) | null }>(`/cases/${caseId}/cadence`, undefined, signal),
  });

export type CreateLeadBody = {
  source: string;
  sourceDetail?: string | null;
  areaId?: string | null;
  meetingId?: string | null;
  personDescription: string;
  location?: string | null;
  concern: string;
  urgency: Urgency;
  assignedUserId?: string | null;
};

export const createLead = (body: CreateLeadBody) => api.post<LeadView>('/outreach/leads', body);
export const updateLead = (id: string, body: Record<string, unknown> & { version: number }) => api.patch<LeadView>(`/outreach/leads/${id}`, body);
export const recordAttempt = (id: string, body: { occurredAt: string; kind: string; outcome: string; note: string | null }) => api.post<LeadView>(`/outreach/leads/${id}/attempts`, body);
export const changeStage = (id: string, body: { stageId: string; changedOn: string | null; note: string | null; version: number }) => api.post<LeadView>(`/outreach/leads/${id}/stage`, body);
export const closeLead = (id: string, body: { reason: string; note: string | null; version: number }) => api.post<LeadView>(`/outreach/leads/${id}/close`, body);
export const reopenLead = (id: string, version: number) => api.post<LeadView>(`/outreach/leads/${id}/reopen`, { version });
export const moveToCase = (id: string, body: { version: number; agencyScope: string[] | null; validUntil: string | null; summary: string | null; householdLabel: string | null }) =>
  api.post<LeadView>(`/outreach/leads/${id}/consent`, body);
export const setLeadCadence = (id: string, intervalDays: number | null) => api.put<LeadView>(`/outreach/leads/${id}/cadence`, { intervalDays });
export const setCaseCadence = (caseId: string, intervalDays: number | null) => api.put(`/cases/${caseId}/cadence`, { intervalDays });
export const saveTrustStages = (body: { version: number; stages: Array<{ id: string | null; name: string; description: string; retired: boolean }> }) => api.put<TrustStages>('/admin/trust-stages', body);

/** A local date-time input value (YYYY-MM-DDTHH:mm) in Japan time, for <input type="datetime-local">. */
export function nowLocalInput(date = new Date()): string {
  return new Date(date.getTime() + 9 * 3_600_000).toISOString().slice(0, 16);
}

/** The instant of a datetime-local value typed in Japan time. */
export function fromLocalInput(value: string): string {
  return new Date(`${value}:00+09:00`).toISOString();
}
