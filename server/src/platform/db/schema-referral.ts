/** Kysely table types of つなぐ (referral). Keep in step with migrations/; schema.ts re-exports them. */
import type { Generated } from 'kysely';
import type { Timestamp, Version } from './schema.js';

export type ReferralStatus = 'draft' | 'requested' | 'accepted' | 'rejected' | 'in_progress' | 'on_hold' | 'completed' | 'failed' | 'cancelled';
export type ReferralUrgency = 'normal' | 'urgent' | 'emergency';
export type ReferralRejectReason = 'not_eligible' | 'no_capacity' | 'person_declined' | 'unreachable' | 'other';
export type ReferralAttachmentKind = 'consultation' | 'progress_note' | 'assessment';

export interface ReferralTable {
  municipality_id: string;
  referral_id: string;
  from_agency_id: string;
  to_agency_id: string;
  person_id: string | null;
  household_id: string | null;
  case_id: string | null;
  consultation_id: string | null;
  reason: string;
  urgency: ReferralUrgency;
  status: ReferralStatus;
  basis: 'consent' | 'legal';
  legal_basis: string | null;
  consent_id: string | null;
  consent_consultation_id: string | null;
  override_reason: string | null;
  override_by_user_id: string | null;
  override_at: Date | null;
  reject_reason: ReferralRejectReason | null;
  outcome_note: string | null;
  need_met: boolean | null;
  created_by_user_id: string;
  requested_at: Date | null;
  responded_at: Date | null;
  closed_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface ReferralAttachmentTable {
  municipality_id: string;
  referral_id: string;
  record_kind: ReferralAttachmentKind;
  record_id: string;
}

export interface ReferralEventTable {
  municipality_id: string;
  referral_id: string;
  seq: number;
  from_status: ReferralStatus | null;
  to_status: ReferralStatus;
  at: Date;
  by_user_id: string;
  by_agency_id: string;
  note: string | null;
}

export interface ReferralSettingTable {
  municipality_id: string;
  alert_working_days: Generated<number>;
  no_contact_days: Generated<number>;
  updated_by_user_id: string | null;
  updated_at: Timestamp;
  version: Version;
}
