/** 参加支援: types, queries and mutations of /api/v1/participation. */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Role } from '../../lib/me';

export const PARTICIPATION_ROLES: readonly Role[] = ['municipal_admin', 'coordinator', 'caseworker', 'outreach_worker'];
/** Who may register and move 協力事業者 (directory keepers). */
export const HOST_KEEPER_ROLES: readonly Role[] = ['municipal_admin', 'coordinator', 'outreach_worker'];
/** Who may read aggregates (指標). */
export const KPI_ROLES: readonly Role[] = ['municipal_admin', 'coordinator', 'prefecture_analyst'];

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type PlacementStatus = 'arranging' | 'active' | 'ended' | 'interrupted';
export type HostStage = 'candidate' | 'approached' | 'registered' | 'declined';
export type Condition = 'good' | 'some_concerns' | 'difficult';
export type HostSupportKind = 'visit' | 'phone' | 'advice' | 'coordination' | 'training' | 'other';

export interface Options {
  wishes: Array<{ code: string; name: string }>;
  areas: Array<{ id: string; name: string }>;
  needs: Array<{ code: string; label: string }>;
  organizations: Array<{ id: string; name: string }>;
}
export interface NeedFields {
  caseId: string | null;
  wishCodes: string[];
  personWords: string;
  preferredAreaIds: string[];
  availableDays: string[];
  availableFrom: string | null;
  availableTo: string | null;
  needCodes: string[];
  needsNote: string;
  startWishOn: string | null;
  acceptsWaitlist: boolean;
}
export interface Followup {
  id: string;
  version: number;
  label: string;
  dueOn: string;
  doneOn: string | null;
  condition: Condition | null;
  note: string | null;
  doneBy: string | null;
  overdue: boolean;
}
export interface Placement {
  id: string;
  version: number;
  targetKind: 'service' | 'host';
  targetId: string;
  targetName: string;
  organizationName: string | null;
  startOn: string;
  hostContact: string | null;
  status: PlacementStatus;
  nextStatuses: PlacementStatus[];
  endedOn: string | null;
  endReason: string | null;
  matchReasons: string[];
  capacity: number | null;
  remaining: number | null;
  followups: Followup[];
  hostSupport: Array<{ id: string; supportedOn: string; kind: HostSupportKind; note: string; recordedBy: string }>;
}
export interface NeedView {
  id: string;
  version: number;
  status: 'active' | 'closed';
  openedOn: string;
  closedOn: string | null;
  closeReason: string | null;
  person: { id: string; name: string; kana: string | null; birthDate: string | null; age: number | null };
  caseId: string | null;
  householdLabel: string | null;
  keepingAgencyId: string;
  keepingAgencyName: string;
  workerName: string;
  wishes: Array<{ code: string; name: string }>;
  personWords: string;
  preferredAreas: Array<{ id: string; name: string }>;
  availableDays: string[];
  availableFrom: string | null;
  availableTo: string | null;
  needCodes: string[];
  needsNote: string;
  startWishOn: string | null;
  acceptsWaitlist: boolean;
  placements: Placement[];
}
export interface NeedListItem {
  id: string;
  personId: string;
  personName: string;
  status: 'active' | 'closed';
  openedOn: string;
  closedOn: string | null;
  wishes: string[];
  keepingAgencyName: string;
  workerName: string;
  runningPlacements: number;
  overdueFollowups: number;
  nextDueOn: string | null;
}
export interface Reason {
  kind: string;
  tone: 'good' | 'caution' | 'bad';
  text: string;
}
export interface Match {
  kind: 'service' | 'host';
  id: string;
  name: string;
  organizationName: string | null;
  score: number;
  excluded: boolean;
  full: boolean;
  remaining: number | null;
  waitlistCount: number | null;
  reasons: Reason[];
}
export interface HostInput {
  name: string;
  organizationId: string | null;
  areaId: string | null;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  offerCodes: string[];
  offerDescription: string;
  accommodationCodes: string[];
  availableDays: string[];
  opensAt: string | null;
  closesAt: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  capacity: number | null;
}
export interface HostView extends Omit<HostInput, 'offerCodes'> {
  id: string;
  version: number;
  organizationName: string | null;
  areaName: string | null;
  offers: Array<{ code: string; name: string }>;
  placed: number;
  remaining: number | null;
  stage: HostStage;
  registeredOn: string | null;
  nextStages: HostStage[];
  history: Array<{ id: string; fromStage: HostStage | null; toStage: HostStage; occurredOn: string; note: string | null; recordedBy: string }>;
}
export interface HostListItem {
  id: string;
  name: string;
  stage: HostStage;
  stageSince: string | null;
  registeredOn: string | null;
  areaName: string | null;
  offers: string[];
  contactName: string | null;
  capacity: number | null;
  remaining: number | null;
}
export type KpiKey = 'personsSupported' | 'hostsRegistered' | 'hostsNew' | 'placementsStarted' | 'followupsDone' | 'followupsOverdue';
export type KpiCounts = Record<KpiKey, number | null>;
export interface Kpis {
  fiscalYear: number;
  from: string;
  to: string;
  suppressedBelow: number | null;
  year: KpiCounts;
  months: Array<KpiCounts & { month: string }>;
  pipeline: Record<HostStage, number | null>;
}

