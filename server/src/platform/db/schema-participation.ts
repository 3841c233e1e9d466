/** Kysely table types of 参加支援: wishes, matches, placements, 定着支援, hosts (協力事業者). Keep in step with migrations/. */
import type { ColumnType } from 'kysely';
import type { DateCol, Opt, Timestamp, Version } from './schema.js';

export type HostStage = 'candidate' | 'approached' | 'registered' | 'declined';
export type NeedStatus = 'active' | 'closed';
export type PlacementStatus = 'arranging' | 'active' | 'ended' | 'interrupted';
export type FollowupCondition = 'good' | 'some_concerns' | 'difficult';
export type HostSupportKind = 'visit' | 'phone' | 'advice' | 'coordination' | 'training' | 'other';

type Codes = ColumnType<string[], string[] | undefined, string[]>;
type DateOnly = ColumnType<string, string, string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface ParticipationHostTable {
  municipality_id: string;
  host_id: string;
  name: string;
  organization_id: Opt<string>;
  area_id: Opt<string>;
  address: Opt<string>;
  contact_name: Opt<string>;
  contact_phone: Opt<string>;
  contact_email: Opt<string>;
  offer_codes: Codes;
  offer_description: Defaulted<string>;
  accommodation_codes: Codes;
  available_days: Codes;
  /** time: 'HH:MM:SS' strings. */
  opens_at: Opt<string>;
  closes_at: Opt<string>;
  minimum_age: Opt<number>;
  maximum_age: Opt<number>;
  capacity: Opt<number>;
  stage: Defaulted<HostStage>;
  registered_on: DateCol;
  created_by_user_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface ParticipationHostEventTable {
  municipality_id: string;
  event_id: string;
  host_id: string;
  from_stage: Opt<HostStage>;
  to_stage: HostStage;
  occurred_on: DateOnly;
  note: Opt<string>;
  recorded_by_user_id: string;
  created_at: Timestamp;
}

export interface ParticipationNeedTable {
  municipality_id: string;
  need_id: string;
  person_id: string;
  case_id: Opt<string>;
  keeping_agency_id: string;
  worker_user_id: string;
  status: Defaulted<NeedStatus>;
  opened_on: DateOnly;
  closed_on: DateCol;
  close_reason: Opt<string>;
  wish_codes: Codes;
  person_words: Defaulted<string>;
  preferred_area_ids: Codes;
  available_days: Codes;
  available_from: Opt<string>;
  available_to: Opt<string>;
  need_codes: Codes;
  needs_note: Defaulted<string>;
  start_wish_on: DateCol;
  accepts_waitlist: Defaulted<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface ParticipationPlacementTable {
  municipality_id: string;
  placement_id: string;
  need_id: string;
  service_id: Opt<string>;
  host_id: Opt<string>;
  start_on: DateOnly;
  host_contact: Opt<string>;
  status: Defaulted<PlacementStatus>;
  ended_on: DateCol;
  end_reason: Opt<string>;
  match_reasons: Codes;
  created_by_user_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface ParticipationFollowupTable {
  municipality_id: string;
  followup_id: string;
  placement_id: string;
  label: string;
  due_on: DateOnly;
  done_on: DateCol;
  condition: Opt<FollowupCondition>;
  note: Opt<string>;
  done_by_user_id: Opt<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface ParticipationHostSupportTable {
  municipality_id: string;
  note_id: string;
  placement_id: string;
  supported_on: DateOnly;
  kind: HostSupportKind;
  note: string;
  recorded_by_user_id: string;
  created_at: Timestamp;
}

export interface ParticipationTables {
  participation_host: ParticipationHostTable;
  participation_host_event: ParticipationHostEventTable;
  participation_need: ParticipationNeedTable;
  participation_placement: ParticipationPlacementTable;
  participation_followup: ParticipationFollowupTable;
  participation_host_support: ParticipationHostSupportTable;
}
