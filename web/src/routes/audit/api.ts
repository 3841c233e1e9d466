import { api } from '../../lib/api';

export type Outcome = 'success' | 'failure' | 'denied';

export interface AuditEvent {
  id: string;
  occurredAt: string;
  actorLogin: string | null;
  action: string;
  outcome: Outcome;
  targetType: string | null;
  targetId: string | null;
  basis: string | null;
  clientAddr: string | null;
  requestId: string | null;
}

export interface AuditFilter {
  actor: string;
  action: string;
  targetId: string;
  /** YYYY-MM-DD from <input type="date">, sent as typed. */
  from: string;
  to: string;
  outcome: Outcome | '';
}

export const emptyFilter: AuditFilter = { actor: '', action: '', targetId: '', from: '', to: '', outcome: '' };

export const PAGE_SIZE = 50;

export function fetchAuditEvents(filter: AuditFilter, cursor: string | null, signal?: AbortSignal) {
  return api.get<{ items: AuditEvent[]; nextCursor: string | null }>(
    '/audit/events',
    { ...filter, cursor, limit: PAGE_SIZE },
    signal,
  );
}

export interface VerifyResult {
  sealed: number;
  unsealed: number;
  ok: boolean;
  problems: Array<{ kind: string; eventId: string | null; message: string }>;
}

export const verifyAudit = () => api.post<VerifyResult>('/audit/verify');
