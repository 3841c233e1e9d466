import type { ColumnType, Generated } from 'kysely';
import type { AnalyticsTables } from './schema-analytics.js';
import type { CollaborationTables } from './schema-collaboration.js';
import type { CommunityTables } from './schema-community.js';
import type { FundingTables } from './schema-funding.js';
import type { OutreachTables } from './schema-outreach.js';
import type { ParticipationTables } from './schema-participation.js';
import type { PublicIntakeTables } from './schema-public-intake.js';
import type { ReferralAttachmentTable, ReferralEventTable, ReferralSettingTable, ReferralTable } from './schema-referral.js';
import type { ResourceTables } from './schema-resources.js';

/** Kysely table types. One interface per table; keep in step with migrations/. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Version = ColumnType<number, number | undefined, number>;

export interface MunicipalityTable {
  municipality_id: string;
  code: string;
  name: string;
  prefecture_code: string;
  prefecture_name: string;
  population: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface AgencyTable {
  municipality_id: string;
  agency_id: string;
  kind: string;
  name: string;
  area: string | null;
  status: ColumnType<'active' | 'closed', 'active' | 'closed' | undefined, 'active' | 'closed'>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface AppUserTable {
  municipality_id: string;
  user_id: string;
  login_name: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  status: ColumnType<'active' | 'disabled', 'active' | 'disabled' | undefined, 'active' | 'disabled'>;
  date_style: ColumnType<'wareki' | 'seireki', 'wareki' | 'seireki' | undefined, 'wareki' | 'seireki'>;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  totp_pending_secret: string | null;
  totp_last_step: ColumnType<string | null, number | null | undefined, number | null>;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  password_changed_at: Timestamp;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface UserAgencyTable {
  municipality_id: string;
  user_id: string;
  agency_id: string;
  created_at: Timestamp;
}

export interface RoleSettingTable {
  municipality_id: string;
  role: string;
  require_totp: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export type SessionStage = 'active' | 'totp_pending' | 'enrollment_pending';

export interface UserSessionTable {
  municipality_id: string;
  session_id: string;
  user_id: string;
  token_hash: string;
  stage: SessionStage;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Date | null;
  client_addr: string | null;
  user_agent: string | null;
}

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEventTable {
  municipality_id: string;
  event_id: string;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_login: string | null;
  action: string;
  outcome: AuditOutcome;
  target_type: string | null;
  target_id: string | null;
  basis: string | null;
  purpose: string | null;
  request_id: string | null;
  client_addr: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface AuditSealTable {
  municipality_id: string;
  /** bigint: returned as a string by both drivers. */
  seq: ColumnType<string, number, never>;
  event_id: string;
  event_hash: string;
  chain_hash: string;
  sealed_at: Timestamp;
  late: boolean;
}

type DateOnly = ColumnType<string, string | undefined, string>;