const enc = encodeURIComponent;
const base = '/participation';

export const needQueryKey = (id: string) => ['participation-need', id] as const;
export const optionsQueryOptions = queryOptions({ queryKey: ['participation-options'], queryFn: ({ signal }) => api.get<Options>(`${base}/options`, undefined, signal), staleTime: 60_000 });
export const needsQueryOptions = (filter: { scope: 'mine' | 'agency'; status: 'active' | 'closed' | 'all'; personId?: string }) =>
  queryOptions({ queryKey: ['participation-needs', filter], queryFn: ({ signal }) => api.get<{ items: NeedListItem[] }>(`${base}/needs`, filter, signal), retry: false });
export const needQueryOptions = (id: string) => queryOptions({ queryKey: needQueryKey(id), queryFn: ({ signal }) => api.get<NeedView>(`${base}/needs/${enc(id)}`, undefined, signal), retry: false });
export const matchesQueryOptions = (id: string, version: number, placements: number) =>
  queryOptions({
    queryKey: ['participation-matches', id, version, placements],
    queryFn: ({ signal }) => api.get<{ age: number | null; matches: Match[]; excluded: Match[] }>(`${base}/needs/${enc(id)}/matches`, undefined, signal),
    retry: false,
  });
export const hostsQueryOptions = queryOptions({ queryKey: ['participation-hosts'], queryFn: ({ signal }) => api.get<{ items: HostListItem[] }>(`${base}/hosts`, undefined, signal), retry: false });
export const hostQueryKey = (id: string) => ['participation-host', id] as const;
export const hostQueryOptions = (id: string) => queryOptions({ queryKey: hostQueryKey(id), queryFn: ({ signal }) => api.get<HostView>(`${base}/hosts/${enc(id)}`, undefined, signal), retry: false });
export const kpisQueryOptions = (fiscalYear: number) =>
  queryOptions({ queryKey: ['participation-kpis', fiscalYear], queryFn: ({ signal }) => api.get<Kpis>(`${base}/kpis`, { fiscalYear }, signal), retry: false });

export const createNeed = (body: NeedFields & { personId: string }) => api.post<NeedView>(`${base}/needs`, body);
export const updateNeed = (id: string, body: NeedFields & { version: number }) => api.put<NeedView>(`${base}/needs/${enc(id)}`, body);
export const closeNeed = (id: string, body: { version: number; closedOn: string; reason: string }) => api.post<NeedView>(`${base}/needs/${enc(id)}/close`, body);
export const place = (id: string, body: { targetKind: 'service' | 'host'; targetId: string; startOn: string; hostContact: string | null }) => api.post<NeedView>(`${base}/needs/${enc(id)}/placements`, body);
export const changePlacementStatus = (id: string, body: { version: number; status: PlacementStatus; on: string; reason: string | null }) =>
  api.post<NeedView>(`${base}/placements/${enc(id)}/status`, body);
export const addFollowup = (id: string, body: { label: string; dueOn: string }) => api.post<NeedView>(`${base}/placements/${enc(id)}/followups`, body);
export const addHostSupport = (id: string, body: { supportedOn: string; kind: HostSupportKind; note: string }) => api.post<NeedView>(`${base}/placements/${enc(id)}/host-support`, body);
export const completeFollowup = (id: string, body: { version: number; doneOn: string; condition: Condition; note: string | null }) =>
  api.post<NeedView>(`${base}/followups/${enc(id)}/done`, body);
export const createHost = (body: HostInput & { note: string | null }) => api.post<HostView>(`${base}/hosts`, body);
export const updateHost = (id: string, body: HostInput & { version: number }) => api.put<HostView>(`${base}/hosts/${enc(id)}`, body);
export const moveHost = (id: string, body: { version: number; stage: HostStage; on: string; note: string | null }) => api.post<HostView>(`${base}/hosts/${enc(id)}/stage`, body);
