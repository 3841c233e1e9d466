/**
 * Test fixtures for the access-policy tests: one actor shape and named relationships between that
 * actor and a record. Not a test file itself.
 */
import { expect } from 'vitest';
import type { Actor, Role } from './actor.js';
import { can } from './policy.js';
import type {
  Action,
  Basis,
  BreakGlass,
  ConsentFact,
  Decision,
  DenyReason,
  MeetingFact,
  RecordFacts,
  RecordKind,
  ReferralFact,
} from './policy.types.js';

/** 2025-06-15 12:00 in Japan. */
export const NOW = new Date('2025-06-15T03:00:00Z');
export const MUNICIPALITY = 'muni-a';
export const OTHER_MUNICIPALITY = 'muni-b';
export const OWN_AGENCY = 'agency-own';
export const OTHER_AGENCY = 'agency-other';
export const USER = 'user-self';
export const OTHER_USER = 'user-other';
export const BREAK_GLASS: BreakGlass = { reason: '意識不明で救急搬送、既往歴の確認', grantId: 'bg-1' };

/** Every actor has an agency, so that refusals are shown to come from the role, not a missing agency. */
export function actorWith(roles: Role | readonly Role[], overrides: Partial<Actor> = {}): Actor {
  return {
    userId: USER,
    municipalityId: MUNICIPALITY,
    prefectureCode: '13',
    loginName: 'tester',
    roles: typeof roles === 'string' ? [roles] : roles,
    agencyIds: [OWN_AGENCY],
    ...overrides,
  };
}

export function consent(overrides: Partial<ConsentFact> = {}): ConsentFact {
  return { id: 'consent-1', status: 'given', agencyIds: 'all', dataCategories: 'all', ...overrides };
}

/** 支援会議（社会福祉法106条の6）with the actor as member who confirmed 守秘義務. */
export function supportMeeting(overrides: Partial<MeetingFact> = {}): MeetingFact {
  return {
    meetingId: 'meeting-106',
    meetingTypeCode: 'shien_kaigi',
    legalBasis: '社会福祉法106条の6',
    consentRequired: false,
    memberAgencyIds: [],
    memberUserIds: [USER],
    confidentialityAcknowledgedUserIds: [USER],
    status: 'open',
    ...overrides,
  };
}

/** 重層的支援会議: sharing only with the person's consent. */
export function jusouMeeting(overrides: Partial<MeetingFact> = {}): MeetingFact {
  return supportMeeting({
    meetingId: 'meeting-jusou',
    meetingTypeCode: 'jusou_shien_kaigi',
    legalBasis: '重層的支援体制整備事業実施要綱',
    consentRequired: true,
    ...overrides,
  });
}

/** つなぐ: an accepted referral to the actor's agency, on a legal basis unless a consent is given. */
export function referral(overrides: Partial<ReferralFact> = {}): ReferralFact {
  return { referralId: 'referral-1', toAgencyId: OWN_AGENCY, status: 'accepted', ...overrides };
}

type Facts = Omit<RecordFacts, 'kind'>;
const owned = (facts: Omit<Facts, 'municipalityId'>): Facts => ({
  municipalityId: MUNICIPALITY,
  ownerAgencyIds: [OTHER_AGENCY],
  ...facts,
});