export interface HouseholdTable {
  municipality_id: string;
  household_id: string;
  label: string;
  address: string | null;
  notes: string | null;
  confidential: Generated<boolean>;
  registered_by_agency_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export type Sex = 'male' | 'female' | 'other' | 'unanswered';

export interface PersonTable {
  municipality_id: string;
  person_id: string;
  family_name: string;
  given_name: string;
  family_kana: string | null;
  given_kana: string | null;
  name_key: string;
  kana_key: string | null;
  kana_loose_key: string | null;
  sex: ColumnType<Sex, Sex | undefined, Sex>;
  /** date: returned as YYYY-MM-DD text (both drivers are told to keep dates as strings). */
  birth_date: ColumnType<string | null, string | null | undefined, string | null>;
  address: string | null;
  address_key: string | null;
  phones: ColumnType<string[], string[] | undefined, string[]>;
  phone_digits: ColumnType<string, string | undefined, string>;
  notes: string | null;
  care_flags: ColumnType<string[], string[] | undefined, string[]>;
  confidential: Generated<boolean>;
  registered_by_agency_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

/** Derived by triggers (migration 202611271100): agencies that may find a person through their own relationship. */
export interface PersonVisibilityTable {
  municipality_id: string;
  person_id: string;
  agency_id: string;
  /** Copies of person.name_key / kana_key, for 本人検索 from the agency's side (derived with the row). */
  name_key: string | null;
  kana_key: string | null;
}

export interface HouseholdMembershipTable {
  municipality_id: string;
  membership_id: string;
  household_id: string;
  person_id: string;
  role_in_household: ColumnType<string, string | undefined, string>;
  living_together: ColumnType<boolean, boolean | undefined, boolean>;
  joined_on: DateOnly;
  left_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export type RelationshipKind = 'parent' | 'child' | 'spouse' | 'sibling' | 'grandparent' | 'grandchild' | 'other';

export interface PersonRelationshipTable {
  municipality_id: string;
  relationship_id: string;
  person_id: string;
  related_person_id: string;
  kind: RelationshipKind;
  living_together: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
}

export interface PersonConcernTable {
  municipality_id: string;
  person_id: string;
  kind: 'category' | 'tag';
  code: string;
  created_at: Timestamp;
}

export type ConsultationRoute = 'visit' | 'phone' | 'home_visit' | 'email' | 'meeting' | 'referral' | 'online';
export type ConsentStatus = 'given' | 'refused' | 'unknown' | 'withdrawn';

export interface ConsultationTable {
  municipality_id: string;
  consultation_id: string;
  received_on: DateOnly;
  receiving_agency_id: string;
  received_by_user_id: string;
  route: ConsultationRoute;
  visitor_kind: 'self' | 'other';
  visitor_relationship: string | null;
  visitor_name: string | null;
  person_id: string | null;
  anonymous: ColumnType<boolean, boolean | undefined, boolean>;
  categories: ColumnType<string[], string[] | undefined, string[]>;
  primary_category: string | null;
  summary: string;
  details: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface ConsentTable {
  municipality_id: string;
  consent_id: string;
  consultation_id: string;
  person_id: string | null;
  status: ConsentStatus;
  agency_scope: string[] | null;
  data_scope: string[] | null;
  valid_until: ColumnType<string | null, string | null | undefined, string | null>;
  recorded_by_user_id: string;
  recorded_at: Timestamp;
}

export interface SupportCaseTable {
  municipality_id: string;
  case_id: string;
  household_id: string;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  lead_agency_id: string;
  opened_on: DateOnly;
  opened_by_user_id: string;
  opening_note: ColumnType<string | null, string | null | undefined, string | null>;
  closed_on: ColumnType<string | null, string | null | undefined, string | null>;
  close_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface CaseLeadPeriodTable {
  municipality_id: string;
  case_id: string;
  agency_id: string;
  started_at: Timestamp;
  ended_at: Date | null;
}

export interface CaseLeadTransferTable {
  municipality_id: string;
  transfer_id: string;
  case_id: string;
  from_agency_id: string;
  to_agency_id: string;
  status: ColumnType<'requested' | 'accepted' | 'declined' | 'cancelled', 'requested' | undefined, 'requested' | 'accepted' | 'declined' | 'cancelled'>;
  reason: string;
  requested_by_user_id: string;
  requested_at: Timestamp;
  decided_by_user_id: string | null;
  decided_at: Date | null;
  decline_reason: string | null;
}

/** インテーク・アセスメント質問票: one row per published version, never updated. */
export interface AssessmentQuestionSetTable {
  municipality_id: string;
  question_set_id: string;
  code: string;
  version: number;
  title: string;
  /** jsonb: parsed by both drivers; validated as a definition when published. */
  definition: ColumnType<unknown, string, never>;
  published_at: Timestamp;
  published_by_user_id: string;
}

export interface AssessmentTable {
  municipality_id: string;
  assessment_id: string;
  consultation_id: string;
  question_set_id: string;
  answers: ColumnType<Record<string, unknown>, string | undefined, string>;
  assessed_on: DateOnly;
  author_agency_id: string;
  author_user_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export type ProgressNoteKind = 'interview' | 'phone' | 'visit' | 'accompany' | 'email' | 'meeting' | 'coordination';

/** 支援経過記録. referral_id gets its foreign key with the referral table. */
export interface ProgressNoteTable {
  municipality_id: string;
  progress_note_id: string;
  case_id: string;
  person_id: string | null;
  author_agency_id: string;
  author_user_id: string;
  referral_id: ColumnType<string | null, string | null | undefined, string | null>;
  occurred_on: DateOnly;
  occurred_time: string | null;
  kind: ProgressNoteKind;
  subject: string;
  body: string;
  next_action: string | null;
  next_action_due: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

/** Column helpers shared by the per-area schema files. */
export type DateCol = ColumnType<string | null, string | null | undefined, string | null>;
export type Opt<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface SchemaMigrationTable {
  name: string;
  applied_at: Timestamp;
}

export type * from './schema-collaboration.js';
export type * from './schema-referral.js';

/** Every table; the areas of issue 5 keep theirs in schema-<area>.ts. */
export interface Database extends AnalyticsTables, FundingTables, CollaborationTables, ResourceTables, OutreachTables, ParticipationTables, CommunityTables, PublicIntakeTables {
  municipality: MunicipalityTable;
  agency: AgencyTable;
  app_user: AppUserTable;
  user_agency: UserAgencyTable;
  role_setting: RoleSettingTable;
  user_session: UserSessionTable;
  audit_event: AuditEventTable;
  audit_seal: AuditSealTable;
  schema_migration: SchemaMigrationTable;
  household: HouseholdTable;
  person: PersonTable;
  person_visibility: PersonVisibilityTable;
  household_membership: HouseholdMembershipTable;
  person_relationship: PersonRelationshipTable;
  person_concern: PersonConcernTable;
  consultation: ConsultationTable;
  consent: ConsentTable;
  support_case: SupportCaseTable;
  case_lead_period: CaseLeadPeriodTable;
  case_lead_transfer: CaseLeadTransferTable;
  progress_note: ProgressNoteTable;
  assessment_question_set: AssessmentQuestionSetTable;
  assessment: AssessmentTable;
  referral: ReferralTable;
  referral_attachment: ReferralAttachmentTable;
  referral_event: ReferralEventTable;
  referral_setting: ReferralSettingTable;
}
