/** つなぐ (referral, closed loop), 誰も担当していない相談 and つなぐの設定 on the server: types, queries, mutations. */
import { queryOptions, type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../lib/api';
import type { Role } from '../../lib/me';

/** Roles that work with referrals (the same staff roles as 包括的相談支援; the server decides). */
export const REFERRAL_ROLES: readonly Role[] = ['municipal_admin', 'coordinator', 'caseworker', 'outreach_worker'];

export const REFERRAL_STATUSES = [
  'draft',
  'requested',
  'accepted',
  'rejected',
  'in_progress',
  'on_hold',
  'completed',
  'failed',
  'cancelled',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const REJECT_REASONS = ['not_eligible', 'no_capacity', 'person_declined', 'unreachable', 'other'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export type Basis = 'consent' | 'legal';
export const LEGAL_BASES = ['support_meeting_106_6', 'appi_69_2', 'konkyu_9', 'child_25_2'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export type AttachmentKind = 'consultation' | 'progress_note' | 'assessment';
export type ReferralAction = 'edit' | 'send' | 'cancel' | 'accept' | 'reject' | 'start' | 'hold' | 'resume' | 'complete' | 'fail';
export type ReferralBox = 'inbox' | 'outbox';
export type ReferralFilter = 'open' | 'closed' | 'all';

export interface Attachment {
  kind: AttachmentKind;
  id: string;
  label: string;
  date: string;
}

export interface ReferralHistoryEntry {
  from: ReferralStatus | null;
  to: ReferralStatus;
  at: string;
  by: string;
  agencyName: string;
  note: string | null;
}

export interface ReferralView {
  id: string;
  status: ReferralStatus;
  urgency: Urgency;
  side: 'sender' | 'receiver';
  fromAgencyId: string;
  fromAgencyName: string;
  toAgencyId: string;
  toAgencyName: string;
  createdBy: string;
  personId: string | null;
  personName: string | null;
  householdId: string | null;
  householdLabel: string | null;
  caseId: string | null;
  consultationId: string | null;
  reason: string;
  basis: Basis;
  legalBasis: LegalBasis | null;
  /** The server's label for legalBasis (the catalogue's label is shown first). */
  legalBasisLabel?: string | null;
  consentId: string | null;
  consentOverride: { reason: string; by: string; at: string } | null;
  requestedAt: string | null;
  respondedAt: string | null;
  dueBy: string | null;
  overdue: boolean;
  workingDaysWaiting: number | null;
  rejectReason: RejectReason | null;
  outcomeNote: string | null;
  needMet: boolean | null;
  attachments: Attachment[];
  history: ReferralHistoryEntry[];
  allowedActions: ReferralAction[];
  version: number;
}

export interface ReferralItem {
  id: string;
  status: ReferralStatus;
  urgency: Urgency;
  fromAgencyName: string;
  toAgencyName: string;
  personName: string | null;
  householdLabel: string | null;
  requestedAt: string | null;
  dueBy: string | null;
  overdue: boolean;
  workingDaysWaiting: number | null;
}

/** What the つなぐ form sends (POST adds `send`, PUT adds `version`). */
export interface ReferralInput {
  toAgencyId: string;
  fromAgencyId?: string;
  personId?: string;
  householdId?: string;
  consultationId?: string;
  reason: string;
  urgency: Urgency;
  basis: Basis;
  legalBasis?: LegalBasis;
  consentOverrideReason?: string;
  attachments: Array<{ kind: AttachmentKind; id: string }>;
}

/** Who the referral is about; also the query for attachable records and the consent check. */
export interface ReferralSubject {
  personId?: string;
  householdId?: string;
  consultationId?: string;
}

export interface ConsentCheck {
  consent: { consentId: string; consultationId: string; validUntil: string | null } | null;
}

export type UnownedReason = 'no_owner' | 'no_next_step' | 'no_contact';

export interface UnownedItem {
  consultationId: string;
  receivedOn: string;
  agencyName: string;
  summary: string;
  personName: string | null;
  householdId: string | null;
  householdLabel: string | null;
  reasons: UnownedReason[];
  lastContactOn: string | null;
  daysSinceContact: number | null;
}

export interface UnownedResult {
  days: number;
  /** How many there are in all when the list is cut short (the server sends it; not in the first contract). */
  total?: number;
  items: UnownedItem[];
  byAgency: Array<{ agencyId: string; agencyName: string; count: number }> | null;
}

export interface ReferralSettings {
  alertWorkingDays: number;
  noContactDays: number;
  version: number;
}

const enc = encodeURIComponent;

export const referralListQueryOptions = (box: ReferralBox, status: ReferralFilter) =>
  queryOptions({
    queryKey: ['referrals', 'list', box, status] as const,
    queryFn: ({ signal }) =>
      api.get<{ items: ReferralItem[]; alertWorkingDays: number }>('/referrals', { box, status }, signal),
  });

export const referralQueryKey = (id: string) => ['referrals', 'detail', id] as const;
export const referralQueryOptions = (id: string) =>
  queryOptions({
    queryKey: referralQueryKey(id),
    queryFn: ({ signal }) => api.get<ReferralView>(`/referrals/${enc(id)}`, undefined, signal),
    retry: false,
  });

export const attachableQueryOptions = (subject: ReferralSubject) =>
  queryOptions({
    queryKey: ['referrals', 'attachable', subject.personId ?? null, subject.householdId ?? null, subject.consultationId ?? null] as const,
    queryFn: ({ signal }) => api.get<{ items: Attachment[] }>('/referrals/attachable', { ...subject }, signal),
    select: (data) => data.items,
  });

export const consentCheckQueryOptions = (subject: ReferralSubject, toAgencyId: string) =>
  queryOptions({
    queryKey: [
      'referrals',
      'consent-check',
      subject.personId ?? null,
      subject.householdId ?? null,
      subject.consultationId ?? null,
      toAgencyId,
    ] as const,
    queryFn: ({ signal }) => api.get<ConsentCheck>('/referrals/consent-check', { ...subject, toAgencyId }, signal),
    enabled: !!toAgencyId,
  });

export const unownedQueryOptions = (days: number | null, reason: UnownedReason | null = null) =>
  queryOptions({
    queryKey: ['unowned', days, reason] as const,
    queryFn: ({ signal }) => api.get<UnownedResult>('/unowned', { days, reason }, signal),
  });

export const referralSettingsQueryKey = ['admin', 'referral-settings'] as const;
export const referralSettingsQueryOptions = queryOptions({
  queryKey: referralSettingsQueryKey,
  queryFn: ({ signal }) => api.get<ReferralSettings>('/admin/referral-settings', undefined, signal),
});

export const createReferral = (input: ReferralInput & { send: boolean }) => api.post<ReferralView>('/referrals', input);
export const updateReferral = (id: string, input: ReferralInput & { version: number }) =>
  api.put<ReferralView>(`/referrals/${enc(id)}`, input);
export const saveReferralSettings = (input: ReferralSettings) =>
  api.put<ReferralSettings>('/admin/referral-settings', input);

/** The body of each state change (all carry the version read). */
export type ActionBody =
  | { action: 'send'; consentOverrideReason?: string }
  | { action: 'cancel'; note: string }
  | { action: 'accept'; note?: string }
  | { action: 'reject'; reasonCode: RejectReason; note: string }
  | { action: 'start' | 'hold' | 'resume'; note?: string }
  | { action: 'complete'; note: string; needMet: boolean }
  | { action: 'fail'; note: string };

const PROGRESS_TO = { start: 'in_progress', hold: 'on_hold', resume: 'in_progress', complete: 'completed', fail: 'failed' } as const;

export function runAction(referral: Pick<ReferralView, 'id' | 'version'>, body: ActionBody): Promise<ReferralView> {
  const base = `/referrals/${enc(referral.id)}`;
  const version = referral.version;
  switch (body.action) {
    case 'send':
      return api.post(`${base}/send`, { version, consentOverrideReason: body.consentOverrideReason });
    case 'cancel':
      return api.post(`${base}/cancel`, { version, note: body.note });
    case 'accept':
      return api.post(`${base}/accept`, { version, note: body.note });
    case 'reject':
      return api.post(`${base}/reject`, { version, reasonCode: body.reasonCode, note: body.note });
    case 'complete':
      return api.post(`${base}/progress`, { version, to: PROGRESS_TO.complete, note: body.note, needMet: body.needMet });
    default:
      return api.post(`${base}/progress`, { version, to: PROGRESS_TO[body.action], note: body.note });
  }
}

/** After any change: keep the new view and refresh every list (inbox, outbox, home card). */
export function referralSaved(queryClient: QueryClient, saved: ReferralView): void {
  queryClient.setQueryData(referralQueryKey(saved.id), saved);
  void queryClient.invalidateQueries({ queryKey: ['referrals', 'list'] });
}

/**
 * A state change that sends the version it read. On success the page shows the new view; on 409
 * (someone changed it first) the referral is reloaded and the server's message stays on screen.
 */
export function useReferralAction(referral: ReferralView, onSaved: (saved: ReferralView, body: ActionBody) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ActionBody) => runAction(referral, body),
    onSuccess: (saved, body) => {
      referralSaved(queryClient, saved);
      onSaved(saved, body);
    },
    onError: async (error) => {
      if (isApiError(error, 'conflict')) await queryClient.invalidateQueries({ queryKey: referralQueryKey(referral.id) });
    },
  });
}