/** Named relationships between `actorWith(...)` and a record. */
export const RELATIONS = {
  own_agency: owned({ ownerAgencyIds: [OWN_AGENCY] }),
  support_team: owned({ teamAgencyIds: [OWN_AGENCY] }),
  consent_all: owned({ consents: [consent()] }),
  consent_scoped: owned({
    dataCategory: 'health',
    consents: [consent({ agencyIds: [OWN_AGENCY], dataCategories: ['health'], validUntil: '2025-06-15' })],
  }),
  consent_withdrawn: owned({ consents: [consent({ status: 'withdrawn' })] }),
  consent_refused: owned({ consents: [consent({ status: 'refused' })] }),
  consent_unknown: owned({ consents: [consent({ status: 'unknown' })] }),
  consent_expired: owned({ consents: [consent({ validUntil: '2025-06-14' })] }),
  consent_other_agency: owned({ consents: [consent({ agencyIds: [OTHER_AGENCY] })] }),
  consent_other_category: owned({
    dataCategory: 'health',
    consents: [consent({ dataCategories: ['basic', 'finance'] })],
  }),
  meeting_106_ack: owned({ meetings: [supportMeeting()] }),
  meeting_106_ack_via_agency: owned({
    meetings: [supportMeeting({ memberUserIds: [], memberAgencyIds: [OWN_AGENCY] })],
  }),
  meeting_106_unack: owned({
    meetings: [supportMeeting({ confidentialityAcknowledgedUserIds: [OTHER_USER] })],
  }),
  meeting_106_closed: owned({ meetings: [supportMeeting({ status: 'closed' })] }),
  meeting_106_scheduled: owned({ meetings: [supportMeeting({ status: 'scheduled' })] }),
  /** After the meeting closed, the member's agency is (still) on the case's 支援チーム. */
  meeting_106_closed_team: owned({ teamAgencyIds: [OWN_AGENCY], meetings: [supportMeeting({ status: 'closed' })] }),
  meeting_106_nonmember: owned({
    meetings: [supportMeeting({ memberUserIds: [OTHER_USER], memberAgencyIds: [OTHER_AGENCY] })],
  }),
  meeting_jusou_no_consent: owned({ meetings: [jusouMeeting()] }),
  meeting_jusou_withdrawn_consent: owned({
    meetings: [jusouMeeting()],
    consents: [consent({ status: 'withdrawn' })],
  }),
  meeting_jusou_with_consent: owned({ meetings: [jusouMeeting()], consents: [consent()] }),
  none: owned({}),
  confidential_own_agency: owned({ confidential: true, ownerAgencyIds: [OWN_AGENCY] }),
  confidential_consent: owned({ confidential: true, consents: [consent()] }),
  confidential_referral: owned({ confidential: true, referrals: [referral()] }),
  referral_requested: owned({ referrals: [referral({ status: 'requested' })] }),
  referral_working: owned({ referrals: [referral({ status: 'in_progress' })] }),
  referral_consent_in_force: owned({ referrals: [referral({ consent: consent({ agencyIds: [OWN_AGENCY] }) })] }),
  referral_consent_withdrawn: owned({ referrals: [referral({ consent: consent({ status: 'withdrawn' }) })] }),
  referral_consent_other_agency: owned({ referrals: [referral({ consent: consent({ agencyIds: [OTHER_AGENCY] }) })] }),
  referral_draft: owned({ referrals: [referral({ status: 'draft' })] }),
  referral_completed: owned({ referrals: [referral({ status: 'completed' })] }),
  referral_rejected: owned({ referrals: [referral({ status: 'rejected' })] }),
  referral_to_other_agency: owned({ referrals: [referral({ toAgencyId: OTHER_AGENCY })] }),
  /** Everything matches except the municipality: agency ids are not unique across municipalities. */
  other_municipality_same_ids: {
    municipalityId: OTHER_MUNICIPALITY,
    ownerAgencyIds: [OWN_AGENCY],
    teamAgencyIds: [OWN_AGENCY],
    consents: [consent()],
    meetings: [supportMeeting()],
    referrals: [referral()],
    reportedByUserId: USER,
    subjectUserId: USER,
  },
  own_account: owned({ subjectUserId: USER }),
  other_account: owned({ subjectUserId: OTHER_USER }),
  own_report: owned({ reportedByUserId: USER }),
  other_report: owned({ reportedByUserId: OTHER_USER }),
  report_of_own_agency: owned({ reportedByUserId: OTHER_USER, ownerAgencyIds: [OWN_AGENCY] }),
} satisfies Record<string, Facts>;

export type Relation = keyof typeof RELATIONS;

export function recordFor(kind: RecordKind, relation: Relation, extra: Partial<RecordFacts> = {}): RecordFacts {
  return { ...RELATIONS[relation], ...extra, kind };
}

export type Row = {
  role: Role | readonly Role[];
  relation: Relation;
  kind: RecordKind;
  action: Action;
  breakGlass?: boolean;
  actor?: Partial<Actor>;
  extra?: Partial<RecordFacts>;
  now?: Date;
} & (
  | { expect: 'allow'; basis: Basis['kind'] | Basis }
  | { expect: 'deny'; reason: DenyReason }
);

export function evaluateRow(row: Row): Decision {
  const actor = actorWith(row.role, row.actor);
  const record = recordFor(row.kind, row.relation, row.extra);
  return can(actor, row.action, record, {
    now: row.now ?? NOW,
    ...(row.breakGlass ? { breakGlass: BREAK_GLASS } : {}),
  });
}

/** Asserts the decision of a table row: allowed with the basis, or denied with exactly the reason. */
export function checkRow(row: Row): void {
  const decision = evaluateRow(row);
  if (row.expect === 'allow') {
    const basis = typeof row.basis === 'string' ? { kind: row.basis } : row.basis;
    expect(decision).toMatchObject({ allowed: true, basis });
    if (typeof row.basis !== 'string') expect(decision).toEqual({ allowed: true, basis });
  } else {
    expect(decision).toEqual({ allowed: false, reason: row.reason });
  }
}

export function rowName(row: Row): string {
  const roles = typeof row.role === 'string' ? row.role : row.role.join('+');
  const bg = row.breakGlass ? ' +break-glass' : '';
  const outcome = row.expect === 'allow' ? `allow (${typeof row.basis === 'string' ? row.basis : row.basis.kind})` : `deny (${row.reason})`;
  return `${roles} / ${row.relation}${bg} / ${row.kind} / ${row.action} → ${outcome}`;
}
