/** Analytics tables (issue 6): 計画と目標 and the small-cell threshold. schema.ts's Database extends this. */
import type { Generated } from 'kysely';
import type { Opt, Timestamp, Version } from './schema.js';

export type WelfarePlanKind = 'implementation' | 'community_welfare';

export interface WelfarePlanTable {
  municipality_id: string;
  plan_id: string;
  kind: WelfarePlanKind;
  name: string;
  from_fiscal_year: number;
  to_fiscal_year: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface PlanIndicatorTable {
  municipality_id: string;
  indicator_id: string;
  plan_id: string;
  position: number;
  statutory_code: Opt<string>;
  label: string;
  unit: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface PlanIndicatorYearTable {
  municipality_id: string;
  indicator_id: string;
  fiscal_year: number;
  target: Opt<number>;
  manual_actual: Opt<number>;
  evaluation: Opt<string>;
  updated_by_user_id: Opt<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface AnalyticsSettingTable {
  municipality_id: string;
  small_cell_threshold: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

/** A consultation with each household its person is or was a member of; derived by triggers (read-only here). */
export interface ConsultationHouseholdTable {
  municipality_id: string;
  person_id: string;
  consultation_id: string;
  household_id: string;
  received_on: string;
  receiving_agency_id: string;
  categories: string[];
  member_then: boolean;
}

/** A household's first consultation of any member, ever; derived by triggers (read-only here). */
export interface HouseholdFirstConsultationTable {
  municipality_id: string;
  household_id: string;
  first_received_on: string;
}

/** A household's concerns in a 年度, as concern_mask bits; derived by triggers (read-only here). */
export interface HouseholdYearConcernsTable {
  municipality_id: string;
  fiscal_year: number;
  household_id: string;
  mask: number;
}

/** Days from a household's first consultation to its case and first plan; derived by triggers (read-only here). */
export interface CaseTimingTable {
  municipality_id: string;
  case_id: string;
  opened_on: string;
  lead_agency_id: string;
  to_owner_days: number;
  to_plan_days: number | null;
}

/** Consultations received or 支援経過記録 written per day and agency, in slots; derived by triggers (read-only here). */
export interface DailyRecordCountTable {
  municipality_id: string;
  record_kind: 'consultation' | 'progress_note';
  day: string;
  agency_id: string;
  slot: number;
  records: number;
}

/** Sessions held per month with an organisation taking part; derived by triggers (read-only here). */
export interface CommunityPartnerMonthTable {
  municipality_id: string;
  month: string;
  partner_id: string;
  sessions: number;
}

/** Households per concern mask and 年度, in slots; derived by triggers (read-only here). */
export interface YearConcernMaskCountTable {
  municipality_id: string;
  fiscal_year: number;
  mask: number;
  slot: number;
  households: number;
}

export interface AnalyticsTables {
  welfare_plan: WelfarePlanTable;
  plan_indicator: PlanIndicatorTable;
  plan_indicator_year: PlanIndicatorYearTable;
  analytics_setting: AnalyticsSettingTable;
  consultation_household: ConsultationHouseholdTable;
  household_first_consultation: HouseholdFirstConsultationTable;
  case_timing: CaseTimingTable;
  household_year_concerns: HouseholdYearConcernsTable;
  daily_record_count: DailyRecordCountTable;
  community_partner_month: CommunityPartnerMonthTable;
  year_concern_mask_count: YearConcernMaskCountTable;
}
