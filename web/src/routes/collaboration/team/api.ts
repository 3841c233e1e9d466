/** 支援チーム and 多機関協働事業者の関与 (episodes): types, queries and changes. */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { caseQueryKey } from '../../consultation/cases/api';

export interface TeamMember {
  id: string;
  kind: 'agency' | 'resource';
  agencyId: string | null;
  name: string;
  role: string;
  contactPerson: string | null;
  contactPhone: string | null;
  since: string;
  until: string | null;
  version: number;
}

export type EpisodeStatus = 'requested' | 'active' | 'declined' | 'cancelled' | 'ended';

export interface Episode {
  id: string;
  caseId: string;
  householdLabel: string;
  status: EpisodeStatus;
  requestedByAgency: string;
  requestReason: string;
  requestedAt: string;
  coordinatorAgencyId: string | null;
  coordinatorAgency: string | null;
  declineReason: string | null;
  startedOn: string | null;
  endedOn: string | null;
  endSummary: string | null;
  handoverLeadAgencyId: string | null;
  handoverLeadAgency: string | null;
  version: number;
}

export interface TeamMemberInput {
  agencyId?: string;
  resourceName?: string;
  role: string;
  contactPerson?: string;
  contactPhone?: string;
}

const enc = encodeURIComponent;

/** Every query of this module starts with this key, so one invalidation refreshes them all. */
export const COLLABORATION_KEY = ['collaboration'] as const;

export const teamQueryOptions = (caseId: string, past: boolean) =>
  queryOptions({
    queryKey: [...COLLABORATION_KEY, 'team', caseId, past] as const,
    queryFn: ({ signal }) => api.get<{ members: TeamMember[] }>(`/cases/${enc(caseId)}/team`, { past: String(past) }, signal),
    select: (data) => data.members,
  });

export const caseEpisodesQueryOptions = (caseId: string) =>
  queryOptions({
    queryKey: [...COLLABORATION_KEY, 'coordination', 'case', caseId] as const,
    queryFn: ({ signal }) => api.get<{ items: Episode[] }>(`/cases/${enc(caseId)}/coordination`, undefined, signal),
    select: (data) => data.items,
  });

export const coordinationInboxQueryOptions = (all: boolean) =>
  queryOptions({
    queryKey: [...COLLABORATION_KEY, 'coordination', 'inbox', all] as const,
    queryFn: ({ signal }) => api.get<{ items: Episode[] }>('/coordination', { all: String(all) }, signal),
    select: (data) => data.items,
  });

export const addTeamMember = (caseId: string, body: TeamMemberInput) => api.post<TeamMember>(`/cases/${enc(caseId)}/team`, body);
export const leaveTeam = (member: TeamMember) => api.post<TeamMember>(`/team-members/${enc(member.id)}/leave`, { version: member.version });

export const requestCoordination = (caseId: string, reason: string) => api.post<Episode>(`/cases/${enc(caseId)}/coordination`, { reason });
export const acceptCoordination = (e: Episode) => api.post<Episode>(`/coordination/${enc(e.id)}/accept`, { version: e.version });
export const declineCoordination = (e: Episode, reason: string) =>
  api.post<Episode>(`/coordination/${enc(e.id)}/decline`, { version: e.version, reason });
export const cancelCoordination = (e: Episode) => api.post<Episode>(`/coordination/${enc(e.id)}/cancel`, { version: e.version });
export const endCoordination = (e: Episode, body: { summary: string; leadAgencyId: string }) =>
  api.post<Episode>(`/coordination/${enc(e.id)}/end`, { version: e.version, ...body });

/** After any change (or a 409): reload the team, the episodes and the case (lead transfer, access). */
export async function collaborationChanged(queryClient: QueryClient, caseId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: COLLABORATION_KEY }),
    queryClient.invalidateQueries({ queryKey: caseQueryKey(caseId) }),
    queryClient.invalidateQueries({ queryKey: ['case-transfers'] }),
  ]);
}
