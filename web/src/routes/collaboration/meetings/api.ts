/** 会議 and 会議種別 on the server: types, queries, mutations. The server decides who sees what. */
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Role } from '../../../lib/me';

/** Roles that work with meetings (staff); the server still decides per meeting. */
export const MEETING_ROLES: readonly Role[] = ['municipal_admin', 'coordinator', 'caseworker', 'outreach_worker'];

export type MeetingStatus = 'scheduled' | 'open' | 'closed';
export const DECISIONS = ['plan_approved', 'evaluated', 'closed', 'suspended', 'resource_gap', 'continued'] as const;
export type Decision = (typeof DECISIONS)[number];
export type MeetingFilter = 'upcoming' | 'closed' | 'all';

export interface MeetingType {
  id: string;
  code: string;
  name: string;
  legalBasis: string;
  convenedBy: string;
  memberAgencyIds: string[];
  consentRequired: boolean;
  closedToPublic: boolean;
  copiedFromCode: string | null;
  active: boolean;
  version: number;
}

export interface AgendaItemSummary {
  id: string;
  caseId: string;
  basis: 'consent' | 'statutory';
  legalBasis: string | null;
  consentId: string | null;
  householdLabel: string | null;
  hiddenReason: string | null;
  decision: Decision | null;
  version: number;
}

export interface MeetingView {
  id: string;
  title: string;
  scheduledAt: string;
  place: string | null;
  status: MeetingStatus;
  version: number;
  type: { id: string; code: string; name: string; legalBasis: string; consentRequired: boolean; closedToPublic: boolean };
  convenedByAgencyId: string;
  convenedByAgencyName: string;
  myRole: 'convener' | 'member';
  acknowledgementRequired: boolean;
  acknowledgedByMe: boolean;
  members: Array<{ agencyId: string; agencyName: string; userId: string | null; userName: string | null; attended: boolean | null }>;
  acknowledgements: Array<{ userId: string; userName: string; at: string }>;
  agendaItems: AgendaItemSummary[];
}

export interface MeetingListItem {
  id: string;
  title: string;
  scheduledAt: string;
  place: string | null;
  status: MeetingStatus;
  typeCode: string;
  typeName: string;
  convenedByAgencyName: string;
  agendaCount: number;
}

export interface InfoRequest {
  id: string;
  toAgencyId: string;
  toAgencyName: string;
  question: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  requestedAt: string;
}

export interface Material {
  agendaItemId: string;
  meetingId: string;
  caseId: string;
  basis: 'consent' | 'statutory';
  legalBasis: string | null;
  consentId: string | null;
  accessBasis: string;
  householdLabel: string;
  leadAgencyName: string;
  members: Array<{ personId: string; name: string; roleInHousehold: string; concerns: string[] }>;
  minutes: string | null;
  decision: Decision | null;
  decisionNote: string | null;
  planId: string | null;
  planVersion: number | null;
  activePlan: { planId: string; currentVersion: number } | null;
  infoRequests: InfoRequest[];
  version: number;
}

export interface AgendaItemState {
  id: string;
  minutes: string | null;
  decision: Decision | null;
  decisionNote: string | null;
  planId: string | null;
  planVersion: number | null;
  version: number;
}

export interface OwnCase {
  id: string;
  householdLabel: string;
  status: 'open' | 'closed';
  leadAgencyName: string;
}

export const meetingTypesQueryOptions = (includeInactive = false) =>
  queryOptions({
    queryKey: ['meeting-types', includeInactive],
    queryFn: ({ signal }) => api.get<{ items: MeetingType[] }>('/meeting-types', includeInactive ? { includeInactive: 'true' } : undefined, signal),
    select: (data) => data.items,
  });

export const meetingListQueryOptions = (status: MeetingFilter) =>
  queryOptions({
    queryKey: ['meetings', 'list', status],
    queryFn: ({ signal }) => api.get<{ items: MeetingListItem[] }>('/meetings', { status }, signal),
    select: (data) => data.items,
  });

export const meetingQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['meetings', 'detail', id],
    queryFn: ({ signal }) => api.get<MeetingView>(`/meetings/${id}`, undefined, signal),
    retry: false,
  });

export const materialQueryOptions = (agendaItemId: string) =>
  queryOptions({
    queryKey: ['meetings', 'material', agendaItemId],
    queryFn: ({ signal }) => api.get<Material>(`/agenda-items/${agendaItemId}/material`, undefined, signal),
    retry: false,
  });

export const ownCasesQueryOptions = queryOptions({
  queryKey: ['cases', 'team-open'],
  queryFn: ({ signal }) => api.get<{ items: OwnCase[] }>('/cases', { status: 'open', involvement: 'team', limit: 200 }, signal),
  select: (data) => data.items,
});

export interface ScheduleInput {
  meetingTypeId: string;
  title: string;
  scheduledAt: string;
  place: string | null;
  memberAgencyIds: string[];
}

export const scheduleMeeting = (input: ScheduleInput) => api.post<MeetingView>('/meetings', input);
export const openMeeting = (id: string, version: number) => api.post<MeetingView>(`/meetings/${id}/open`, { version });
export const closeMeeting = (id: string, version: number) => api.post<MeetingView>(`/meetings/${id}/close`, { version });
export const acknowledge = (id: string) => api.post<MeetingView>(`/meetings/${id}/acknowledge`, { confirmed: true });
export const saveAttendance = (id: string, version: number, attendance: Array<{ agencyId: string; attended: boolean }>) =>
  api.post<MeetingView>(`/meetings/${id}/attendance`, { version, attendance });
export const addAgendaItem = (id: string, caseId: string) => api.post<MeetingView>(`/meetings/${id}/agenda`, { caseId });
export const saveMinutes = (itemId: string, minutes: string, version: number) => api.post<AgendaItemState>(`/agenda-items/${itemId}/minutes`, { minutes, version });
export const saveDecision = (itemId: string, input: { decision: Decision; note: string | null; planId: string | null; planVersion: number | null; version: number }) =>
  api.post<AgendaItemState>(`/agenda-items/${itemId}/decision`, input);
export const requestInfo = (itemId: string, toAgencyId: string, question: string) => api.post<{ items: InfoRequest[] }>(`/agenda-items/${itemId}/info-requests`, { toAgencyId, question });
export const answerInfo = (requestId: string, answer: string) => api.post<{ items: InfoRequest[] }>(`/info-requests/${requestId}/answer`, { answer });
export const copyMeetingType = (id: string, input: { code: string; name: string; legalBasis: string; convenedBy?: string; consentRequired?: boolean }) =>
  api.post<MeetingType>(`/meeting-types/${id}/copy`, input);

/** After a change: the meeting as returned, and lists and materials refetched. */
export function meetingChanged(queryClient: QueryClient, meeting?: MeetingView) {
  if (meeting) queryClient.setQueryData(meetingQueryOptions(meeting.id).queryKey, meeting);
  void queryClient.invalidateQueries({ queryKey: ['meetings', 'list'] });
  void queryClient.invalidateQueries({ queryKey: ['meetings', 'material'] });
  if (!meeting) void queryClient.invalidateQueries({ queryKey: ['meetings', 'detail'] });
}
