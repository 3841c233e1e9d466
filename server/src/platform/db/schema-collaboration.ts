/** Kysely table types of 多機関協働 (issue 4): involvement, 支援チーム, meetings, plans. Keep in step with migrations/. */
import type { ColumnType, Generated } from 'kysely';
import type { DateCol, Opt, Timestamp, Version } from './schema.js';

export interface CoordinationEpisodeTable {
  municipality_id: string;
  episode_id: string;
  case_id: string;
  requested_by_agency_id: string;
  requested_by_user_id: string;
  request_reason: string;
  requested_at: Date;
  status: ColumnType<'requested' | 'active' | 'declined' | 'cancelled' | 'ended', 'requested' | 'active' | undefined, 'requested' | 'active' | 'declined' | 'cancelled' | 'ended'>;
  coordinator_agency_id: Opt<string>;
  coordinator_user_id: Opt<string>;
  decline_reason: Opt<string>;
  started_on: DateCol;
  ended_on: DateCol;
  end_summary: Opt<string>;
  handover_lead_agency_id: Opt<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface SupportTeamMemberTable {
  municipality_id: string;
  team_member_id: string;
  case_id: string;
  member_kind: 'agency' | 'resource';
  agency_id: Opt<string>;
  resource_name: Opt<string>;
  role: string;
  contact_person: Opt<string>;
  contact_phone: Opt<string>;
  joined_on: string;
  left_on: DateCol;
  added_by_user_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface MeetingTypeTable {
  municipality_id: string;
  meeting_type_id: string;
  code: string;
  name: string;
  legal_basis: string;
  convened_by: string;
  member_agency_ids: ColumnType<string[], string[] | undefined, string[]>;
  consent_required: boolean;
  closed_to_public: boolean;
  copied_from_code: Opt<string>;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export type MeetingStatus = 'scheduled' | 'open' | 'closed';

export interface MeetingTable {
  municipality_id: string;
  meeting_id: string;
  meeting_type_id: string;
  title: string;
  scheduled_at: Date;
  place: Opt<string>;
  convened_by_agency_id: string;
  chair_user_id: Opt<string>;
  status: ColumnType<MeetingStatus, MeetingStatus | undefined, MeetingStatus>;
  created_by_user_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface MeetingMemberTable {
  municipality_id: string;
  meeting_id: string;
  agency_id: string;
  user_id: Opt<string>;
  attended: Opt<boolean>;
}

export interface MeetingAcknowledgementTable {
  municipality_id: string;
  meeting_id: string;
  user_id: string;
  acknowledged_at: Date;
}

export type MeetingDecision = 'plan_approved' | 'evaluated' | 'closed' | 'suspended' | 'resource_gap' | 'continued';

export interface MeetingAgendaItemTable {
  municipality_id: string;
  agenda_item_id: string;
  meeting_id: string;
  case_id: string;
  basis: 'consent' | 'statutory';
  consent_id: Opt<string>;
  consent_consultation_id: Opt<string>;
  legal_basis: Opt<string>;
  purpose: Opt<string>;
  minutes: Opt<string>;
  decision: Opt<MeetingDecision>;
  decision_note: Opt<string>;
  plan_id: Opt<string>;
  plan_version: Opt<number>;
  added_by_user_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface MeetingInfoRequestTable {
  municipality_id: string;
  info_request_id: string;
  agenda_item_id: string;
  to_agency_id: string;
  question: string;
  answer: Opt<string>;
  answered_by_user_id: Opt<string>;
  answered_at: Opt<Date>;
  requested_by_user_id: string;
  requested_at: Date;
}

export type PlanStatus = 'active' | 'closed' | 'suspended' | 'superseded';

export interface SupportPlanTable {
  municipality_id: string;
  plan_id: string;
  case_id: string;
  status: ColumnType<PlanStatus, PlanStatus | undefined, PlanStatus>;
  current_version: ColumnType<number, number | undefined, number>;
  outcome_reason: Opt<string>;
  outcome_on: DateCol;
  replaces_plan_id: Opt<string>;
  created_by_user_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface SupportPlanVersionTable {
  municipality_id: string;
  plan_id: string;
  version_no: number;
  content: ColumnType<unknown, string, string>;
  next_review_on: DateCol;
  approved_meeting_id: Opt<string>;
  approved_on: DateCol;
  change_note: Opt<string>;
  created_by_user_id: string;
  created_by_agency_id: string;
  created_at: Date;
}

export interface SupportPlanActionTable {
  municipality_id: string;
  plan_id: string;
  version_no: number;
  action_no: number;
  agency_id: string;
  owner_name: Opt<string>;
  description: string;
  due_on: DateCol;
  done_on: DateCol;
}

export interface SupportPlanEvaluationTable {
  municipality_id: string;
  evaluation_id: string;
  plan_id: string;
  version_no: number;
  evaluated_on: string;
  goals: ColumnType<unknown, string, string>;
  summary: Opt<string>;
  meeting_id: Opt<string>;
  created_by_user_id: string;
  created_at: Date;
}

export interface CollaborationTables {
  coordination_episode: CoordinationEpisodeTable;
  support_team_member: SupportTeamMemberTable;
  meeting_type: MeetingTypeTable;
  meeting: MeetingTable;
  meeting_member: MeetingMemberTable;
  meeting_acknowledgement: MeetingAcknowledgementTable;
  meeting_agenda_item: MeetingAgendaItemTable;
  meeting_info_request: MeetingInfoRequestTable;
  support_plan: SupportPlanTable;
  support_plan_version: SupportPlanVersionTable;
  support_plan_action: SupportPlanActionTable;
  support_plan_evaluation: SupportPlanEvaluationTable;
}
