/** 地域づくり and 圏域 on the server: types, queries, mutations. The server decides who may do what. */
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Role } from '../../lib/me';

/** Roles that see 地域づくり (staff); the keepers among them may change it. */
export const COMMUNITY_ROLES: readonly Role[] = ['municipal_admin', 'coordinator', 'caseworker', 'outreach_worker'];
export const COMMUNITY_KEEPERS: readonly Role[] = ['municipal_admin', 'coordinator', 'outreach_worker'];

export const PLACE_KINDS = ['ibasho', 'salon', 'kayoi', 'kosodate', 'chiiki_katsudo', 'kodomo_shokudo', 'other'] as const;
export const PLACE_STATUSES = ['preparing', 'open', 'suspended', 'closed'] as const;
export const PARTNER_KINDS = ['npo', 'neighbourhood', 'school', 'company', 'welfare', 'volunteer', 'public', 'other'] as const;
export const LOG_KINDS = ['visit', 'meeting', 'coordination', 'launch_support', 'training', 'other'] as const;
export const FREQS = ['weekly', 'monthly_nth', 'monthly_day'] as const;
export type PlaceStatus = (typeof PLACE_STATUSES)[number];
export type Freq = (typeof FREQS)[number];

export interface Area {
  id: string;
  code: string;
  name: string;
  kind: 'daily_life' | 'district' | 'other';
  parentId: string | null;
  parentName: string | null;
  responsibleAgencyId: string | null;
  responsibleAgencyName: string | null;
  sortOrder: number;
  version: number;
}
export interface AreaInput {
  code: string;
  name: string;
  kind: Area['kind'];
  parentId: string | null;
  responsibleAgencyId: string | null;
  sortOrder: number;
}

export interface AgeBand {
  code: 'child' | 'adult' | 'elderly' | 'unknown';
  label: string;
  range: string;
}
export type BandCounts = Record<AgeBand['code'], number>;

export interface Partner {
  id: string;
  name: string;
  kind: string;
  organizationId: string | null;
  organizationName: string | null;
}

export interface PlaceSummary {
  id: string;
  name: string;
  kind: string;
  status: PlaceStatus;
  address: string | null;
  areaId: string | null;
  areaName: string | null;
  operatorName: string | null;
  operatorPartnerId: string | null;
  operatorPartnerName: string | null;
  openedOn: string | null;
  closedOn: string | null;
  activityCount: number;
  lastHeldOn: string | null;
}

export interface ScheduleRule {
  freq: Freq;
  weekdays: number[];
  intervalWeeks: number;
  nths: number[];
  monthDays: number[];
}

export interface Activity {
  id: string;
  placeId: string;
  name: string;
  description: string | null;
  schedule: ScheduleRule;
  startsAt: string;
  endsAt: string;
  validFrom: string;
  validTo: string | null;
  skipHolidays: boolean;
  partners: Array<{ id: string; name: string; kind: string }>;
  nextSessions: string[];
  lastHeldOn: string | null;
  version: number;
}
export type ActivityInput = Omit<Activity, 'id' | 'placeId' | 'partners' | 'nextSessions' | 'lastHeldOn' | 'version'> & { partnerIds: string[] };

export interface PlaceView extends Omit<PlaceSummary, 'activityCount' | 'lastHeldOn'> {
  location: { id: string; name: string } | null;
  service: { id: string; name: string } | null;
  note: string | null;
  version: number;
  canEdit: boolean;
  today: string;
  activities: Activity[];
}
export interface PlaceInput {
  name: string;
  kind: string;
  address: string | null;
  areaId: string | null;
  operatorName: string | null;
  operatorPartnerId: string | null;
  locationId: string | null;
  serviceId: string | null;
  openedOn: string | null;
  closedOn: string | null;
  status: PlaceStatus;
  note: string | null;
}

export interface Session {
  id: string;
  heldOn: string;
  status: 'held' | 'cancelled';
  counts: BandCounts;
  total: number;
  multiGenerational: boolean;
  volunteers: number | null;
  note: string | null;
  partnerIds: string[];
  recordedBy: string;
  version: number;
}
export interface SessionSlot {
  heldOn: string;
  scheduled: boolean;
  future: boolean;
  session: Session | null;
}
export interface SessionInput {
  version: number | null;
  status: 'held' | 'cancelled';
  counts: BandCounts;
  volunteers: number | null;
  partnerIds: string[];
}

export interface Kpi {
  places: number;
  sessions: number;
  participants: number;
  partners: number;
  multiGenerationalSessions: number;
  byBand: BandCounts;
}
export interface Kpis {
  fiscalYear: number;
  from: string;
  to: string;
  areaId: string | null;
  total: Kpi;
  months: Array<Kpi & { month: string }>;
}

