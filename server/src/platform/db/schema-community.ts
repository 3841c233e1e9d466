/** Kysely table types of 地域づくり: 拠点, activities, attendance, coordinator log. Keep in step with migrations/. */
import type { ColumnType } from 'kysely';
import type { DateCol, Opt, Timestamp, Version } from './schema.js';

export type PartnerKind = 'npo' | 'neighbourhood' | 'school' | 'company' | 'welfare' | 'volunteer' | 'public' | 'other';
export type PlaceKind = 'ibasho' | 'salon' | 'kayoi' | 'kosodate' | 'chiiki_katsudo' | 'kodomo_shokudo' | 'other';
export type PlaceStatus = 'preparing' | 'open' | 'suspended' | 'closed';
export type ScheduleFreq = 'weekly' | 'monthly_nth' | 'monthly_day';
export type SessionStatus = 'held' | 'cancelled';
export type LogKind = 'visit' | 'meeting' | 'coordination' | 'launch_support' | 'training' | 'other';

type IntArray = ColumnType<number[], number[] | undefined, number[]>;
type UuidArray = ColumnType<string[], string[] | undefined, string[]>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface CommunityPartnerTable {
  municipality_id: string;
  partner_id: string;
  name: string;
  kind: PartnerKind;
  organization_id: Opt<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface CommunityPlaceTable {
  municipality_id: string;
  place_id: string;
  name: string;
  kind: PlaceKind;
  address: Opt<string>;
  area_id: Opt<string>;
  operator_name: Opt<string>;
  operator_partner_id: Opt<string>;
  location_id: Opt<string>;
  service_id: Opt<string>;
  opened_on: DateCol;
  closed_on: DateCol;
  status: Defaulted<PlaceStatus>;
  note: Opt<string>;
  created_by_user_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface CommunityActivityTable {
  municipality_id: string;
  activity_id: string;
  place_id: string;
  name: string;
  description: Opt<string>;
  freq: ScheduleFreq;
  weekdays: IntArray;
  interval_weeks: Defaulted<number>;
  nths: IntArray;
  month_days: IntArray;
  /** time: 'HH:MM:SS'. */
  starts_at: string;
  ends_at: string;
  valid_from: string;
  valid_to: DateCol;
  skip_holidays: Defaulted<boolean>;
  created_by_user_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface CommunityActivityPartnerTable {
  municipality_id: string;
  activity_id: string;
  partner_id: string;
}

export interface CommunitySessionTable {
  municipality_id: string;
  session_id: string;
  activity_id: string;
  held_on: string;
  status: Defaulted<SessionStatus>;
  count_child: Defaulted<number>;
  count_adult: Defaulted<number>;
  count_elderly: Defaulted<number>;
  count_unknown: Defaulted<number>;
  volunteers: Opt<number>;
  note: Opt<string>;
  recorded_by_user_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface CommunitySessionPartnerTable {
  municipality_id: string;
  session_id: string;
  partner_id: string;
}

export interface CommunityLogEntryTable {
  municipality_id: string;
  entry_id: string;
  entry_on: string;
  kind: LogKind;
  place_id: Opt<string>;
  area_id: Opt<string>;
  partner_ids: UuidArray;
  note: string;
  user_id: string;
  agency_id: Opt<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface CommunityTables {
  community_partner: CommunityPartnerTable;
  community_place: CommunityPlaceTable;
  community_activity: CommunityActivityTable;
  community_activity_partner: CommunityActivityPartnerTable;
  community_session: CommunitySessionTable;
  community_session_partner: CommunitySessionPartnerTable;
  community_log_entry: CommunityLogEntryTable;
}
