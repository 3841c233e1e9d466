/**
 * Vocabulary of the access policy: what is asked (Action × RecordKind), what the caller knows about
 * the record (RecordFacts), and the answer (Decision, with the legal/organisational Basis or a
 * DenyReason). Types only; behaviour lives in policy.ts and the *.policy.ts files.
 */
import type { Actor, Role } from './actor.js';

export const ACTIONS = ['read', 'create', 'update', 'delete', 'export', 'list'] as const;
export type Action = (typeof ACTIONS)[number];

export const RECORD_KINDS = [
  'person',
  'household',
  'case',
  'consultation',
  'progress_note',
  'referral',
  'plan',
  'outreach_lead',
  'participation',
  'meeting_material',
  'volunteer_report',
  'directory',
  'aggregate',
  'user_account',
  'agency',
  'audit_log',
  'municipal_config',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Kinds sharing the rules of personal-record.policy.ts (要配慮個人情報 about a person or household). */
export const PERSONAL_RECORD_KINDS = [
  'person',
  'household',
  'case',
  'consultation',
  'progress_note',
  'referral',
  'plan',
  'outreach_lead', // アウトリーチ: a person (possibly not yet identified) not in contact
  'participation', // 参加支援: wishes, matches, placements, 定着支援 of a person
] as const satisfies readonly RecordKind[];
export type PersonalRecordKind = (typeof PERSONAL_RECORD_KINDS)[number];

/** Every kind that carries personal data (never visible to system_admin, auditor, prefecture_analyst). */
export const PERSONAL_DATA_KINDS = [
  ...PERSONAL_RECORD_KINDS,
  'meeting_material',
  'volunteer_report',
] as const satisfies readonly RecordKind[];

/** 本人同意. Scope: which agencies, which data, until when; revocable (withdrawn). */
export interface ConsentFact {
  id: string;
  status: 'given' | 'refused' | 'unknown' | 'withdrawn';
  agencyIds: readonly string[] | 'all';
  dataCategories: readonly string[] | 'all';
  /** Last day of validity, ISO date (YYYY-MM-DD, Japan time) or ISO timestamp. Absent = no end date. */
  validUntil?: string;
}

/** A meeting the record is on the agenda of. Meeting types and their rules are configuration. */
export interface MeetingFact {
  meetingId: string;
  meetingTypeCode: string;
  /** e.g. '社会福祉法106条の6' (支援会議) or the municipal rules of the 重層的支援会議. */
  legalBasis: string;
  /** false: sharing without consent under a statutory duty of confidentiality (支援会議, 法106条の6). */
  consentRequired: boolean;
  memberAgencyIds: readonly string[];
  memberUserIds: readonly string[];
  /** Users who confirmed the duty of confidentiality (守秘義務の確認). */
  confidentialityAcknowledgedUserIds: readonly string[];
  status: 'scheduled' | 'open' | 'closed';
}

/**
 * A つなぐ (referral) that concerns the record: the person or household it is about, its case, or a
 * record the sender attached. `consent` is the consent decision in force it relies on (absent for a
 * legal basis or an audited override); if that consent lapses, the referral shares nothing more.
 */
export interface ReferralFact {
  referralId: string;
  toAgencyId: string;
  status: 'draft' | 'requested' | 'accepted' | 'rejected' | 'in_progress' | 'on_hold' | 'completed' | 'failed' | 'cancelled';
  consent?: ConsentFact;
}

/**
 * What the caller (a repository) has loaded about the record. Later features fill in more facts;
 * an absent fact never grants anything.
 */
export interface RecordFacts {
  kind: RecordKind;
  municipalityId: string;
  id?: string;
  /** Lead / owning agency (主担当, receiving agency of a referral, responsible area agency). */
  ownerAgencyIds?: readonly string[];
  /** 支援チーム members. */
  teamAgencyIds?: readonly string[];
  consents?: readonly ConsentFact[];
  meetings?: readonly MeetingFact[];
  /** つなぐ: referrals to other agencies that concern this record. */
  referrals?: readonly ReferralFact[];
  /** 民生委員 who filed a volunteer_report (気づきの連絡). */
  reportedByUserId?: string;
  /** For user_account: the account itself. */
  subjectUserId?: string;
  /**
   * 秘匿指定 (e.g. a DV victim): the record never appears in lists or search outside its own
   * agencies and support team, even where consent or a referral lets someone open it.
   */
  confidential?: boolean;
  /** e.g. 'health', 'finance', 'basic'; checked against the consent scope. */
  dataCategory?: string;
}

/** 緊急閲覧. Passed in the request context, never in the record facts. */
export interface BreakGlass {
  reason: string;
  grantId: string;
}

export type Basis =
  | { kind: 'own_agency'; agencyId: string }
  | { kind: 'support_team'; agencyId: string }
  | { kind: 'consent'; consentId: string }
  | { kind: 'meeting'; meetingId: string; legalBasis: string }
  | { kind: 'referral'; referralId: string }
  | { kind: 'break_glass'; grantId: string; reason: string }
  | { kind: 'role'; role: Role }
  | { kind: 'self' }
  | { kind: 'own_report' };

export const DENY_REASONS = [
  'default_deny',
  'other_municipality',
  'role_not_permitted',
  'no_relationship',
  'consent_missing',
  'confidentiality_not_acknowledged',
  'meeting_closed',
  'confidential_record',
] as const;
export type DenyReason = (typeof DENY_REASONS)[number];

export type Decision = { allowed: true; basis: Basis } | { allowed: false; reason: DenyReason };

export interface CanOptions {
  breakGlass?: BreakGlass;
  /** Defaults to the current time; used for consent expiry. */
  now?: Date;
}

/** Everything a per-kind policy sees. */
export interface PolicyContext {
  actor: Actor;
  action: Action;
  record: RecordFacts;
  breakGlass?: BreakGlass;
  now: Date;
}

export type KindPolicy = (ctx: PolicyContext) => Decision;