export interface LogEntry {
  id: string;
  entryOn: string;
  kind: string;
  placeId: string | null;
  placeName: string | null;
  areaId: string | null;
  areaName: string | null;
  partners: Array<{ id: string; name: string }>;
  note: string;
  userName: string;
  agencyName: string | null;
  mine: boolean;
  version: number;
}
export interface LogInput {
  entryOn: string;
  kind: string;
  placeId: string | null;
  areaId: string | null;
  partnerIds: string[];
  note: string;
}

export interface DirectoryOptions {
  organizations: Array<{ id: string; name: string }>;
  locations: Array<{ id: string; name: string; address: string | null; areaId: string | null }>;
  services: Array<{ id: string; name: string; organizationName: string }>;
}

const base = '/community';
const items = <T>(d: { items: T[] }) => d.items;

export const areasQueryOptions = queryOptions({ queryKey: ['areas'], queryFn: ({ signal }) => api.get<{ items: Area[] }>('/areas', undefined, signal), select: items });
export const ageBandsQueryOptions = queryOptions({
  queryKey: ['community', 'age-bands'],
  queryFn: ({ signal }) => api.get<{ items: AgeBand[] }>(`${base}/age-bands`, undefined, signal),
  select: items,
  staleTime: 60 * 60_000,
});
export const partnersQueryOptions = queryOptions({ queryKey: ['community', 'partners'], queryFn: ({ signal }) => api.get<{ items: Partner[] }>(`${base}/partners`, undefined, signal), select: items });
export const directoryOptionsQueryOptions = queryOptions({
  queryKey: ['community', 'directory-options'],
  queryFn: ({ signal }) => api.get<DirectoryOptions>(`${base}/directory-options`, undefined, signal),
});
export const placesQueryOptions = queryOptions({ queryKey: ['community', 'places'], queryFn: ({ signal }) => api.get<{ items: PlaceSummary[] }>(`${base}/places`, undefined, signal), select: items });
export const placeQueryOptions = (id: string) => queryOptions({ queryKey: ['community', 'place', id], queryFn: ({ signal }) => api.get<PlaceView>(`${base}/places/${encodeURIComponent(id)}`, undefined, signal) });
export const sessionsQueryOptions = (activityId: string, from?: string) =>
  queryOptions({
    queryKey: ['community', 'sessions', activityId, from ?? 'default'],
    queryFn: ({ signal }) => api.get<{ today: string; from: string; to: string; items: SessionSlot[] }>(`${base}/activities/${encodeURIComponent(activityId)}/sessions`, { from }, signal),
  });
export const kpisQueryOptions = (fiscalYear: number | null, areaId: string | null) =>
  queryOptions({ queryKey: ['community', 'kpis', fiscalYear, areaId], queryFn: ({ signal }) => api.get<Kpis>(`${base}/kpis`, { fiscalYear, areaId }, signal) });
export const logQueryOptions = (areaId: string | null) =>
  queryOptions({ queryKey: ['community', 'log', areaId], queryFn: ({ signal }) => api.get<{ items: LogEntry[] }>(`${base}/log`, { areaId }, signal), select: items });

export const createArea = (input: AreaInput) => api.post<Area>('/areas', input);
export const updateArea = (id: string, input: AreaInput & { version: number }) => api.put<Area>(`/areas/${encodeURIComponent(id)}`, input);
export const createPlace = (input: PlaceInput) => api.post<PlaceView>(`${base}/places`, input);
export const updatePlace = (id: string, input: PlaceInput & { version: number }) => api.put<PlaceView>(`${base}/places/${encodeURIComponent(id)}`, input);
export const createActivity = (placeId: string, input: ActivityInput) => api.post<Activity>(`${base}/places/${encodeURIComponent(placeId)}/activities`, input);
export const updateActivity = (id: string, input: ActivityInput & { version: number }) => api.put<Activity>(`${base}/activities/${encodeURIComponent(id)}`, input);
export const recordSession = (activityId: string, heldOn: string, input: SessionInput) =>
  api.put<Session>(`${base}/activities/${encodeURIComponent(activityId)}/sessions/${encodeURIComponent(heldOn)}`, input);
export const createPartner = (input: { name: string; kind: string; organizationId: string | null }) => api.post<Partner>(`${base}/partners`, input);
export const createLogEntry = (input: LogInput) => api.post<LogEntry>(`${base}/log`, input);

/** After any 地域づくり change: lists, the place page, sessions and KPIs are reloaded. */
export function communityChanged(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: ['community'] });
}
