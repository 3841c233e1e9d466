/** ケース (a household's support episode), its 主担当 (lead agency) and transfers of the lead. */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type CaseStatus = 'open' | 'closed';

export interface CaseItem {
  id: string;
  householdId: string;
  householdLabel: string;
  status: CaseStatus;
  leadAgencyId: string;
  leadAgencyName: string;
  openedOn: string;
  closedOn: string | null;
  pendingTransfer: boolean;
}

export interface LeadPeriod {
  agencyId: string;
  agencyName: string;
  from: string;
  to: string | null;
}

export interface PendingTransfer {
  id: string;
  toAgencyId: string;
  toAgencyName: string;
  reason: string;
  requestedAt: string;
  requestedBy: string;
}

export interface CaseView {
  id: string;
  householdId: string;
  householdLabel: string;
  status: CaseStatus;
  leadAgencyId: string;
  leadAgencyName: string;
  openedOn: string;
  openedBy: string;
  closedOn: string | null;
  closeReason: string | null;
  version: number;
  leadHistory: LeadPeriod[];
  pendingTransfer: PendingTransfer | null;
}

export interface TransferRequest {
  transferId: string;
  caseId: string;
  householdLabel: string;
  fromAgencyName: string;
  toAgencyId: string;
  reason: string;
  requestedAt: string;
}

export interface CaseFilter {
  householdId?: string;
  status?: CaseStatus | 'all';
  limit?: number;
}

const enc = encodeURIComponent;

export const caseListQueryOptions = (filter: CaseFilter) =>
  queryOptions({
    queryKey: ['cases', 'list', filter.householdId ?? null, filter.status ?? null, filter.limit ?? null] as const,
    queryFn: ({ signal }) =>
      api.get<{ items: CaseItem[] }>(
        '/cases',
        { householdId: filter.householdId, status: filter.status, limit: filter.limit },
        signal,
      ),
    select: (data) => data.items,
  });

export const caseQueryKey = (id: string) => ['cases', 'detail', id] as const;
export const caseQueryOptions = (id: string) =>
  queryOptions({
    queryKey: caseQueryKey(id),
    queryFn: ({ signal }) => api.get<CaseView>(`/cases/${enc(id)}`, undefined, signal),
    retry: false,
  });

export const transferInboxQueryOptions = queryOptions({
  queryKey: ['case-transfers', 'inbox'] as const,
  queryFn: ({ signal }) => api.get<{ items: TransferRequest[] }>('/case-transfers/inbox', undefined, signal),
  select: (data) => data.items,
});

export const openCase = (input: { householdId: string; agencyId?: string; note?: string }) =>
  api.post<CaseView>('/cases', input);
export const requestTransfer = (id: string, body: { toAgencyId: string; reason: string; version: number }) =>
  api.post<CaseView>(`/cases/${enc(id)}/transfer`, body);
export const cancelTransfer = (id: string, version: number) =>
  api.post<CaseView>(`/cases/${enc(id)}/transfer/cancel`, { version });
export const acceptTransfer = (transferId: string) =>
  api.post<CaseView>(`/case-transfers/${enc(transferId)}/accept`);
export const declineTransfer = (transferId: string, reason: string) =>
  api.post<void>(`/case-transfers/${enc(transferId)}/decline`, { reason });
export const closeCase = (id: string, body: { reason: string; version: number }) =>
  api.post<CaseView>(`/cases/${enc(id)}/close`, body);
export const reopenCase = (id: string, version: number) => api.post<CaseView>(`/cases/${enc(id)}/reopen`, { version });

/** After any change to a case: keep the new view, and refresh every list that may show it. */
export function caseSaved(queryClient: QueryClient, saved: CaseView): void {
  queryClient.setQueryData(caseQueryKey(saved.id), saved);
  void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
  void queryClient.invalidateQueries({ queryKey: ['case-transfers'] });
}
