/** 気づきの連絡 on the server: the form's choices, sending a report, and the volunteer's own reports. */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const NOTICED = ['not_seen', 'mail_piling', 'garbage', 'no_response', 'child', 'health'] as const;
export const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export type Urgency = (typeof URGENCIES)[number];

export interface MyReport {
  id: string;
  reportedAt: string;
  subjectDescription: string;
  location: string;
  areaName: string;
  urgency: Urgency;
  noticed: string[];
  status: 'received' | 'in_progress' | 'done';
}

export const formQueryOptions = queryOptions({
  queryKey: ['volunteer', 'form'] as const,
  queryFn: ({ signal }) => api.get<{ areas: Array<{ id: string; name: string }>; defaultAreaId: string | null }>('/volunteer-reports/form', undefined, signal),
  staleTime: 300_000,
});

export const myReportsQueryOptions = queryOptions({
  queryKey: ['volunteer', 'mine'] as const,
  queryFn: ({ signal }) => api.get<{ items: MyReport[] }>('/volunteer-reports/mine', undefined, signal),
});

export const sendReport = (body: { subjectDescription: string; location: string; areaId: string | null; noticed: string[]; note: string | null; urgency: Urgency }) =>
  api.post<{ id: string; status: string }>('/volunteer-reports', body);
