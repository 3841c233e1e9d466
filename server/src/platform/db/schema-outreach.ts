/** Kysely table types of アウトリーチ: leads, contact attempts, trust stages, contact cadence; 気づきの連絡. Keep in step with migrations/. */
import type { ColumnType } from 'kysely';
import type { DateCol, Opt, Timestamp, Version } from './schema.js';

export type LeadSource = 'volunteer' | 'meeting' | 'neighbour' | 'agency' | 'self_family' | 'other';
export type LeadStatus = 'open' | 'in_contact' | 'consented' | 'closed';
export type LeadCloseReason = 'unreachable' | 'moved' | 'declined' | 'handled_elsewhere' | 'no_need' | 'deceased' | 'other';
export type Urgency = 'normal' | 'urgent' | 'emergency';
export type AttemptKind = 'visit' | 'phone' | 'letter' | 'interview' | 'accompany';
export type AttemptOutcome = 'met' | 'absent' | 'refused' | 'letter_left' | 'no_answer' | 'other';

export interface VolunteerAreaTable {
  municipality_id: string;
  user_id: string;
  area_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface TrustStageSetTable {
  municipality_id: string;
  updated_by_user_id: Opt<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface TrustStageTable {
  municipality_id: string;
  stage_id: string;
  code: string;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  sort_order: number;
  retired: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface OutreachLeadTable {
  municipality_id: string;
  lead_id: string;
  agency_id: string;
  area_id: Opt<string>;
  source: LeadSource;
  source_detail: Opt<string>;
  meeting_id: Opt<string>;
  person_id: Opt<string>;
  person_description: string;
  household_id: Opt<string>;
  location: Opt<string>;
  concern: string;
  urgency: ColumnType<Urgency, Urgency | undefined, Urgency>;
  assigned_user_id: Opt<string>;
  status: ColumnType<LeadStatus, LeadStatus | undefined, LeadStatus>;
  close_reason: Opt<LeadCloseReason>;
  close_note: Opt<string>;
  closed_on: DateCol;
  trust_stage_id: Opt<string>;
  stage_changed_on: DateCol;
  consultation_id: Opt<string>;
  case_id: Opt<string>;
  consented_on: DateCol;
  opened_on: string;
  created_by_user_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface OutreachLeadStageTable {
  municipality_id: string;
  change_id: string;
  lead_id: string;
  stage_id: string;
  changed_on: string;
  note: Opt<string>;
  recorded_by_user_id: string;
  recorded_at: Timestamp;
}

export interface ContactAttemptTable {
  municipality_id: string;
  attempt_id: string;
  lead_id: string;
  occurred_at: Timestamp;
  kind: AttemptKind;
  outcome: AttemptOutcome;
  note: Opt<string>;
  agency_id: string;
  recorded_by_user_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface ContactCadenceTable {
  municipality_id: string;
  cadence_id: string;
  lead_id: Opt<string>;
  case_id: Opt<string>;
  interval_days: number;
  starts_on: string;
  agency_id: string;
  set_by_user_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface VolunteerReportTable {
  municipality_id: string;
  report_id: string;
  reported_by_user_id: string;
  area_id: string;
  responsible_agency_id: string;
  subject_description: string;
  location: string;
  noticed: ColumnType<string[], string[] | undefined, string[]>;
  note: Opt<string>;
  urgency: Urgency;
  lead_id: string;
  reported_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface OutreachTables {
  volunteer_area: VolunteerAreaTable;
  trust_stage_set: TrustStageSetTable;
  trust_stage: TrustStageTable;
  outreach_lead: OutreachLeadTable;
  outreach_lead_stage: OutreachLeadStageTable;
  contact_attempt: ContactAttemptTable;
  contact_cadence: ContactCadenceTable;
  volunteer_report: VolunteerReportTable;
}
